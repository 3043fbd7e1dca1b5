import { isLatinish, isWhite } from "./chars";
import type { Span } from "./types";

/** A run of kept characters (`raw` >= 0) or an inserted joiner (`raw` = -1). */
type Seg = { raw: number; len: number; str?: string };

export type Rendered = { text: string; segs: Seg[] };

const HEADING_MARK = /#{1,6}[ \t]+/y;
const BLOCK_MARK = /(?:[-*+]|>)[ \t]+/y;
const INLINE_MARK = /\*\*|__|<(https?:\/\/[^\s<>]+)>/g;

function atLineStart(text: string, pos: number): boolean {
  for (let i = pos - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) return true;
    if (c !== 0x20 && c !== 0x09) return false;
  }
  return true;
}

/** Length of the markdown line prefix (`## `, `- `, `> `) at `pos`, or 0. */
export function markPrefixLength(text: string, pos: number, end: number): number {
  if (!atLineStart(text, pos)) return 0;
  for (const re of [HEADING_MARK, BLOCK_MARK]) {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (m && pos + m[0].length <= end) return m[0].length;
  }
  return 0;
}

/** Splits one span into kept segments, dropping markdown syntax but keeping link targets. */
function cleanSpan(text: string, start: number, end: number, md: boolean, out: Seg[]): void {
  if (!md) {
    out.push({ raw: start, len: end - start });
    return;
  }
  let s = start;
  let e = end;
  const prefix = markPrefixLength(text, s, e);
  if (prefix > 0) {
    const heading = text.charCodeAt(s) === 0x23;
    s += prefix;
    if (heading) {
      const m = /[ \t]+#+$/.exec(text.slice(s, e));
      if (m) e -= m[0].length;
    }
  }
  const slice = text.slice(s, e);
  INLINE_MARK.lastIndex = 0;
  let last = 0;
  for (let m = INLINE_MARK.exec(slice); m; m = INLINE_MARK.exec(slice)) {
    if (m.index > last) out.push({ raw: s + last, len: m.index - last });
    if (m[1] !== undefined) out.push({ raw: s + m.index + 1, len: m[1].length });
    last = m.index + m[0].length;
  }
  if (last < slice.length) out.push({ raw: s + last, len: slice.length - last });
}

function lastChar(text: string, segs: Seg[]): { code: number; prev: number } {
  for (let i = segs.length - 1; i >= 0; i--) {
    const g = segs[i] as Seg;
    if (g.len === 0) continue;
    const src = g.str ?? text.substr(g.raw, g.len);
    return { code: src.charCodeAt(src.length - 1), prev: src.length > 1 ? src.charCodeAt(src.length - 2) : -1 };
  }
  return { code: -1, prev: -1 };
}

const isLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isLower = (c: number) => c >= 0x61 && c <= 0x7a;

/**
 * Renders spans as unwrapped text: Han text joins without a space, Latin text with
 * one, and "inter-" + "national" becomes one word. Keeps a map back to raw offsets.
 */
export function render(text: string, spans: readonly Span[], md: boolean): Rendered {
  const segs: Seg[] = [];
  for (const sp of spans) {
    const part: Seg[] = [];
    cleanSpan(text, sp.start, sp.end, md, part);
    const first = part.find((g) => g.len > 0);
    if (first && segs.length > 0) {
      const next = text.charCodeAt(first.raw);
      const { code, prev } = lastChar(text, segs);
      if (code === 0x2d && isLetter(prev) && isLower(next)) {
        for (let i = segs.length - 1; i >= 0; i--) {
          const g = segs[i] as Seg;
          if (g.len > 0) {
            g.len -= 1;
            break;
          }
        }
      } else if (isLatinish(code) && isLatinish(next)) {
        segs.push({ raw: -1, len: 1, str: " " });
      }
    }
    for (const g of part) if (g.len > 0) segs.push(g);
  }
  const out: string[] = [];
  for (const g of segs) out.push(g.str ?? text.substr(g.raw, g.len));
  return { text: out.join(""), segs };
}

export function renderText(text: string, spans: readonly Span[], md: boolean): string {
  return render(text, spans, md).text;
}

/** Raw offset of the clean character at `idx` (an inserted joiner maps to the next kept char). */
export function rawAt(r: Rendered, idx: number, fallback: number): number {
  let pos = 0;
  for (const g of r.segs) {
    if (idx < pos + g.len) {
      if (g.raw >= 0) return g.raw + (idx - pos);
      idx = pos + g.len;
    }
    pos += g.len;
  }
  return fallback;
}

/** Shrinks a span to its non-whitespace content, or null when nothing is left. */
export function trimSpan(text: string, start: number, end: number): Span | null {
  let s = start;
  let e = end;
  while (s < e && isWhite(text.charCodeAt(s))) s++;
  while (e > s && isWhite(text.charCodeAt(e - 1))) e--;
  return s < e ? { start: s, end: e } : null;
}

/**
 * Cuts a span list at raw offsets (ascending) into cuts.length + 1 parts. Every
 * character stays in exactly one part, which is what keeps the coverage invariant.
 */
export function cutSpans(text: string, spans: readonly Span[], cuts: readonly number[]): Span[][] {
  const parts: Span[][] = [[]];
  let ci = 0;
  for (const sp of spans) {
    let s = sp.start;
    while (ci < cuts.length && (cuts[ci] as number) <= sp.end) {
      const c = Math.max(s, cuts[ci] as number);
      const t = trimSpan(text, s, c);
      if (t) (parts[parts.length - 1] as Span[]).push(t);
      parts.push([]);
      s = c;
      ci++;
    }
    const t = trimSpan(text, s, sp.end);
    if (t) (parts[parts.length - 1] as Span[]).push(t);
  }
  while (parts.length < cuts.length + 1) parts.push([]);
  return parts;
}
