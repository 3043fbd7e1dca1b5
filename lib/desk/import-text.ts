import type { Import } from "@/db/schema";
import type { Segmentation } from "@/lib/ingest/types";

/** The engine's reading stored with the import; its normalized text is what every span points into. */
export function proposalOf(item: Pick<Import, "proposal">): Segmentation {
  return item.proposal as Segmentation;
}

export function textOfImport(item: Pick<Import, "proposal">): string {
  return proposalOf(item).text;
}
