import type { PageTruth } from "../truth";

/**
 * Aligns the text an extractor made of a lab page with the page's truth, character by
 * character, so that every line the engine reads can be given the label the truth
 * implies (which article, which field, where a paragraph starts). This is how the
 * lab's pages become training examples for the engine's line labeller.
 *
 * The truth is one stream of characters (every article's fields in order, then the
 * furniture), whitespace left out. Each piece of extracted text is matched greedily:
 * first as the continuation of where the previous piece ended (reading order mostly
 * runs on), else at the unused place where the longest run of it occurs.
 */
export type TruthField = "kicker" | "title" | "subtitle" | "byline" | "paragraph" | "heading" | "lead" | "caption" | "furniture";

/** Who a truth character belongs to. `owner` is the article index, or -1 - furniture index. */
export type TruthPlace = { owner: number; field: TruthField; block: number; offset: number };

export type TruthStream = { chars: string[]; places: TruthPlace[]; kinds: string[] };

const isSpace = (ch: string) => /\s/u.test(ch) || ch === "\u200b" || ch === "\u200c" || ch === "\u200d" || ch === "\ufeff";

/** One comparable form per character (quotes unified, full-width ASCII folded). */
export function foldChar(ch: string): string {
  const c = ch.codePointAt(0) as number;
  if (c >= 0xff01 && c <= 0xff5e) return String.fromCodePoint(c - 0xfee0).toLowerCase();
  if (ch === "\u201c" || ch === "\u201d" || ch === "\u201e" || ch === "\u201f") return '"';
  if (ch === "\u2018" || ch === "\u2019" || ch === "\u201a" || ch === "\u201b") return "'";
  return ch.toLowerCase();
}

export function truthStream(t: PageTruth): TruthStream {
  const chars: string[] = [];
  const places: TruthPlace[] = [];
  const kinds: string[] = [];
  const add = (text: string | null, owner: number, field: TruthField, block: number) => {
    if (!text) return;
    let offset = 0;
    for (const ch of text) {
      if (isSpace(ch)) continue;
      chars.push(foldChar(ch));
      places.push({ owner, field, block, offset: offset++ });
    }
  };
  t.articles.forEach((a, i) => {
    add(a.kicker, i, "kicker", 0);
    add(a.title, i, "title", 0);
    add(a.subtitle, i, "subtitle", 0);
    add(a.byline, i, "byline", 0);
    a.body.forEach((b, k) => add(b.text, i, b.role, k));
  });
  t.furniture.forEach((f, j) => {
    kinds.push(f.kind);
    add(f.text, -1 - j, "furniture", 0);
  });
  return { chars, places, kinds };
}

/** A piece of extracted text to align: its characters (whitespace left out) and their raw offsets. */
export type Piece = { chars: string[]; offsets: number[] };

export function pieceOf(text: string, start: number, end: number): Piece {
  const chars: string[] = [];
  const offsets: number[] = [];
  for (let i = start; i < end; ) {
    const cp = text.codePointAt(i) as number;
    const ch = String.fromCodePoint(cp);
    if (!isSpace(ch)) {
      chars.push(foldChar(ch));
      offsets.push(i);
    }
    i += ch.length;
  }
  return { chars, offsets };
}

const K = 4;

/**
 * Aligns pieces (in the order the engine reads them) with the stream. Returns, per piece,
 * the stream index of each of its characters, or -1 where it was not found (text the
 * truth does not have, such as jump lines or markup).
 */
export function alignPieces(stream: TruthStream, pieces: readonly Piece[]): number[][] {
  const S = stream.chars;
  const index = new Map<string, number[]>();
  for (let k = 1; k <= K; k++) {
    for (let i = 0; i + k <= S.length; i++) {
      const g = S.slice(i, i + k).join("");
      let l = index.get(g);
      if (!l) index.set(g, (l = []));
      l.push(i);
    }
  }
  const used = new Uint8Array(S.length);
  let cursor = -1;
  const runAt = (p: Piece, pos: number, at: number) => {
    let m = 0;
    while (pos + m < p.chars.length && at + m < S.length && S[at + m] === p.chars[pos + m] && !used[at + m]) m++;
    return m;
  };
  return pieces.map((p, pi) => {
    const out = new Array<number>(p.chars.length).fill(-1);
    const next = pieces[pi + 1];
    let pos = 0;
    while (pos < p.chars.length) {
      const left = p.chars.length - pos;
      const need = Math.min(K, left);
      let best = -1;
      let bestRun = 0;
      if (cursor >= 0) {
        const m = runAt(p, pos, cursor);
        if (m >= need || (m > 0 && m === left)) {
          best = cursor;
          bestRun = m;
        }
      }
      if (best < 0) {
        const cands = index.get(p.chars.slice(pos, pos + need).join("")) ?? [];
        let bestScore = -1;
        let bestDist = Infinity;
        for (const c of cands) {
          const m = runAt(p, pos, c);
          if (m < need) continue;
          // Ties (a short line, a title repeated in the text) go to the place where the
          // next piece carries on, then to the start of a field, then to the nearest.
          let score = m;
          if (m === left && next && next.chars.length) score += Math.min(8, runAt(next, 0, c + m)) / 2;
          if (pos === 0 && stream.places[c]?.offset === 0) score += 0.5;
          const dist = cursor < 0 ? c : c >= cursor ? c - cursor : S.length + (cursor - c);
          if (score > bestScore || (score === bestScore && dist < bestDist)) {
            best = c;
            bestRun = m;
            bestScore = score;
            bestDist = dist;
          }
        }
      }
      if (best < 0) {
        pos++;
        continue;
      }
      for (let k = 0; k < bestRun; k++) {
        out[pos + k] = best + k;
        used[best + k] = 1;
      }
      pos += bestRun;
      cursor = best + bestRun;
    }
    // Scattered single characters matched here and there are noise (a jump line the
    // truth does not have): a piece must match in runs of a few characters.
    const runs: number[][] = [];
    for (let k = 0; k < out.length; k++) {
      if (out[k]! < 0) continue;
      if (k > 0 && out[k - 1]! >= 0 && out[k - 1]! + 1 === out[k]) (runs[runs.length - 1] as number[]).push(k);
      else runs.push([k]);
    }
    for (const r of runs) if (r.length < 3 && r.length < p.chars.length) for (const k of r) out[k] = -1;
    return out;
  });
}
