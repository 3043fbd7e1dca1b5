import type { Span } from "@/lib/ingest";

/**
 * Span arithmetic for workbench blocks.
 *
 * A block's `text` is the engine's rendering of its `spans` (lib/ingest/text.ts):
 * markdown syntax (`## `, `**`, `<>`) dropped, wrapped lines joined (Han without a
 * space, Latin with an inserted one, `inter-`+`national` without the hyphen). To split
 * a block where the editor splits its text we need to know which raw character each
 * text character came from. We work in "concat" positions — indexes into the
 * characters of the block's spans taken in span order — because spans need not be
 * ascending (a fragment printed elsewhere can be appended to a paragraph), so a raw
 * offset alone cannot say on which side of a split a character falls.
 */

/** How far the exact alignment may skip raw characters (markup) to find the next text character. */
const SKIP_WINDOW = 32;

const isWhite = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x0c || code === 0x0b;

/** Spans clipped to the raw text, empty ones dropped (editor-side data may be stale). */
function usable(raw: string, spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    const start = Math.max(0, Math.min(raw.length, Math.trunc(s.start)));
    const end = Math.max(0, Math.min(raw.length, Math.trunc(s.end)));
    if (start < end) out.push({ start, end });
  }
  return out;
}

function concatOf(raw: string, spans: readonly Span[]): string {
  let s = "";
  for (const sp of spans) s += raw.slice(sp.start, sp.end);
  return s;
}

export function spanLength(spans: readonly Span[]): number {
  let n = 0;
  for (const s of spans) if (s.end > s.start) n += s.end - s.start;
  return n;
}

/**
 * Greedy left-to-right alignment of `text` against `concat`. Each text character is
 * looked for within SKIP_WINDOW concat characters (markup is short); a text space that
 * has no raw space before the next text character is a joiner the renderer inserted
 * and stays unmatched. Stops at the first character it cannot find (edited text).
 * Returns the number of text characters walked; `pos[t]` = concat index or -1.
 */
function alignForward(concat: string, text: string, pos: Int32Array, cFrom: number, cTo: number, tFrom: number, tTo: number): number {
  let c = cFrom;
  let t = tFrom;
  for (; t < tTo; t++) {
    const ch = text.charCodeAt(t);
    if (isWhite(ch)) {
      // Optional: match a raw space only if it comes before the next text character.
      let next = -1;
      for (let u = t + 1; u < tTo; u++) {
        const code = text.charCodeAt(u);
        if (!isWhite(code)) {
          next = code;
          break;
        }
      }
      for (let j = c; j < cTo && j < c + SKIP_WINDOW; j++) {
        const code = concat.charCodeAt(j);
        if (code === next) break;
        if (isWhite(code)) {
          pos[t] = j;
          c = j + 1;
          break;
        }
      }
      continue;
    }
    let found = -1;
    for (let j = c; j < cTo && j < c + SKIP_WINDOW; j++) {
      if (concat.charCodeAt(j) === ch) {
        found = j;
        break;
      }
    }
    if (found < 0) break;
    pos[t] = found;
    c = found + 1;
  }
  return t;
}

const reverse = (s: string) => s.split("").reverse().join("");

/**
 * Concat position of every text offset 0..text.length (the last one is `total`).
 * Exact text aligns character by character; edited text keeps the aligned common
 * prefix and suffix and spreads the edited middle proportionally.
 */
function concatPositions(concat: string, text: string): Int32Array {
  const n = text.length;
  const total = concat.length;
  const pos = new Int32Array(n + 1).fill(-1);
  pos[n] = total;
  const head = alignForward(concat, text, pos, 0, total, 0, n);
  if (head < n) {
    // Edited text: align the common suffix from the end, never crossing the prefix.
    let lastHead = -1;
    for (let t = head - 1; t >= 0; t--) {
      const p = pos[t] as number;
      if (p >= 0) {
        lastHead = p;
        break;
      }
    }
    const rc = reverse(concat);
    const rt = reverse(text);
    const rpos = new Int32Array(n).fill(-1);
    const tail = alignForward(rc, rt, rpos, 0, total - (lastHead + 1), 0, n - head);
    for (let r = 0; r < tail; r++) {
      const p = rpos[r] as number;
      if (p >= 0) pos[n - 1 - r] = total - 1 - p;
    }
  }
  // Unmatched offsets (inserted joiners, edited text) go between their matched
  // neighbours in proportion; ceil keeps them after the left one, so positions never
  // decrease and a joiner maps onto the character that follows it.
  let left = -1;
  let leftPos = -1;
  for (let t = 0; t <= n; t++) {
    const p = pos[t] as number;
    if (p < 0) continue;
    for (let u = left + 1; u < t; u++) {
      pos[u] = leftPos + Math.ceil(((u - left) * (p - leftPos)) / (t - left));
    }
    left = t;
    leftPos = p;
  }
  return pos;
}

/** Raw offset of a concat position (`total` maps to the end of the last span). */
function rawOfConcat(spans: readonly Span[], positions: Int32Array): number[] {
  const out: number[] = new Array<number>(positions.length);
  // Positions are non-decreasing, so one walk over the spans suffices.
  let i = 0;
  let before = 0;
  for (let k = 0; k < positions.length; k++) {
    const c = positions[k] as number;
    while (i < spans.length && c >= before + ((spans[i] as Span).end - (spans[i] as Span).start)) {
      before += (spans[i] as Span).end - (spans[i] as Span).start;
      i++;
    }
    if (i < spans.length) out[k] = (spans[i] as Span).start + (c - before);
    else out[k] = (spans[spans.length - 1] as Span).end;
  }
  return out;
}

/**
 * For each text offset 0..text.length, the raw offset of that character (offset
 * text.length: the end of the last span). A block without usable spans (written by
 * the editor) has no raw position: every entry is -1. Never throws.
 */
export function mapTextToRaw(raw: string, spans: Span[], text: string): number[] {
  const sp = usable(raw, spans);
  if (sp.length === 0) return new Array<number>(text.length + 1).fill(-1);
  return rawOfConcat(sp, concatPositions(concatOf(raw, sp), text));
}

/**
 * Splits a block's spans where its text is split at `offset`: characters before the
 * first character of the second half go to the first half (so trailing markup and
 * line breaks stay with the first half). The halves keep span order and together
 * hold exactly the original (usable) characters.
 */
export function splitSpansAt(raw: string, spans: Span[], text: string, offset: number): [Span[], Span[]] {
  const sp = usable(raw, spans);
  const total = spanLength(sp);
  let cut: number;
  if (!(offset > 0)) cut = 0; // also NaN: everything goes to the second half
  else if (offset >= text.length) cut = total;
  else cut = concatPositions(concatOf(raw, sp), text)[Math.floor(offset)] as number;
  const first: Span[] = [];
  const second: Span[] = [];
  let before = 0;
  for (const s of sp) {
    const len = s.end - s.start;
    if (before + len <= cut) first.push({ ...s });
    else if (before >= cut) second.push({ ...s });
    else {
      const at = s.start + (cut - before);
      first.push({ start: s.start, end: at });
      second.push({ start: at, end: s.end });
    }
    before += len;
  }
  return [first, second];
}

/**
 * Union of two blocks' spans (for a join, or an article's coverage): sorted, with
 * overlapping and touching spans merged. Reading order is not kept; the text is.
 */
export function joinSpans(a: Span[], b: Span[]): Span[] {
  const all = [...a, ...b].filter((s) => s.end > s.start).sort((x, y) => x.start - y.start || x.end - y.end);
  const out: Span[] = [];
  for (const s of all) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}
