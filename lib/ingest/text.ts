import { isLatinish, isWhite, isWide } from "./chars";
import { parseStandaloneByline } from "./byline";
import type { Span } from "./types";

/** A run of kept characters (`raw` >= 0) or an inserted joiner (`raw` = -1). */
type Seg = { raw: number; len: number; str?: string };

export type Rendered = { text: string; segs: Seg[] };

// Read once: an imported function called per character is a getter call each time in
// CommonJS output (tsx, the benches).
const white = isWhite;

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

/**
 * Spaces of a spaced-out line ("管 ， 都 一 股 脑 儿": a justified line whose characters the
 * extractor printed apart): where single characters follow each other one space apart,
 * mostly wide ones, the spaces go, also the ones joining such a run to the words at its
 * ends ("新区 外 贸 进" → "新区外贸进"). Two spaces are typeset (a name padded to three
 * characters' width, 刘  泉), and "A B" phrases keep their space.
 */
export function spacedOutGaps(text: string, start: number, end: number): Span[] {
  // Most spans have no space between two characters (CJK text): nothing to find, and no
  // tokens made to find it.
  // (Looked for within the span: `indexOf` would read on to the next space of the whole
  // page, which in CJK text can be pages away, for every span.)
  let space = start;
  while (space + 1 < end && text.charCodeAt(space) !== 0x20) space++;
  if (space + 1 >= end) return [];
  // Tokens: maximal runs of non-space characters, and the single spaces between them.
  const toks: { s: number; e: number }[] = [];
  const gapAfter: boolean[] = [];
  let i = start;
  while (i < end) {
    while (i < end && white(text.charCodeAt(i))) i++;
    if (i >= end) break;
    const s0 = i;
    while (i < end && !white(text.charCodeAt(i))) i++;
    toks.push({ s: s0, e: i });
    gapAfter.push(i + 1 < end && text.charCodeAt(i) === 0x20 && !white(text.charCodeAt(i + 1)));
  }
  const gaps: Span[] = [];
  let k = 0;
  while (k < toks.length) {
    // A run: toks[k] … toks[m], single spaces between, every interior token one character.
    let m = k;
    while (m + 1 < toks.length && gapAfter[m] && (m === k || oneChar(text, toks[m] as { s: number; e: number }))) m++;
    // The last token joined may be long only if it is the run's end; an interior long one ends it.
    if (m > k + 1) {
      let wide = 0;
      let n = 0;
      for (let j = k; j <= m; j++) {
        const t = toks[j] as { s: number; e: number };
        const edge = j === k ? t.e - 1 : t.s;
        n++;
        if (isWide(text.charCodeAt(edge))) wide++;
      }
      if (wide * 2 >= n) for (let j = k; j < m; j++) gaps.push({ start: (toks[j] as { e: number }).e, end: (toks[j] as { e: number }).e + 1 });
      k = m;
    } else k++;
  }
  return gaps;
}

const isSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
/** A token of one character (a surrogate pair is one). */
const oneChar = (text: string, t: { s: number; e: number }) => t.e - t.s === 1 || (t.e - t.s === 2 && isSurrogate(text.charCodeAt(t.s)));

function dropGaps(out: Seg[], from: number, text: string, start: number, end: number): void {
  const gaps = spacedOutGaps(text, start, end);
  if (gaps.length === 0) return;
  // A byline's two-character names are spaced out too (本报记者 翟钦奇 吴 勇): closed up, the
  // names would run together (翟钦奇吴勇). A short line the byline grammar reads keeps them apart.
  if (end - start <= 60 && parseStandaloneByline(text.slice(start, end)) !== null) return;
  const segs = out.splice(from);
  for (const g of segs) {
    let s = g.raw;
    const e = g.raw + g.len;
    for (const gap of gaps) {
      if (gap.end <= s || gap.start >= e) continue;
      if (gap.start > s) out.push({ raw: s, len: gap.start - s });
      s = Math.max(s, gap.end);
    }
    if (s < e) out.push({ raw: s, len: e - s });
  }
}

/** Splits one span into kept segments, dropping markdown syntax but keeping link targets. */
function cleanSpan(text: string, start: number, end: number, md: boolean, out: Seg[]): void {
  const from = out.length;
  if (!md) {
    out.push({ raw: start, len: end - start });
    dropGaps(out, from, text, start, end);
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
  dropGaps(out, from, text, start, end);
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
  // Most lines are one segment: their text is a slice, with no array to join.
  if (segs.length === 1) {
    const g = segs[0] as Seg;
    return { text: g.str ?? text.substr(g.raw, g.len), segs };
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
