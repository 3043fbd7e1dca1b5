import { BYLINE_ROLE_WORDS, parseStandaloneByline } from "./byline";
import { displayWidth, endsSentence, hanCount, hasSentencePunct, isGeneralPunct, isWide } from "./chars";
import type { Line } from "./lines";
import type { Span } from "./types";

/**
 * Text that keeps the physical layout (`pdftotext -layout`, a fixed-width export) prints
 * the columns of a page side by side: one text row holds a line of each column, and
 * neighbouring articles' rows interleave. This step reads such text back in column
 * order, without moving a character: it only decides the order in which pieces of
 * rows (raw offsets) are read.
 *
 * 0. The running head across the top of the page (date, page number, section) is read
 *    first, as printed, apart from the columns.
 * 1. Each row is cut into pieces at runs of two or more spaces (a justified line is
 *    spaced out with single spaces, a gutter is wider), and at a single space that lines
 *    up with a gutter in the rows around it (a narrow gutter a drifted line touched).
 * 2. Pieces are chained into column runs: a piece continues the run whose last piece
 *    starts within a few characters of it, at most a few rows above with nothing printed
 *    between them (positions drift a little because a CJK character fills one character
 *    cell but is wider in print).
 *    The two phrases of a headline printed apart on one row become a run of their own.
 *    A line alone on its row over a row of several columns is a headline over them, not
 *    the first line of the column it happens to start above (but columns whose first lines
 *    print a row up, on their byline's row, line up with the lines under them), and a line
 *    two blank rows under a column with nothing under it is not the column's next line.
 * 3. Runs are ordered by recursive cuts of the page (X-Y cut), trying a gutter first
 *    (what is left of it is read first), then a gap between rows: on a page made of
 *    rectangular articles this keeps each article's runs together, its headline above
 *    its columns, the columns left to right. Two things come before the gutter: a gap
 *    between stories stacked on one grid (their gutters line up, so a gutter cut would
 *    read a strip of columns through all of them), and a headline centred over several
 *    columns (its cells cover only its left part), with the rows of its stack under it,
 *    heads all the columns under it, also when its cells (or its kicker's) stand alone
 *    over a gutter, and so does a title set from the left edge whose subtitle stands
 *    beside it, over the next column. Cutting between rows, a row of stories' headlines
 *    side by side is not cut from the columns right under it.
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
/** Cells two pieces must share to be one above the other (positions drift by a cell or two). */
const MIN_OVERLAP = 3;

/**
 * The groups `runs` fall into along one axis: a group ends where no run of it reaches
 * the next run's start (`slack` allows a little overlap, as a column's lines drift).
 */
function cut(runs: Run[], lo: (r: Run) => number, hi: (r: Run) => number, other: (r: Run) => number, slack: number): Run[][] {
  const sorted = [...runs].sort((a, b) => lo(a) - lo(b) || other(a) - other(b));
  const groups: Run[][] = [];
  let cur: Run[] = [];
  let reach = -Infinity;
  for (const r of sorted) {
    if (cur.length && lo(r) > reach - slack) {
      groups.push(cur);
      cur = [];
    }
    cur.push(r);
    reach = Math.max(reach, hi(r));
  }
  groups.push(cur);
  return groups;
}

/**
 * Cells a stack's next line must share with the line above it: a line in smaller type, less
 * squeezed, can stand mostly right of the larger line's cells.
 */
const STACK_OVERLAP = 1;
/** Rows between a headline and the first line of the columns under it. */
const HEAD_ROWS = 3;
/** Rows more under a headline in the largest type (printed in two phrases on one row). */
const LARGE_TYPE_ROWS = 1;
/** At most this many rows (and lines, for one stack) in a headline read above its columns. */
const HEAD_PIECES = 3;
/** Rows from one story's last line to the next story's headline: two blank rows at least. */
const STORY_GAP = 3;

const pieceText = (text: string, p: LayoutPiece) => text.slice(p.span.start, p.span.end);
// A run's rows, each once: a headline's two phrases printed apart on one row are one line.
const rowsOf = (runs: readonly Run[]) => runs.flatMap((r) => [...new Set(r.pieces.map((p) => p.row))]);

/** A kicker that leads into its title ends on a dash ("…各界热议“中国机遇”——"), which ends no sentence. */
const KICKER_DASH = /[—―]{2}\s*$/u;

/**
 * A few rows of lines none of which finishes a sentence, as a headline's. On `kickerRow`,
 * the top row of a stack with a line under it, a line may end on a kicker's dash.
 */
function headlineLike(text: string, runs: readonly Run[], kickerRow = -1): boolean {
  // A run's lines are on rows of their own: a long run is a column (and cheap to tell).
  if (runs.some((r) => r.pieces.length > HEAD_PIECES)) return false;
  const finished = (p: LayoutPiece) => {
    const s = pieceText(text, p);
    return endsSentence(s) && !(p.row === kickerRow && KICKER_DASH.test(s));
  };
  return new Set(rowsOf(runs)).size <= HEAD_PIECES && runs.every((r) => r.pieces.every((p) => !finished(p)));
}

/**
 * The top of a group of runs when it is a headline over the group's columns: the runs
 * above the first gap between rows, a few headline-like rows right over the rest. A stack
 * has one line a row; with `sideBySide`, a row may hold several stories' headlines.
 */
function headOf(text: string, group: Run[], sideBySide = false): { head: Run[]; bodyTop: number; stack: boolean } | null {
  const bands = cut(group, (r) => r.r0, (r) => r.r1, (r) => r.x0, 0);
  if (bands.length < 2) return null;
  // A stack prints its kicker, title and subtitle each on a row of its own, one over the
  // other: below the first, the next rows holding a line (no column) a few rows apart are
  // the headline's too, so the columns start under its last line. Not across a row of
  // several stories' headlines (`sideBySide`: one story's subtitle is not another's).
  let n = 1;
  while (!sideBySide && n + 1 < bands.length) {
    const above = bands[n - 1] as Run[];
    const next = bands[n] as Run[];
    const rows = rowsOf(bands.slice(0, n + 1).flat());
    if (rows.length > HEAD_PIECES || new Set(rows).size !== rows.length || next.some((r) => r.r1 !== r.r0)) break;
    const overlaps = (r: Run) => above.some((a) => Math.min(a.x1, r.x1) - Math.max(a.x0, r.x0) >= STACK_OVERLAP);
    const gap = (next[0] as Run).r0 - Math.max(...above.map((r) => r.r1));
    if (gap > HEAD_ROWS || !next.every(overlaps) || !headlineLike(text, next)) break;
    n++;
  }
  const head = bands.slice(0, n).flat();
  const rows = rowsOf(head);
  const stack = new Set(rows).size === rows.length;
  // The stack's top line, alone on its row over another line of it, can be its kicker.
  const first = bands[0] as Run[];
  const kickerRow = n > 1 && first.length === 1 && (first[0] as Run).pieces.length === 1 ? (first[0] as Run).r0 : -1;
  if ((!stack && !sideBySide) || rows.length > (stack ? HEAD_PIECES : HEAD_PIECES * 3) || !headlineLike(text, head, kickerRow)) return null;
  const bodyTop = Math.min(...(bands[n] as Run[]).map((r) => r.r0));
  const headBottom = Math.max(...head.map((r) => r.r1));
  // A headline printed in two phrases on one row is set in the largest type, which takes
  // a row more above the columns.
  const phrases = head.some((r) => new Set(r.pieces.map((p) => p.row)).size < r.pieces.length);
  return bodyTop - headBottom <= HEAD_ROWS + (phrases ? LARGE_TYPE_ROWS : 0) ? { head, bodyTop, stack } : null;
}

/**
 * A headline that stands in a gutter by itself (a photo report's title squeezed to the
 * left of its middle, over the gutter between two of its columns): a stack, one line a row,
 * that heads the columns starting a few rows under it.
 */
function headAlone(text: string, group: Run[]): { head: Run[]; bodyTop: number; stack: boolean } | null {
  const rows = rowsOf(group);
  if (new Set(rows).size !== rows.length || !headlineLike(text, group)) return null;
  return { head: group, bodyTop: Math.max(...group.map((r) => r.r1)) + HEAD_ROWS, stack: true };
}

/**
 * A subtitle centred under its title starts within the title's cells or right after them
 * (another story's headline further right is not a subtitle).
 */
function besideTitle(title: Run[], sub: Run[]): boolean {
  const x1 = Math.max(...title.map((r) => r.x1));
  const sx0 = Math.min(...sub.map((r) => r.x0));
  return sx0 > Math.min(...title.map((r) => r.x0)) && sx0 <= x1 + MAX_DRIFT;
}

/**
 * A title set from its column's left edge whose subtitle, centred under it, stands over the
 * next column: the title is farther above its own column than a headline's rows allow
 * (the subtitle's row is between them, beside), so it is a headline when the next group
 * opens with a one-row headline a row or two under it and its column starts no lower than
 * the columns under that subtitle.
 */
function titleOverSubtitle(text: string, group: Run[], next: Run[] | undefined): { head: Run[]; bodyTop: number; stack: boolean } | null {
  const bands = cut(group, (r) => r.r0, (r) => r.r1, (r) => r.x0, 0);
  const title = bands[0] as Run[];
  if (bands.length < 2 || rowsOf(title).length !== 1 || !headlineLike(text, title)) return null;
  const sub = subtitleBeside(text, title, next);
  if (!sub) return null;
  const subRow = Math.min(...sub.head.map((r) => r.r0));
  const bodyTop = Math.min(...(bands[1] as Run[]).map((r) => r.r0));
  if (bodyTop <= subRow || bodyTop > sub.bodyTop) return null;
  return { head: title, bodyTop, stack: true };
}

/**
 * The subtitle of `title` when the next group opens with it: a one-row headline a row or
 * two under the title, starting beside its cells (`besideTitle`). Both places a subtitle
 * can stand right of its title's squeezed cells ask this (`titleOverSubtitle`,
 * `centredHeadline`), each adding where its columns must start.
 */
function subtitleBeside(text: string, title: Run[], next: Run[] | undefined): { head: Run[]; bodyTop: number } | null {
  const sub = next ? headOf(text, next) : null;
  if (!sub || new Set(rowsOf(sub.head)).size !== 1) return null;
  const gap = Math.min(...sub.head.map((r) => r.r0)) - Math.max(...title.map((r) => r.r1));
  return gap > 0 && gap <= HEAD_ROWS && besideTitle(title, sub.head) ? sub : null;
}

/**
 * A headline whose cells can be the left part of a line centred over these runs: it
 * starts right of their left edge and its cells' middle is not right of their middle.
 */
function centredOver(head: Run[], runs: Run[]): boolean {
  const x0 = Math.min(...runs.map((r) => r.x0));
  const x1 = Math.max(...runs.map((r) => r.x1));
  const hx0 = Math.min(...head.map((r) => r.x0));
  const hx1 = Math.max(...head.map((r) => r.x1));
  return hx0 > x0 + MAX_DRIFT && hx0 + hx1 <= x0 + x1 + 4;
}

/**
 * A headline centred over several columns prints its large characters one cell each, so
 * its cells cover only the left part of where it stands: the gutter cut puts it over one
 * column in the middle of its story, read after the columns left of it. When the column
 * groups on either side of the headline's group start right under it (nothing printed
 * beside it) and the headline can be centred over all of them, those groups are read as
 * one: the headline first, then the columns under it. A column that opens with a byline
 * is a story's first: the headline's columns start there at the latest, and the next
 * story's start there.
 */
function centredHeadline(text: string, columns: Run[][]): { before: Run[][]; head: Run[]; under: Run[]; after: Run[][] } | null {
  const opensStory = (k: number) => {
    const first = [...(columns[k] as Run[])].sort((a, b) => a.r0 - b.r0)[0]?.pieces[0];
    return !!first && !!parseStandaloneByline(pieceText(text, first));
  };
  for (let g = 0; g < columns.length; g++) {
    const top = headOf(text, columns[g] as Run[]) ?? headAlone(text, columns[g] as Run[]) ?? titleOverSubtitle(text, columns[g] as Run[], columns[g + 1]);
    if (!top) continue;
    const headTop = Math.min(...top.head.map((r) => r.r0));
    // Where the columns under the headline start (under its subtitle, when one is found beside it).
    let bodyTop = top.bodyTop;
    const startsUnder = (k: number) => {
      const r0 = Math.min(...(columns[k] as Run[]).map((r) => r.r0));
      return r0 > headTop && r0 <= bodyTop;
    };
    // A short kicker centred over its title starts right of the title's squeezed cells,
    // over the gutter beside them: a stack alone in the next group, ending a few rows over
    // the title, is the title's kicker.
    let head = top.head;
    let i = g;
    let j = g;
    for (const k of [g - 1, g + 1]) {
      const kicker = k >= 0 && k < columns.length ? headAlone(text, columns[k] as Run[]) : null;
      if (!kicker) continue;
      const bottom = Math.max(...kicker.head.map((r) => r.r1));
      if (bottom >= headTop || headTop - bottom > HEAD_ROWS || rowsOf([...head, ...kicker.head]).length > HEAD_PIECES) continue;
      head = [...kicker.head, ...head];
      i = Math.min(i, k);
      j = Math.max(j, k);
    }
    // A subtitle centred under its title can stand right of the title's cells, over the next
    // column: a one-row headline topping the next group, a row or two under the title and
    // starting beside its cells, is the title's subtitle, and the columns start under it.
    const next = head === top.head ? subtitleBeside(text, head, columns[g + 1]) : null;
    if (next && rowsOf([...head, ...next.head]).length <= HEAD_PIECES && next.bodyTop >= bodyTop) {
      head = [...head, ...next.head];
      j = g + 1;
      bodyTop = next.bodyTop;
    }
    while (i > 0 && !opensStory(i) && startsUnder(i - 1)) i--;
    while (j + 1 < columns.length && startsUnder(j + 1) && !opensStory(j + 1)) j++;
    if (i === j) continue;
    const union = columns.slice(i, j + 1).flat();
    // A title with its kicker found beside it is a stack by itself, centred or not.
    if (head === top.head && !centredOver(top.head, union)) continue;
    return {
      before: columns.slice(0, i),
      head: [...head].sort((a, b) => a.r0 - b.r0),
      under: union.filter((r) => !head.includes(r)),
      after: columns.slice(j + 1),
    };
  }
  return null;
}

/**
 * Where a story's columns end and the next story's headline starts, across the whole
 * region: a gap between rows that no run crosses, two blank rows at least, under something
 * that is not itself a headline (a headline's gap to its subtitle), over headlines (side
 * by side, or one centred) and two columns or more. The gutters of stories stacked on one
 * grid line up, so a gutter cut first would read a column strip through all of them.
 */
function storyBreak(text: string, bands: Run[][]): number {
  for (let k = 1; k < bands.length; k++) {
    const upper = bands[k - 1] as Run[];
    const above = Math.max(...upper.map((r) => r.r1));
    const below = Math.min(...(bands[k] as Run[]).map((r) => r.r0));
    if (below - above < STORY_GAP || headlineLike(text, upper)) continue;
    const lower = bands.slice(k).flat();
    const sideBySide = headOf(text, lower, true);
    // A stack is judged centred with all its rows: a kicker in smaller type, less squeezed
    // than its title, stands right of the title's cells.
    const top = sideBySide?.stack ? (headOf(text, lower) ?? sideBySide) : sideBySide;
    if (!top) continue;
    const under = lower.filter((r) => !top.head.includes(r));
    if (cut(under, (r) => r.x0, (r) => r.x1, (r) => r.r0, 2).length < 2) continue;
    if (!top.stack || centredOver(top.head, under)) return k;
  }
  return -1;
}

/**
 * Bands between gaps, a row of stories' headlines side by side (a few rows, no finished
 * sentence, two runs or more on a row) joined to the band right under it (at most a couple
 * of blank rows between them) when that band is not itself a headline: the headlines and
 * the columns they head, which the next cut sets apart story by story. A stack (one line a
 * row) is read as it stands, before the band under it.
 */
function headlinesWithColumns(text: string, bands: Run[][]): Run[][] {
  const out: Run[][] = [];
  let pending: Run[][] = [];
  // Two runs on one row (a headline's two phrases are one run).
  const sideBySide = () => {
    const rows = pending.flat().map((r) => r.r0);
    return new Set(rows).size < rows.length;
  };
  for (const band of bands) {
    const top = Math.min(...band.map((r) => r.r0));
    const last = pending[pending.length - 1];
    if (last && top - Math.max(...last.map((r) => r.r1)) > HEAD_ROWS) {
      out.push(...pending);
      pending = [];
    }
    if (headlineLike(text, band)) pending.push(band);
    else if (sideBySide()) {
      out.push([...pending.flat(), ...band]);
      pending = [];
    } else {
      out.push(...pending, band);
      pending = [];
    }
  }
  out.push(...pending);
  return out;
}

/**
 * Where a column's lines end, for the gutter cut: a line with many digits or Latin letters
 * (half a cell wide in print, a whole one here) runs on into the gutter now and then, where
 * the next column has nothing on its row; the column still ends where most of its lines end.
 */
function coreRight(r: Run): number {
  if (r.pieces.length < 5) return r.x1;
  const ends = r.pieces.map((p) => p.x1).sort((a, b) => a - b);
  return ends[(ends.length - 1) >> 1] as number;
}

function orderRuns(text: string, runs: Run[]): Run[] {
  if (runs.length <= 1) return runs;
  const order = (group: Run[]) => orderRuns(text, group);
  const bands = cut(runs, (r) => r.r0, (r) => r.r1, (r) => r.x0, 0);
  const k = storyBreak(text, bands);
  if (k > 0) return [...order(bands.slice(0, k).flat()), ...order(bands.slice(k).flat())];
  // A gutter: a position no run crosses (a couple of characters of overlap allowed for drift).
  const columns = cut(runs, (r) => r.x0, coreRight, (r) => r.r0, 2);
  if (columns.length > 1) {
    const centred = centredHeadline(text, columns);
    // The columns after it are read as a region again: one of them can be under a headline of its own.
    if (centred) return [...centred.before.flatMap(order), ...centred.head, ...order(centred.under), ...order(centred.after.flat())];
    return columns.flatMap(order);
  }
  // A gap between rows that no run crosses; a headline is not cut from the columns right
  // under it (a row of stories' headlines side by side goes with their columns, which the
  // next cut sets apart story by story).
  if (bands.length > 1) {
    const joined = headlinesWithColumns(text, bands);
    return (joined.length > 1 ? joined : bands).flatMap(order);
  }
  // No clean cut (runs overlap): take the leftmost topmost run first and go on.
  const first = [...runs].sort((a, b) => a.x0 - b.x0 || a.r0 - b.r0)[0] as Run;
  return [first, ...order(runs.filter((r) => r !== first))];
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

function pieceAt(lineStart: number, x: number, length: number, row: number): LayoutPiece {
  const start = lineStart + x;
  return { span: { start, end: start + length }, row, x0: x, x1: x + length, run: -1, indent: 0, runStart: false };
}

/** The end of a byline's role word and the names after it: "本报记者 张三 李四". */
const BYLINE_ROLE = new RegExp(`(?:${BYLINE_ROLE_WORDS.join("|")})\\s*\\S{0,4}(?:\\s\\S{2,4})*$`, "u");

/** Rows looked at above and below for a column's edge. */
const EDGE_ROWS = 2;
const EDGE_DRIFT = 2;

/**
 * Where a gutter is narrow, a CJK line that drifted a cell to the right touches the next
 * column with a single space ("…高度集聚， 今空气质量…"), and two headlines side by side
 * print as one line. Such a space is a gutter when a nearby row has a piece starting
 * right after it and one ending right before it. A space between two words of one line
 * (Latin text, a spaced-out justified line) does not line up with a column's edge, or
 * stands between pieces of one or two characters; a byline's names after its role word
 * are kept together even where the rows around them happen to line up.
 */
function splitAtGutters(text: string, p: LayoutPiece, rows: readonly { row: number; pieces: LayoutPiece[] }[], k: number): LayoutPiece[] {
  const s = text.slice(p.span.start, p.span.end);
  if (!s.includes(" ")) return [p];
  const starts: number[] = [];
  const ends: number[] = [];
  for (let j = Math.max(0, k - EDGE_ROWS); j <= Math.min(rows.length - 1, k + EDGE_ROWS); j++) {
    if (j === k) continue;
    for (const q of (rows[j] as (typeof rows)[number]).pieces) {
      starts.push(q.x0);
      ends.push(q.x1);
    }
  }
  const near = (xs: number[], x: number) => xs.some((v) => Math.abs(v - x) <= EDGE_DRIFT);
  const out: LayoutPiece[] = [];
  let from = 0;
  const words = s.split(" ");
  let at = 0;
  words.forEach((w, i) => {
    const next = words[i + 1];
    at += w.length + 1;
    if (next === undefined || w.length < 3 || next.length < 3 || at - from - 1 < 4) return;
    // A byline's names follow its role word with a space ("本报记者 张三 李四").
    if (BYLINE_ROLE.test(s.slice(0, at - 1))) return;
    const before = s.charCodeAt(at - 2);
    const after = s.charCodeAt(at);
    if (!isWide(before) && !isWide(after) && !isGeneralPunct(before) && !isGeneralPunct(after)) return;
    const x = p.x0 + at;
    if (!near(starts, x) || !near(ends, x - 1)) return;
    out.push(pieceAt(p.span.start - p.x0, p.x0 + from, at - 1 - from, p.row));
    from = at;
  });
  if (from === 0) return [p];
  out.push(pieceAt(p.span.start - p.x0, p.x0 + from, s.length - from, p.row));
  return out;
}

/** A phrase of a headline: a few characters, nearly all Han, no sentence punctuation. */
function isPhrase(s: string, max: number): boolean {
  const n = [...s].length;
  return n >= 2 && n <= max && hanCount(s) >= n - 2 && !hasSentencePunct(s);
}

const PHRASE_GAP = 30;
/** Characters in a headline's first phrase; a longer one when the gap after it fits its length. */
const SHORT_PHRASE = 8;
const LONG_PHRASE = 12;

/** Characters in each phrase of a couplet headline; its widest gap, in cells per character of a phrase. */
const BALANCED_MIN = 4;
const BALANCED_MAX = 8;
const BALANCED_GAP = 8;
/** A column tag closing a headline: "文脉贯古今（感知文化里的中国）". */
const COLUMN_TAG = /[（(][^（）()]*[）)]$/u;

/**
 * A headline in two phrases of one length, each a few characters, a couplet ("深耕科技金融
 * 赋能企业发展", a column tag after the second not counted), set in type so large that the
 * gap between them is several times wider than a phrase: two stories' headlines side by side
 * are seldom both this short and this even (and a byline opens the second one's column).
 */
function balancedPair(a: string, b: string, gap: number): boolean {
  const n = [...a].length;
  const m = [...b.replace(COLUMN_TAG, "")].length;
  return n >= BALANCED_MIN && n <= BALANCED_MAX && n === m && gap <= BALANCED_GAP * n;
}

/**
 * A headline in two phrases ("深耕品牌建设　彰显时代担当") prints as two pieces of one row
 * with a wide gap between them (its large characters take one cell each, their places
 * come from the print): the gap can line up with a gutter below, and the X-Y cut would
 * read the phrases in two different columns. When both pieces open their runs, the first
 * is short (or a little longer with a gap one to two times as wide as it: the gap of large
 * type grows with the phrase before it) and the second not much longer, and the gap is four cells or more
 * but narrower than a column (or wider, for a couplet: `balancedPair`), the two become a run of
 * their own spanning both (no cut passes between them; the rows under them are cut off as a
 * band). Two headlines side by side are longer or further apart.
 */
function keepPhrasesTogether(text: string, runs: Run[]): Run[] {
  const first = new Map<LayoutPiece, Run>();
  for (const r of runs) first.set(r.pieces[0] as LayoutPiece, r);
  const byRow = new Map<number, LayoutPiece[]>();
  for (const p of runs.flatMap((r) => r.pieces)) {
    const row = byRow.get(p.row);
    if (row) row.push(p);
    else byRow.set(p.row, [p]);
  }
  const joined = new Map<Run, Run>();
  const str = (p: LayoutPiece) => text.slice(p.span.start, p.span.end);
  // A story's byline opens its first column: one opening a column right of the first phrase,
  // a few rows under it, shows a second story there, headed by the second "phrase".
  const bylineRightOf = (a: LayoutPiece) => {
    for (let row = a.row + 1; row <= a.row + HEAD_ROWS; row++) {
      if ((byRow.get(row) ?? []).some((q) => q.x0 >= a.x1 && first.has(q) && parseStandaloneByline(str(q)))) return true;
    }
    return false;
  };
  for (const row of byRow.values()) {
    row.sort((a, b) => a.x0 - b.x0);
    for (let k = 0; k + 1 < row.length; k++) {
      const a = row[k] as LayoutPiece;
      const b = row[k + 1] as LayoutPiece;
      const ra = first.get(a);
      const rb = first.get(b);
      // Two columns' first lines go on row by row; a large headline's phrases do not both.
      if (ra?.pieces[1]?.row === a.row + 1 && rb?.pieces[1]?.row === b.row + 1) continue;
      if (!ra || !rb || joined.has(ra) || joined.has(rb) || b.x0 - a.x1 < 4) continue;
      if (b.x0 - a.x1 > PHRASE_GAP && (!balancedPair(str(a), str(b), b.x0 - a.x1) || bylineRightOf(a))) continue;
      // Large characters take a cell each but print wider: the gap after a phrase grows with
      // its length, so a longer first phrase is a headline's when the gap is one to two times
      // as wide as it (two headlines side by side stand further apart).
      const n = [...str(a)].length;
      const most = b.x0 - a.x1 >= n && b.x0 - a.x1 <= 2 * n ? LONG_PHRASE : SHORT_PHRASE;
      if (!isPhrase(str(a), most) || !isPhrase(str(b), 15)) continue;
      joined.set(rb, ra);
      k++;
    }
  }
  if (joined.size === 0) return runs;
  const heads = new Map<Run, Run>();
  for (const [rb, ra] of joined) heads.set(ra, runOf([ra.pieces[0] as LayoutPiece, rb.pieces[0] as LayoutPiece]));
  const out: Run[] = [];
  for (const r of runs) {
    const head = heads.get(r);
    if (head) out.push(head);
    const rest = head || joined.has(r) ? r.pieces.slice(1) : r.pieces;
    if (rest.length === r.pieces.length) out.push(r);
    else if (rest.length) out.push(runOf(rest));
  }
  return out;
}

/** Cells a running head may start right of the page's left edge. */
const MARGIN_SLACK = 4;
/** How far across the page a running head reaches at least (its last word set flush right, give or take a few cells). */
const HEAD_REACH = 0.9;
/** A running head's date or page number: "2026年5月7日", "星期四", "第4版". */
const FOLIO = /\d{1,4}年\d{1,2}月\d{1,2}日|星期[一二三四五六日天]|第\d+版/u;

/**
 * The running head over a page (date, page number, section, editors, the paper's name) is
 * its first row, printed across the whole page from edge to edge, with the date or page
 * number in it. Its words stand over the columns' gutters here and there, so read as the
 * page's other rows it was cut at the gutters and its pieces went into the columns below
 * (the first one on down the left column), which kept a centred headline from heading
 * the columns it stands over. It is read first, as printed, apart from the columns.
 */
function isRunningHead(text: string, first: readonly LayoutPiece[], right: number): boolean {
  const p0 = first[0];
  const p1 = first[first.length - 1];
  return !!p0 && !!p1 && p0.x0 <= MARGIN_SLACK && p1.x1 >= right * HEAD_REACH && first.some((p) => FOLIO.test(pieceText(text, p)));
}

/** The pieces of a side-by-side page from line `from` on, in reading order. */
export function readLayout(text: string, lines: readonly Line[], from = 0): LayoutPiece[] {
  const rows: { row: number; pieces: LayoutPiece[] }[] = [];
  for (let row = from; row < lines.length; row++) {
    const l = lines[row] as Line;
    if (l.cs === l.ce) continue;
    const s = text.slice(l.start, l.end);
    const here: LayoutPiece[] = [];
    GAP.lastIndex = 0;
    for (let m = GAP.exec(s); m; m = GAP.exec(s)) here.push(pieceAt(l.start, m.index, m[0].length, row));
    rows.push({ row, pieces: here });
  }
  const right = Math.max(0, ...rows.flatMap((r) => r.pieces.map((p) => p.x1)));
  const head = rows.length > 1 && isRunningHead(text, rows[0]?.pieces ?? [], right) ? (rows.shift()?.pieces ?? []) : [];
  const pieces = rows.flatMap((r, k) => r.pieces.flatMap((p) => splitAtGutters(text, p, rows, k)));
  if (pieces.length === 0) return head.map((p, i) => ({ ...p, run: i, runStart: true }));
  const widths = pieces.map((p) => p.x1 - p.x0).sort((a, b) => a - b);
  const typical = widths[Math.floor(widths.length * 0.75)] as number;
  const spansColumns = (p: LayoutPiece) => p.x1 - p.x0 > typical * 1.5;
  const onRow = new Map<number, LayoutPiece[]>();
  for (const p of pieces) {
    const here = onRow.get(p.row);
    if (here) here.push(p);
    else onRow.set(p.row, [p]);
  }
  // A column goes on under its last line only if nothing was printed between them (a
  // subtitle between a headline and the column it happens to line up with).
  const between = (r: Run, p: LayoutPiece) => {
    const last = r.pieces[r.pieces.length - 1] as LayoutPiece;
    const x0 = Math.min(last.x0, p.x0);
    const x1 = Math.max(last.x1, p.x1);
    for (let row = last.row + 1; row < p.row; row++) for (const q of onRow.get(row) ?? []) if (Math.min(q.x1, x1) - Math.max(q.x0, x0) >= MIN_OVERLAP) return true;
    return false;
  };
  // A line alone on its row that opens a run, over a row of several columns, is a headline
  // over them, not the first line of the column it happens to start above.
  const overColumns = (r: Run, p: LayoutPiece) => {
    if (r.pieces.length !== 1) return false;
    const aboveRow = onRow.get((r.pieces[0] as LayoutPiece).row) ?? [];
    const hereRow = onRow.get(p.row) ?? [];
    const above = aboveRow.length;
    const here = hereRow.length;
    if (above === 1) return here >= 2;
    // Columns whose first lines are printed a row up (on their byline's row) are as wide as
    // the lines under them and start where they start: a row of columns, not a headline.
    const sameColumn = (a: LayoutPiece) => hereRow.some((q) => Math.abs(q.x0 - a.x0) <= 1 && Math.abs(q.x1 - a.x1) <= 2);
    const columnsUp = sameColumn(r.pieces[0] as LayoutPiece) && aboveRow.filter(sameColumn).length >= 2;
    return above + 2 <= here && !columnsUp;
  };
  // A column's lines are at most one blank row apart: a line two blank rows under a run's
  // last line with nothing printed under it is a headline or a label between stories, not
  // the column's next line.
  const aloneAfterGap = (r: Run, p: LayoutPiece) => {
    if (p.row - r.lastRow < 3) return false;
    const under = onRow.get(p.row + 1) ?? [];
    return !under.some((q) => Math.min(q.x1, p.x1) - Math.max(q.x0, p.x0) >= 1);
  };
  const runs: Run[] = [];
  const open: Run[] = [];
  for (const p of pieces) {
    let best: Run | null = null;
    let bestD = Infinity;
    for (const r of open) {
      if (p.row - r.lastRow > MAX_ROW_GAP || p.row === r.lastRow) continue;
      const d = Math.abs(p.x0 - r.lastStart);
      if (d > MAX_DRIFT || spansColumns(p) !== r.wide || between(r, p) || overColumns(r, p) || aloneAfterGap(r, p)) continue;
      if (d < bestD || (d === bestD && best && r.lastRow > best.lastRow)) {
        best = r;
        bestD = d;
      }
    }
    if (!best) {
      best = { pieces: [], r0: p.row, r1: p.row, x0: p.x0, x1: p.x1, lastStart: p.x0, lastRow: p.row, wide: spansColumns(p) };
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
  const ordered = orderRuns(text, keepPhrasesTogether(text, runs.flatMap((r) => splitWideEnds(text, r))));
  [...head.map((p) => runOf([p])), ...ordered].forEach((r, i) => {
    r.pieces.forEach((p, k) => {
      p.run = i;
      p.indent = p.x0 - r.x0;
      p.runStart = k === 0;
      out.push(p);
    });
  });
  return out;
}
