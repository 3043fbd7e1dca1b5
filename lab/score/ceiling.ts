import { readFileSync } from "node:fs";
import path from "node:path";
import { readPage } from "@/lib/ingest/page";
import type { PageEntry } from "../generate";
import { PAGE_FILES, type ExtractorName, type PageTruth } from "../truth";
import { engineWithLabels } from "./engine";
import { goldLabels } from "./labels";
import { addCounts, emptyCounts, type Counts } from "./metrics";
import { tallyPages } from "./run";

/**
 * The ceiling of a reading: the pages read through one extractor with every line's label
 * taken from the truth (./labels.ts), so that what is still missed is the reading's and the
 * assembly's (lines holding two stories, a headline read into another story's paragraph),
 * not the labeller's. The most any labeller, however it learns, could reach on them.
 */
export function ceilingCounts(labDir: string, pages: readonly PageEntry[], extractor: ExtractorName): Counts {
  const total = emptyCounts();
  for (const entry of pages) {
    const dir = path.join(labDir, entry.dir);
    const truth = JSON.parse(readFileSync(path.join(dir, PAGE_FILES.truth), "utf8")) as PageTruth;
    const { reading } = readPage(readFileSync(path.join(dir, PAGE_FILES.text(extractor)), "utf8"));
    addCounts(total, tallyPages(labDir, [entry], [extractor], engineWithLabels(goldLabels(truth, reading).labels)).counts.overall);
  }
  return total;
}
