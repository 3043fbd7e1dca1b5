import { readStackWords, stackPairFeatures, type StackRolesJson } from "./stack-roles";

/**
 * Two headline lines the labeller read as one title wrapped: a kicker over its title, or one
 * title running on? Printed alike in plain text ("国家卫生健康委提示" over "麻精药品须遵医嘱使用"
 * reads as one title as well as two parts), and a kicker read as the title's first line was the
 * largest stack confusion left on the lab's test split (344 lines). Like the stack model
 * (./stack-roles.ts) and trained the same way on the lab's dev lines (`npm run ingest:train`),
 * it reads both lines' characters and pairs, and where the line breaks: the characters either
 * side of the break (a word cut in two runs on), the upper line's length and the difference (a
 * wrapped line fills its measure, the line under it is no longer), and how the upper line ends
 * (a comma or a colon leaves a title unfinished). `kickerOver` true: kicker over title; false:
 * one title wrapped. Kept as data in stack-wrap.json with its held-out shares by score.
 */
export function wrapPairFeatures(upper: string, lower: string): string[] {
  const f = stackPairFeatures(upper, lower);
  const a = [...upper.trim()];
  const b = [...lower.trim()];
  f.push(`x${a[a.length - 1] ?? ""}${b[0] ?? ""}`, `xl${a.length}`, `xr${Math.max(-6, Math.min(6, b.length - a.length))}`, `xe${/[，、：—”）]$/.test(upper.trim()) ? 1 : 0}`);
  return f;
}

/** What the words say of two lines read as one title: a kicker over the title, and how often that was right at its score on held-out lines. */
export function readWrapWords(json: Pick<StackRolesJson, "heldOut" | "weights">, upper: string, lower: string): { kickerOver: boolean; right: number } {
  return readStackWords(json, upper, lower, wrapPairFeatures);
}
