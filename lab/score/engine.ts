import { ingest, IngestError, toContractJson, type Segmentation, type Span } from "@/lib/ingest";
import type { Label } from "@/lib/ingest/model/grammar";
import type { Model } from "@/lib/ingest/model/model";
import { bodyText } from "../truth";
import { charsPlaced, type ArticleFields } from "./metrics";

/**
 * Today's import engine as the scorer sees it: raw text in, the public contract's
 * articles out, and how much of the text it placed. Another engine (the PDF importer,
 * a rework) plugs in by giving the same reading.
 */
export type EngineReading = { articles: ArticleFields[]; chars: { total: number; placed: number } };

export type Engine = (text: string) => EngineReading;

/** Every span the engine placed text in; the safety net's "unassigned" orphans do not count. */
function placedSpans(seg: Segmentation): Span[] {
  return [
    ...seg.mastheadSpans,
    ...seg.articles.flatMap((a) => a.blocks.flatMap((b) => b.spans)),
    ...seg.orphans.filter((o) => o.kind !== "unassigned").flatMap((o) => o.spans),
    ...seg.discarded.flatMap((d) => d.spans),
  ];
}

/** The engine reading with a given model (a paper's own, one trained without a style). */
export const engineWith =
  (model?: Model): Engine =>
  (text) =>
    read(text, model);

/**
 * The engine reading with every line's label given (the lab's truth): what the rest of the
 * engine makes of a page whose lines are all labelled right, the most a labeller can reach.
 */
export const engineWithLabels =
  (labels: readonly Label[]): Engine =>
  (text) =>
    read(text, undefined, labels);

export const ingestEngine: Engine = (text) => read(text);

function read(text: string, model?: Model, labels?: readonly Label[]): EngineReading {
  let seg: Segmentation;
  try {
    seg = ingest(text, {}, { model, labels });
  } catch (e) {
    // Input the engine refuses (empty, too large) places nothing.
    if (e instanceof IngestError) return { articles: [], chars: charsPlaced(text, []) };
    throw e;
  }
  const articles = toContractJson(seg).articles.map((a) => ({
    kicker: a.kicker,
    title: a.title,
    subtitle: a.subtitle,
    byline: a.byline,
    body: bodyText(a.body),
    confidence: a.confidence,
  }));
  return { articles, chars: charsPlaced(seg.text, placedSpans(seg)) };
}
