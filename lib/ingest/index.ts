import { checkNotEmpty, checkSize, decodeInput, MAX_INPUT_BYTES } from "./decode";
import { detectFormat, splitLines } from "./lines";
import { emptyMasthead, parseMasthead } from "./masthead";
import { normalize } from "./normalize";
import { buildUnits } from "./paragraphs";
import { joinColumnBreaks, resolveLabels } from "./repair";
import { segment } from "./segment";
import type { Encoding, IngestHints, IngestOptions, Masthead, Segmentation, SetAside, Span } from "./types";
import type { Ctx } from "./units";
import { isWhite } from "./chars";
import { trimSpan } from "./text";

export { IngestError } from "./errors";
export { decodeInput, MAX_INPUT_BYTES } from "./decode";
export { normalize } from "./normalize";
export { toContractJson, type ContractJson } from "./contract";
export { renderText as textOfSpans } from "./text";
export type * from "./types";
export { REASON_CODES } from "./types";

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 2 : 3;
  }
  return n;
}

function applyHints(mh: Masthead | null, hints: IngestHints): Masthead | null {
  if (hints.page === undefined && hints.date === undefined) return mh;
  const out = mh ?? emptyMasthead();
  // A hint is the editor's word: it overrides what the text says.
  if (hints.page !== undefined) out.page = hints.page;
  if (hints.date !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(hints.date)) out.date = hints.date;
  return out;
}

/**
 * Safety net for the "nothing lost" promise: any non-whitespace character that no
 * span covers becomes an orphan. The tests require this never to trigger.
 */
function sweep(text: string, seg: Omit<Segmentation, "orphans"> & { orphans: SetAside[] }): void {
  const covered = new Uint8Array(text.length);
  const mark = (spans: readonly Span[]) => {
    for (const s of spans) covered.fill(1, s.start, s.end);
  };
  mark(seg.mastheadSpans);
  for (const a of seg.articles) for (const b of a.blocks) mark(b.spans);
  for (const o of seg.orphans) mark(o.spans);
  for (const d of seg.discarded) mark(d.spans);
  let i = 0;
  while (i < text.length) {
    if (covered[i] || isWhite(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && !covered[j] && text.charCodeAt(j) !== 0x0a) j++;
    const sp = trimSpan(text, i, j);
    if (sp) {
      seg.orphans.push({ kind: "unassigned", text: text.slice(sp.start, sp.end), reason: "text not assigned by the segmenter (please report)", detail: { code: "unassigned" }, spans: [sp] });
    }
    i = j;
  }
}

/** Decodes, normalizes and segments; `opts` is internal (the benchmark lifts the size limit). */
export function ingest(input: Uint8Array | string, hints: IngestHints = {}, opts: IngestOptions = {}): Segmentation {
  let raw: string;
  let encoding: Encoding;
  if (typeof input === "string") {
    checkSize(utf8Length(input), opts.maxBytes ?? MAX_INPUT_BYTES);
    raw = input;
    encoding = "utf-8";
  } else {
    const d = decodeInput(input, { maxBytes: opts.maxBytes ?? MAX_INPUT_BYTES });
    raw = d.text;
    encoding = d.encoding;
  }
  const text = normalize(raw);
  checkNotEmpty(text);
  const lines = splitLines(text);
  const format = detectFormat(text, lines);
  const ctx: Ctx = { text, md: format === "markdown" };
  const mh = parseMasthead(text, lines, ctx.md);
  const { units, medianWidth } = buildUnits(ctx, lines, mh?.endLine ?? 0);
  resolveLabels(ctx, units, medianWidth);
  const joined = joinColumnBreaks(ctx, units);
  const seg = segment(ctx, joined);
  const out: Segmentation = {
    encoding,
    format,
    text,
    masthead: applyHints(mh?.masthead ?? null, hints),
    mastheadSpans: mh?.spans ?? [],
    articles: seg.articles,
    orphans: seg.orphans,
    discarded: seg.discarded,
    doubts: mh?.doubts ?? [],
  };
  sweep(text, out);
  return out;
}
