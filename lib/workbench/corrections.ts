import type { CorrectedPage } from "@/lib/ingest/model/gold";
import type { Span } from "@/lib/ingest";
import type { WorkbenchDoc } from "./types";

/**
 * An accepted workbench document as a corrected page for the engine to learn from: the
 * articles with their role-tagged blocks (tray and bin are not articles: what is there was
 * set aside), and the masthead the engine read (the workbench does not show it).
 */
export function correctedPageOf(doc: WorkbenchDoc, mastheadSpans: readonly Span[]): CorrectedPage {
  const articles: CorrectedPage["articles"] = [];
  for (const node of doc.content) {
    if (node.type !== "article") continue;
    const blocks = node.content.map((b) => ({ role: b.attrs.role, spans: b.attrs.spans }));
    if (blocks.length) articles.push({ blocks });
  }
  return { articles, mastheadSpans };
}
