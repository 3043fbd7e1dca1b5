import type { Label } from "@/lib/ingest/model/grammar";

/**
 * Why the engine missed a truth article (one not strictly matched), read from the line
 * labels: the first of the article's lines whose decoded label is not the truth's, named
 * "truth->decoded" (`T!->K!`: the title that opens the story read as a kicker opening it;
 * `P!->P`: a story opening with its body read as the next paragraph of the one above).
 * When every line of the article is labelled right, the line after it (`after:…`: the story
 * not closed where it ends); when that is right too, `labelsRight` (the reading's or the
 * assembly's miss, not the labeller's); `noLines` when no line holds the article's text.
 */
export type Miss = { kind: string; line: number };

export function classifyMiss(truthLabels: readonly Label[], owners: readonly number[], decoded: readonly Label[], article: number): Miss {
  const first = owners.indexOf(article);
  if (first < 0) return { kind: "noLines", line: -1 };
  const last = owners.lastIndexOf(article);
  for (let i = first; i <= last; i++) {
    if (truthLabels[i] !== decoded[i]) return { kind: `${truthLabels[i]}->${decoded[i]}`, line: i };
  }
  const after = last + 1;
  if (after < truthLabels.length && truthLabels[after] !== decoded[after]) return { kind: `after:${truthLabels[after]}->${decoded[after]}`, line: after };
  return { kind: "labelsRight", line: first };
}
