import { cutToChars } from "../text-length";
/**
 * Turning the reader's search box into a query plan for SQLite, and marking
 * hits in a result snippet. The plan carries values for bound parameters only;
 * nothing here is spliced into SQL text.
 */

export const MAX_QUERY_CHARS = 100;
/** FTS5's trigram tokenizer indexes 3-character windows: a shorter term cannot match through MATCH. */
export const TRIGRAM_MIN_CHARS = 3;

/**
 * "fts": every term is long enough for MATCH. "short": some term has one or two characters;
 * each of those is found as the start of an indexed trigram (`prefixes`, folded to lower case as
 * the tokenizer folds them; see db/migrations/0007_short_term_search.sql), the long ones through
 * `match` when there are any.
 */
export type SearchPlan =
  | { kind: "empty" }
  | { kind: "fts"; match: string; terms: string[] }
  | { kind: "short"; match: string | null; prefixes: string[]; terms: string[] };

/** Chinese list and sentence punctuation separates terms like a space does ("荣昌，夏布" is two terms). */
const CJK_SEPARATORS = /[\u3001\u3002\uFF0C\uFF1B\uFF1A\uFF01\uFF1F]/gu;
/** Controls and format characters (zero-width space, BOM, bidi marks) that a paste brings along. */
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;

const codePoints = (s: string) => Array.from(s).length;

/** NFKC (full-width ＡＩ -> AI), invisible characters removed, spaces collapsed, at most 100 code points. */
export function normaliseQuery(q: string): string {
  const s = q
    .replace(CJK_SEPARATORS, " ")
    .normalize("NFKC")
    .replace(INVISIBLE, " ")
    .replace(/\s+/gu, " ")
    .trim();
  return cutToChars(s, MAX_QUERY_CHARS).trim();
}

/** Terms in the order typed, repeated ones (ignoring case) once. */
export function searchTerms(q: string): string[] {
  const normalised = normaliseQuery(q);
  if (normalised === "") return [];
  const seen = new Set<string>();
  const terms: string[] = [];
  for (const term of normalised.split(" ")) {
    const key = term.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    terms.push(term);
  }
  return terms;
}

/** `"` inside an FTS5 string is written `""`; the whole term is one quoted string so operators (AND, NEAR, *, :) stay literal. */
export function ftsPhrase(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

/**
 * Every term must match (AND). Terms of three characters or more go to the FTS5 trigram index
 * through MATCH; a shorter one ("荣昌", "AI", "荣") would match nothing there, so it is looked up
 * among the index's own trigrams instead, all of which start with it wherever it occurs.
 */
export function planSearch(q: string): SearchPlan {
  const terms = searchTerms(q);
  if (terms.length === 0) return { kind: "empty" };
  const long = terms.filter((t) => codePoints(t) >= TRIGRAM_MIN_CHARS);
  const short = terms.filter((t) => codePoints(t) < TRIGRAM_MIN_CHARS);
  const match = long.map(ftsPhrase).join(" AND ");
  if (short.length === 0) return { kind: "fts", match, terms };
  return { kind: "short", match: match === "" ? null : match, prefixes: short.map((t) => t.toLowerCase()), terms };
}

export type SnippetPart = { text: string; hit: boolean };
export type Snippet = { before: boolean; parts: SnippetPart[]; after: boolean };

export function escapeRegExp(s: string): string {
  // Only syntax characters: under the u flag an escaped "-" outside a class is a SyntaxError.
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
const isWordChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9]/.test(c);

/** Moves a cut that falls between Latin letters out to the nearest space, if one is close. */
function snapStart(text: string, start: number, limit: number): number {
  if (start === 0 || !isWordChar(text[start - 1]) || !isWordChar(text[start])) return start;
  for (let i = start; i < Math.min(limit, start + 15); i++) if (text[i] === " ") return i + 1;
  return start;
}
function snapEnd(text: string, end: number, limit: number): number {
  if (end === text.length || !isWordChar(text[end - 1]) || !isWordChar(text[end])) return end;
  for (let i = end - 1; i > Math.max(limit, end - 15); i--) if (text[i] === " ") return i;
  return end;
}

/** A case-insensitive pattern matching any of the terms, longest first so "企业" does not cut "科技型企业" short. */
function termsPattern(terms: readonly string[]): RegExp | null {
  const needles = [...new Set(terms.filter((t) => t !== ""))].sort((a, b) => b.length - a.length);
  return needles.length === 0 ? null : new RegExp(needles.map(escapeRegExp).join("|"), "giu");
}

/**
 * Every hit of the terms in a short text (a headline or byline), marked; the
 * text is kept whole and as written. A story found by a word in its headline
 * shows the hit there, since its body snippet may have none.
 */
export function markTerms(text: string, terms: readonly string[]): SnippetPart[] {
  const re = termsPattern(terms);
  if (!re) return text === "" ? [] : [{ text, hit: false }];
  const parts: SnippetPart[] = [];
  let cursor = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > cursor) parts.push({ text: text.slice(cursor, m.index), hit: false });
    parts.push({ text: m[0], hit: true });
    cursor = m.index + m[0].length;
  }
  if (cursor < text.length) parts.push({ text: text.slice(cursor), hit: false });
  return parts;
}

/**
 * A window of about `radius` characters either side of the first hit, with
 * every hit inside it marked (case-insensitive). Returns plain strings: the
 * page renders hits as <mark> React nodes, so the text is never parsed as HTML.
 * Without a hit the window is the start of the text.
 */
export function highlightSnippet(text: string, terms: readonly string[], radius = 60): Snippet {
  const flat = text.replace(/\s+/gu, " ").trim();
  const re = termsPattern(terms);
  const hits: { start: number; end: number }[] = [];
  if (re) for (const m of flat.matchAll(re)) hits.push({ start: m.index, end: m.index + m[0].length });

  const width = Math.max(0, radius);
  const first = hits[0];
  let start: number;
  let end: number;
  if (first) {
    const leftRoom = first.start;
    const rightRoom = flat.length - first.end;
    // Room unused on one side goes to the other, so a hit near either end still gets a full window.
    const left = Math.min(leftRoom, width + Math.max(0, width - rightRoom));
    const right = Math.min(rightRoom, width + Math.max(0, width - leftRoom));
    start = first.start - left;
    end = first.end + right;
    start = snapStart(flat, start, first.start);
    end = snapEnd(flat, end, first.end);
    // A later hit cut by the window's end would show as half a word marked ("荣" of 荣昌): take it whole.
    const straddling = hits.find((h) => h.start < end && h.end > end);
    if (straddling) end = straddling.end;
  } else {
    start = 0;
    end = snapEnd(flat, Math.min(flat.length, 2 * width), 0);
  }
  if (start > 0 && isLowSurrogate(flat.charCodeAt(start))) start--;
  if (end < flat.length && isLowSurrogate(flat.charCodeAt(end))) end++;

  const parts: SnippetPart[] = [];
  const push = (from: number, to: number, hit: boolean) => {
    if (to <= from) return;
    const last = parts[parts.length - 1];
    const piece = flat.slice(from, to);
    if (last && last.hit === hit) last.text += piece;
    else parts.push({ text: piece, hit });
  };
  let cursor = start;
  for (const h of hits) {
    if (h.end <= start) continue;
    if (h.start >= end) break;
    const from = Math.max(h.start, start);
    const to = Math.min(h.end, end);
    push(cursor, from, false);
    push(from, to, true);
    cursor = to;
  }
  push(cursor, end, false);

  const firstPart = parts[0];
  if (firstPart && !firstPart.hit) firstPart.text = firstPart.text.trimStart();
  const lastPart = parts[parts.length - 1];
  if (lastPart && !lastPart.hit) lastPart.text = lastPart.text.trimEnd();
  return { before: start > 0, parts: parts.filter((p) => p.text !== ""), after: end < flat.length };
}
