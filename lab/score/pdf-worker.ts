import type { PageEntry } from "../generate";
import { tallyPdfPages } from "./pdf";

/** A PDF scoring worker: reads and scores the pages its parent sends, once. */
process.once("message", (m: { labDir: string; pages: PageEntry[] }) => {
  tallyPdfPages(m.labDir, m.pages).then(
    (tally) => process.send?.({ ok: true, tally }),
    (e: unknown) => process.send?.({ ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
  );
});
