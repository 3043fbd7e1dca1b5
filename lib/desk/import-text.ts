import type { Segmentation } from "@/lib/ingest/types";

/** The engine's reading stored with the import; its normalized text is what every span points into. */
export function proposalOf(item: { proposal: unknown }): Segmentation {
  return item.proposal as Segmentation;
}

export function textOfImport(item: { proposal: unknown }): string {
  return proposalOf(item).text;
}

/**
 * The masthead an import is filed under when nobody confirms it (the demo seed, benchmarks,
 * tests): the engine's reading, with the date, page and (failing the engine) page name the
 * caller knows.
 */
export function unconfirmedMasthead(proposal: Segmentation, known: { issueDate: string | null; pageNumber: number | null; pageName?: string | null }) {
  const m = proposal.masthead;
  return {
    paper: m?.paper ?? "荣昌报",
    issueDate: known.issueDate,
    totalIssueNo: m?.totalIssueNo ?? null,
    issueNo: m?.issueNo ?? null,
    pageCount: m?.pageCount ?? 4,
    pageNumber: known.pageNumber,
    pageName: m?.pageName ?? known.pageName ?? null,
  };
}
