import { looksLikeColumnBlocks, orderColumnBlocks, readSideBySideStories } from "./blocks-order";
import { looksLikeLayout, readLayout } from "./layout";
import { hasHardBreak, headingLevel, isBlank, type Line } from "./lines";
import { stackPieces } from "./stack-line";
import { render } from "./text";
import type { Span } from "./types";

/**
 * The sequence of lines the labeller reads: what an extractor gave, in reading order,
 * each with the raw spans it covers and what its form says. Lines from a PDF importer
 * (issue 14) can carry their geometry; text input has none.
 */
export type Geometry = {
  /** Points, top-left origin. */
  x: number;
  y: number;
  width: number;
  height: number;
  fontSize: number;
  bold?: boolean;
};

export type ReadLine = {
  spans: Span[];
  /** Cleaned text (markup removed, wrapped lines joined), trimmed. */
  text: string;
  /** Physical line (row) it comes from. */
  row: number;
  /** A blank line, or the start of a new layout column run, before / after it. */
  blankBefore: boolean;
  blankAfter: boolean;
  /** Leading spaces (plain text) or characters right of its column's left edge (layout). */
  indent: number;
  /** Markdown heading level (0 otherwise), whole line bold, hard line break. */
  level: number;
  bold: boolean;
  hardBreak: boolean;
  geometry: Geometry | null;
};

export type ReadingFormat = "markdown" | "plain" | "layout";

export type Reading = { format: ReadingFormat; lines: ReadLine[] };

const BOLD_LINE = /^\*\*[^*]+\*\*$/;

function lineOf(text: string, md: boolean, spans: Span[], row: number, indent: number): ReadLine {
  return {
    spans,
    text: render(text, spans, md).text.trim(),
    row,
    blankBefore: false,
    blankAfter: false,
    indent,
    level: 0,
    bold: false,
    hardBreak: false,
    geometry: null,
  };
}

/** Lines read in a new order: each one's blank after is the blank before the one read next. */
function reordered(lines: ReadLine[]): ReadLine[] {
  lines.forEach((l, i) => {
    l.blankAfter = (lines[i + 1] as ReadLine | undefined)?.blankBefore ?? true;
  });
  return lines;
}

/** Reads the lines after `from` (the masthead's end) in reading order. */
export function readLines(text: string, lines: readonly Line[], md: boolean, from: number): Reading {
  if (!md && looksLikeLayout(text, lines)) {
    const out: ReadLine[] = [];
    let prevRun = -1;
    let prevRow = -1;
    for (const p of readLayout(text, lines, from)) {
      const l = lineOf(text, false, [p.span], p.row, p.indent);
      l.blankBefore = p.run !== prevRun || p.row - prevRow > 2;
      const before = out[out.length - 1];
      if (before) before.blankAfter = l.blankBefore;
      out.push(l);
      prevRun = p.run;
      prevRow = p.row;
    }
    if (out.length) (out[0] as ReadLine).blankBefore = true;
    return { format: "layout", lines: out };
  }
  const out: ReadLine[] = [];
  let blank = true;
  for (let row = from; row < lines.length; row++) {
    const ln = lines[row] as Line;
    if (isBlank(ln)) {
      blank = true;
      const before = out[out.length - 1];
      if (before) before.blankAfter = true;
      continue;
    }
    const level = md ? headingLevel(text, ln) : 0;
    // A heading that holds a whole headline stack is read as its pieces (./stack-line.ts).
    const pieces = level > 0 ? stackPieces(text, { start: ln.cs, end: ln.ce }) : [{ start: ln.cs, end: ln.ce }];
    pieces.forEach((span, k) => {
      const l = lineOf(text, md, [span], row, k === 0 ? ln.cs - ln.start : 0);
      l.blankBefore = k === 0 && blank;
      if (md) {
        l.level = level;
        l.bold = BOLD_LINE.test(text.slice(ln.cs, ln.ce));
        l.hardBreak = k === pieces.length - 1 && hasHardBreak(text, ln);
      }
      out.push(l);
    });
    blank = false;
  }
  const last = out[out.length - 1];
  if (last) last.blankAfter = true;
  if (md) return { format: "markdown", lines: out };
  // Stories set side by side with their columns printed line by line across them (./blocks-order.ts).
  const read = reordered(readSideBySideStories(out));
  if (looksLikeColumnBlocks(read)) return { format: "plain", lines: reordered(orderColumnBlocks(read)) };
  return { format: "plain", lines: read };
}
