import os from "node:os";
import path from "node:path";

/**
 * Where the lab reads and writes, the one place its environment variables are read.
 * The lab is a development instrument, not application configuration, so it stays out
 * of lib/env.ts (which validates what the running app needs).
 *
 *   LAB_CORPUS   the corpus JSON Lines file (default ../shared/corpus/corpus.jsonl beside the repo)
 *   LAB_CACHE    the folder generated pages are kept in (default data/lab)
 *   LAB_WORKERS  processes that typeset and extract in parallel (default: 2, at most the core count)
 */
export const REPO_ROOT = path.resolve(__dirname, "..");

export type LabConfig = { corpusFile: string; cacheDir: string; workers: number };

export function labConfig(source: Record<string, string | undefined> = process.env): LabConfig {
  const workers = source.LAB_WORKERS === undefined ? Math.min(2, os.cpus().length) : Number(source.LAB_WORKERS);
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
    throw new Error(`LAB_WORKERS must be a whole number from 1 to 64 (got "${source.LAB_WORKERS}")`);
  }
  return {
    corpusFile: path.resolve(REPO_ROOT, source.LAB_CORPUS || "../shared/corpus/corpus.jsonl"),
    cacheDir: path.resolve(REPO_ROOT, source.LAB_CACHE || "data/lab"),
    workers,
  };
}
