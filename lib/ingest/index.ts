import { assemble } from "./assemble";
import { emptyMasthead } from "./masthead";
import { labelLines } from "./labeller";
import { baseModel } from "./model/base";
import type { Label } from "./model/grammar";
import type { Model } from "./model/model";
import { readingNotices } from "./notices";
import { readPage } from "./page";
import type { IngestHints, IngestOptions, Masthead, Segmentation, SetAside, Span } from "./types";
import { isWhite } from "./chars";
import { trimSpan } from "./text";

export { IngestError } from "./errors";
export { decodeInput, MAX_INPUT_BYTES } from "./decode";
export { normalize } from "./normalize";
export { toContractJson, type ContractJson } from "./contract";
export { renderText as textOfSpans } from "./text";
export type * from "./types";
export type { Notice } from "./notices";
export { REASON_CODES } from "./types";

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

function modelInfo(m: Model | undefined): Segmentation["model"] {
  const paper = m?.trainedOn.paper as { paper?: unknown; pages?: unknown } | undefined;
  return typeof paper?.paper === "string" ? { paper: paper.paper, pages: typeof paper.pages === "number" ? paper.pages : null } : { paper: null, pages: null };
}

/**
 * Decodes, normalizes, reads the lines, labels them (the paper's own model when one is
 * given, else the lab model) and assembles articles. `opts` is internal (the benchmark
 * lifts the size limit).
 */
export function ingest(input: Uint8Array | string, hints: IngestHints = {}, opts: IngestOptions & { model?: Model; labels?: readonly Label[] } = {}): Segmentation {
  const page = readPage(input, opts);
  const { text, reading, masthead: mh } = page;
  const ctx = { text, md: page.format === "markdown" };
  const decisions = labelLines(reading, opts.model ?? baseModel(), opts.labels);
  const seg = assemble(ctx, reading, decisions);
  const out: Segmentation = {
    encoding: page.encoding,
    format: page.format,
    text,
    masthead: applyHints(mh?.masthead ?? null, hints),
    mastheadSpans: [...(mh?.spans ?? []), ...seg.mastheadSpans],
    articles: seg.articles,
    orphans: seg.orphans,
    discarded: seg.discarded,
    doubts: [...(mh?.doubts ?? []), ...seg.doubts],
    model: modelInfo(opts.model),
  };
  const notices = readingNotices(reading, text);
  if (notices.length > 0) out.notices = notices;
  sweep(text, out);
  return out;
}
