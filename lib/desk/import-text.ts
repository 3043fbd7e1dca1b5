import type { Segmentation } from "@/lib/ingest/types";

/** The engine's reading stored with the import; its normalized text is what every span points into. */
export function proposalOf(item: { proposal: unknown }): Segmentation {
  return item.proposal as Segmentation;
}

export function textOfImport(item: { proposal: unknown }): string {
  return proposalOf(item).text;
}
