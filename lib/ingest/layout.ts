import { displayWidth } from "./chars";
import type { Line } from "./lines";
import type { Span } from "./types";

/**
 * Text that keeps the physical layout (`pdftotext -layout`, a fixed-width export) prints
 * the columns of a page side by side: one text row holds a line of each column, and
 * neighbouring articles' rows interleave. This step reads such text back in column
 * order, without moving a character: it only decides the order in which pieces of
 * rows (raw offsets) are read.
 *
 * 1. Each row is cut into pieces at runs of two or more spaces (a justified line is
 *    spaced out with single spaces, a gutter is wider).
 * 2. Pieces are chained into column runs: a piece continues the run whose last piece
 *    starts within a few characters of it, at most a few rows above (positions drift
 *    a little because a CJK character fills one character cell but is wider in print).
 * 3. Runs are ordered by recursive cuts of the page (X-Y cut), trying a gutter first
 *    (what is left of it is read first), then a gap between rows: on a page made of
 *    rectangular articles this keeps each article's runs together, its headline above
 *    its columns, the columns left to right.
 */
export type LayoutPiece = {
  span: Span;
  row: number;
  /** Character positions in the row, [x0, x1). */
  x0: number;
  x1: number;
  /** Index of its column run (in reading order). */
  run: number;
  /** Characters it starts to the right of its run's leftmost piece (a paragraph indent). */
  indent: number;
  /** First piece of its run. */
  runStart: boolean;
};

const GAP = /\S+(?: \S+)*/g;

/** A page printed side by side: many rows hold two or more pieces, or start far right. */
export function looksLikeLayout(text: string, lines: readonly Line[]): boolean {
  let rows = 0;
  let wide = 0;
  for (const l of lines) {
    if (l.cs === l.ce) continue;
    rows++;
    const s = text.slice(l.start, l.end);
    const lead = l.cs - l.start;
    if (lead >= 12 || /\S {3,}\S/.test(s)) wide++;
  }
  return rows >= 8 && wide >= rows * 0.3;
}

type Run = { pieces: LayoutPiece[]; r0: number; r1: number; x0: number; x1: number; lastStart: number; lastRow: number; wide: boolean };

const MAX_DRIFT = 4;
const MAX_ROW_GAP = 3;

function orderRuns(runs: Run[]): Run[] {
  if (runs.length <= 1) return runs;
  // A gutter: a position no run crosses (a couple of characters of overlap allowed for drift).
  const byX = [...runs].sort((a, b) => a.x0 - b.x0 || a.r0 - b.r0);
  const groups: Run[][] = [];
  let cur: Run[] = [];
  let reach = -Infinity;
  for (const r of byX) {
    if (cur.length && r.x0 >= reach - 1) {
      groups.push(cur);
      cur = [];
    }
    cur.push(r);
    reach = Math.max(reach, r.x1);
  }
  groups.push(cur);
  if (groups.length > 1) return groups.flatMap(orderRuns);
  const byRow = [...runs].sort((a, b) => a.r0 - b.r0 || a.x0 - b.x0);
  const bands: Run[][] = [];
  cur = [];
  reach = -Infinity;
  for (const r of byRow) {
    if (cur.length && r.r0 > reach) {
      bands.push(cur);
      cur = [];
    }
    cur.push(r);
    reach = Math.max(reach, r.r1);
  }
  bands.push(cur);
  if (bands.length > 1) return bands.flatMap(orderRuns);
  // No clean cut (runs overlap): take the leftmost topmost run first and go on.
  const first = [...runs].sort((a, b) => a.x0 - b.x0 || a.r0 - b.r0)[0] as Run;
  return [first, ...orderRuns(runs.filter((r) => r !== first))];
}

function runOf(pieces: LayoutPiece[]): Run {
  const last = pieces[pieces.length - 1] as LayoutPiece;
  return {
    pieces,
    r0: (pieces[0] as LayoutPiece).row,
    r1: last.row,
    x0: Math.min(...pieces.map((p) => p.x0)),
    x1: Math.max(...pieces.map((p) => p.x1)),
    lastStart: last.x0,
    lastRow: last.row,
    wide: false,
  };
}

/**
 * A column's lines are as wide as the column; a line wider than that at either end of a
 * run is something else that happened to start at the column's edge (a subtitle over the
 * column, a caption below it) and becomes a run of its own.
 */
function splitWideEnds(text: string, r: Run): Run[] {
  if (r.pieces.length < 4) return [r];
  const w = r.pieces.map((p) => displayWidth(text.slice(p.span.start, p.span.end)));
  const sorted = [...w].sort((a, b) => a - b);
  const median = sorted[sorted.length >> 1] as number;
  const tooWide = (k: number) => (w[k] as number) > median * 1.12 + 1;
  let a = 0;
  while (a < r.pieces.length - 3 && tooWide(a)) a++;
  let b = r.pieces.length;
  while (b > a + 3 && tooWide(b - 1)) b--;
  if (a === 0 && b === r.pieces.length) return [r];
  const out: Run[] = [];
  for (let k = 0; k < a; k++) out.push(runOf([r.pieces[k] as LayoutPiece]));
  out.push(runOf(r.pieces.slice(a, b)));
  for (let k = b; k < r.pieces.length; k++) out.push(runOf([r.pieces[k] as LayoutPiece]));
  return out;
}

/** The pieces of a side-by-side page from line `from` on, in reading order. */
export function readLayout(text: string, lines: readonly Line[], from = 0): LayoutPiece[] {
  const pieces: LayoutPiece[] = [];
  for (let row = from; row < lines.length; row++) {
    const l = lines[row] as Line;
    if (l.cs === l.ce) continue;
    const s = text.slice(l.start, l.end);
    GAP.lastIndex = 0;
    for (let m = GAP.exec(s); m; m = GAP.exec(s)) {
      const start = l.start + m.index;
      pieces.push({ span: { start, end: start + m[0].length }, row, x0: m.index, x1: m.index + m[0].length, run: -1, indent: 0, runStart: false });
    }
  }
  if (pieces.length === 0) return pieces;
  const widths = pieces.map((p) => p.x1 - p.x0).sort((a, b) => a - b);
  const typical = widths[Math.floor(widths.length * 0.75)] as number;
  const isWide = (p: LayoutPiece) => p.x1 - p.x0 > typical * 1.5;
  const runs: Run[] = [];
  const open: Run[] = [];
  for (const p of pieces) {
    let best: Run | null = null;
    let bestD = Infinity;
    for (const r of open) {
      if (p.row - r.lastRow > MAX_ROW_GAP || p.row === r.lastRow) continue;
      const d = Math.abs(p.x0 - r.lastStart);
      if (d > MAX_DRIFT || isWide(p) !== r.wide) continue;
      if (d < bestD || (d === bestD && best && r.lastRow > best.lastRow)) {
        best = r;
        bestD = d;
      }
    }
    if (!best) {
      best = { pieces: [], r0: p.row, r1: p.row, x0: p.x0, x1: p.x1, lastStart: p.x0, lastRow: p.row, wide: isWide(p) };
      runs.push(best);
      open.push(best);
    }
    best.pieces.push(p);
    best.r1 = p.row;
    best.x0 = Math.min(best.x0, p.x0);
    best.x1 = Math.max(best.x1, p.x1);
    best.lastStart = p.x0;
    best.lastRow = p.row;
    // Runs that can no longer continue are closed (keeps the search short).
    for (let k = open.length - 1; k >= 0; k--) if (p.row - (open[k] as Run).lastRow > MAX_ROW_GAP) open.splice(k, 1);
  }
  const out: LayoutPiece[] = [];
  orderRuns(runs.flatMap((r) => splitWideEnds(text, r))).forEach((r, i) => {
    r.pieces.forEach((p, k) => {
      p.run = i;
      p.indent = p.x0 - r.x0;
      p.runStart = k === 0;
      out.push(p);
    });
  });
  return out;
}
