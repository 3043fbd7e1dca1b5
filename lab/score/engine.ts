import { ingest, IngestError, toContractJson, type Segmentation, type Span } from "@/lib/ingest";
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

export const ingestEngine: Engine = (text) => {
  let seg: Segmentation;
  try {
    seg = ingest(text);
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
  }));
  return { articles, chars: charsPlaced(seg.text, placedSpans(seg)) };
};
