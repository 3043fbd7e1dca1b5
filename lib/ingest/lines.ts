import { isWhite } from "./chars";
import type { Format } from "./types";

/** A physical line: [start, end) without the newline; [cs, ce) is its trimmed content. */
export type Line = { start: number; end: number; cs: number; ce: number };

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    let cs = start;
    let ce = end;
    while (cs < ce && isWhite(text.charCodeAt(cs))) cs++;
    while (ce > cs && isWhite(text.charCodeAt(ce - 1))) ce--;
    lines.push({ start, end, cs, ce });
    start = end + 1;
  }
  return lines;
}

export const isBlank = (l: Line): boolean => l.cs === l.ce;

const HEADING = /#{1,6}[ \t]+\S/y;

/** Markdown ATX heading level of a line, 0 when it is not a heading. */
export function headingLevel(text: string, l: Line): number {
  if (text.charCodeAt(l.cs) !== 0x23) return 0;
  HEADING.lastIndex = l.cs;
  if (!HEADING.test(text)) return 0;
  let n = 0;
  while (text.charCodeAt(l.cs + n) === 0x23) n++;
  return n;
}

/** Markdown hard break: two trailing spaces (or a backslash) before the newline. */
export function hasHardBreak(text: string, l: Line): boolean {
  if (text.charCodeAt(l.ce - 1) === 0x5c) return true;
  return l.end - l.ce >= 2 && text.charCodeAt(l.end - 1) === 0x20 && text.charCodeAt(l.end - 2) === 0x20;
}

/**
 * Markdown when it has ATX headings, or at least two other markdown signals; a stray
 * "**" in plain text should not switch the whole page to markdown rules.
 */
export function detectFormat(text: string, lines: readonly Line[]): Format {
  let signals = 0;
  for (const l of lines) {
    if (l.cs === l.ce) continue;
    if (headingLevel(text, l) > 0) return "markdown";
    if (hasHardBreak(text, l)) signals++;
    if (signals >= 2) return "markdown";
  }
  signals += (text.match(/\*\*[^*\n]+\*\*|<https?:\/\/[^\s<>]+>/g) ?? []).length;
  return signals >= 2 ? "markdown" : "plain";
}
