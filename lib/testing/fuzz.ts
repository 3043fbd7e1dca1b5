import fc from "fast-check";

/*
 * Shared settings of the property-based fuzz tests (fast-check). Runs are deterministic by
 * default, so that the unit suite never fails by chance on someone else's change; explore with
 * another seed and more runs, and a failure prints the seed and the shrunk input that reproduce it:
 *
 *   FUZZ_SEED=$RANDOM FUZZ_RUNS=5000 npx vitest run lib/ingest/fuzz.test.ts lib/article-body/fuzz.test.ts
 */

const seed = Number(process.env.FUZZ_SEED ?? 20240308);
const scale = Number(process.env.FUZZ_RUNS ?? 0);

/** fast-check parameters: `numRuns` unless FUZZ_RUNS says otherwise, the fixed or given seed. */
export function fuzzRuns(numRuns: number): fc.Parameters<unknown> {
  return { numRuns: scale > 0 ? scale : numRuns, seed };
}

/** A test's time limit: the default runs take a second or two; exploring with FUZZ_RUNS may take minutes. */
export const FUZZ_TIMEOUT_MS = scale > 0 ? 30 * 60_000 : 30_000;
