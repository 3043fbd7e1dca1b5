import type { PageEntry } from "../generate";
import type { ExtractorName } from "../truth";
import { tallyPages } from "./run";

/** A scoring worker: tallies the pages its parent sends with today's engine, once. */
process.once("message", (m: { labDir: string; pages: PageEntry[]; extractors: ExtractorName[] }) => {
  try {
    process.send?.({ ok: true, tally: tallyPages(m.labDir, m.pages, m.extractors) });
  } catch (e) {
    process.send?.({ ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
