import { isWide } from "../chars";
import { normalize } from "../normalize";
import type { PageContent, Rect, TextRun } from "./types";

/**
 * A printed line: the runs on one baseline that sit next to each other in the same size.
 * pdf.js gives a line as one run for most writers, a word or a character at a time for
 * others; columns side by side stay apart (their gutter is wider than any gap in a line).
 */
export type PdfLine = Rect & {
  page: number;
  text: string;
  baseline: number;
  size: number;
  bold: boolean;
  font: string;
  vertical: boolean;
  /** Characters that are not whitespace. */
  chars: number;
};

/**
 * Merge runs whose gap is at most this many ems: letter spacing and word spaces (a double
 * space too) are less, a column gutter more. A comma hanging into the gutter narrows it, so
 * a run that starts where many lines of the page start (a column's left edge) begins a line
 * of its own after any clear gap (SURE_GAP_EM). Phrases of a headline further apart are
 * joined by the stack (blocks.ts).
 */
const MAX_GAP_EM = 0.9;
const SURE_GAP_EM = 0.1;

const isWideChar = (s: string) => s.length > 0 && isWide(s.charCodeAt(0));

/**
 * Undoes the spaces an extractor puts into a line justified by letter spacing
 * ("北 京 地 区 生 产"): when nearly every token is one character, the single spaces between
 * single characters go. A wider gap (two spaces or more: a real space, stretched like the
 * rest, as between names in a byline) stays one space; spaces between words stay too.
 */
export function unspace(text: string): string {
  const tokens = text.split(/ +/).filter(Boolean);
  if (tokens.length < 3) return text;
  const singles = tokens.filter((t) => [...t].length === 1).length;
  if (singles / tokens.length < 0.7) return text;
  return text
    .trim()
    .split(/ {2,}/)
    .map((segment) => {
      let out = "";
      segment.split(" ").forEach((t, i, all) => {
        const prev = all[i - 1];
        out += i > 0 && !([...t].length === 1 && prev !== undefined && [...prev].length === 1) ? ` ${t}` : t;
      });
      return out;
    })
    .join(" ");
}

function joinRuns(runs: readonly TextRun[]): string {
  let out = "";
  let prev: TextRun | null = null;
  for (const r of runs) {
    const t = unspace(r.text);
    if (prev) {
      const gap = r.x - (prev.x + prev.w);
      const wide = isWideChar(out.slice(-1)) && isWideChar(t.trimStart().slice(0, 1));
      // A gap between Latin words is a space; Han characters join (justification spreads them).
      if (gap > r.size * 0.2 && !wide && !out.endsWith(" ") && !t.startsWith(" ")) out += " ";
      else if (gap > r.size * 0.8 && wide) out += " ";
    }
    out += t;
    prev = r;
  }
  return normalize(out).replace(/\n/g, " ").replace(/ {2,}/g, " ").trim();
}

function nonSpace(s: string): number {
  let n = 0;
  for (const ch of s) if (ch.trim()) n++;
  return n;
}

function lineOf(page: number, runs: TextRun[]): PdfLine | null {
  const text = joinRuns(runs);
  if (!text) return null;
  const x = Math.min(...runs.map((r) => r.x));
  const right = Math.max(...runs.map((r) => r.x + r.w));
  const y = Math.min(...runs.map((r) => r.y));
  const bottom = Math.max(...runs.map((r) => r.y + r.h));
  // The line's size and face are those of most of its characters.
  const main = [...runs].sort((a, b) => nonSpace(b.text) - nonSpace(a.text))[0] as TextRun;
  return {
    page,
    text,
    x,
    y,
    w: right - x,
    h: bottom - y,
    baseline: main.baseline,
    size: main.size,
    bold: runs.every((r) => r.bold || !r.text.trim()),
    font: main.font,
    vertical: runs.some((r) => r.vertical),
    chars: nonSpace(text),
  };
}

/** The page's lines, top to bottom and left to right. */
export function linesOf(content: PageContent): PdfLine[] {
  const horizontal = content.runs.filter((r) => !r.vertical).sort((a, b) => a.baseline - b.baseline || a.x - b.x);
  // Where lines start: the first run on a baseline, or a run after a clear gap. A column's left
  // edge is where several lines start (characters drawn one by one start nowhere in particular).
  const starts = new Map<number, number>();
  let prevRun: TextRun | null = null;
  for (const r of horizontal) {
    const fresh = !prevRun || Math.abs(r.baseline - prevRun.baseline) > r.size * 0.3 || r.x - (prevRun.x + prevRun.w) > r.size * 0.3;
    if (fresh) starts.set(Math.round(r.x), (starts.get(Math.round(r.x)) ?? 0) + 1);
    prevRun = r;
  }
  const columnStart = (x: number) => [-1, 0, 1].reduce((n, d) => n + (starts.get(Math.round(x) + d) ?? 0), 0) >= 4;
  const open: TextRun[][] = [];
  const done: TextRun[][] = [];
  for (const r of horizontal) {
    let joined = false;
    for (let i = open.length - 1; i >= 0; i--) {
      const line = open[i] as TextRun[];
      const last = line[line.length - 1] as TextRun;
      if (r.baseline - last.baseline > Math.max(r.size, last.size) * 0.3) {
        // Too far above everything still being read: that line is finished.
        done.push(line);
        open.splice(i, 1);
        continue;
      }
      const ratio = r.size / last.size;
      const gap = r.x - (last.x + last.w);
      const em = Math.max(r.size, last.size);
      if (ratio > 0.8 && ratio < 1.25 && gap > -last.size * 0.5 && gap < em * MAX_GAP_EM && !(gap > em * SURE_GAP_EM && columnStart(r.x))) {
        line.push(r);
        joined = true;
        break;
      }
    }
    if (!joined) open.push([r]);
  }
  done.push(...open);
  const lines: PdfLine[] = [];
  for (const runs of done) {
    const l = lineOf(content.number, runs);
    if (l) lines.push(l);
  }
  // Vertical text (a rotated label) stays as runs of its own, never in a column.
  for (const r of content.runs.filter((x) => x.vertical)) {
    const l = lineOf(content.number, [r]);
    if (l) lines.push(l);
  }
  return lines.sort((a, b) => a.y - b.y || a.x - b.x);
}
