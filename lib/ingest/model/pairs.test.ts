import { describe, expect, it } from "vitest";
import type { ReadLine } from "../reading";
import { PagePairs } from "./pairs";
import { seeded } from "./train";

const asLines = (texts: readonly string[]) => texts.map((text) => ({ text }) as ReadLine);

/** The pairs of adjacent Han characters of some lines, as a set (what PagePairs numbers). */
function pairSet(texts: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const t of texts) for (let i = 1; i < t.length; i++) if (/\p{Script=Han}{2}/u.test(t.slice(i - 1, i + 1))) out.add(t.slice(i - 1, i + 1));
  return out;
}

describe("shareWithAbove", () => {
  it("is the share of a span's distinct pairs that the lines above it have, as sets count it", () => {
    const rand = seeded(7);
    // Few distinct characters, so that pairs repeat within a line, within the span and above it.
    const alphabet = "港口码头学校操场，。";
    const texts = Array.from({ length: 40 }, () => Array.from({ length: 1 + Math.floor(rand() * 12) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join(""));
    const pairs = new PagePairs(asLines(texts));
    for (let from = 0; from < texts.length; from++) {
      for (const to of [from, Math.min(texts.length - 1, from + 3)]) {
        for (const above of [0, Math.max(0, from - 2), from]) {
          const span = pairSet(texts.slice(from, to + 1));
          const up = pairSet(texts.slice(above, from));
          const expected = span.size === 0 ? 0 : [...span].filter((p) => up.has(p)).length / span.size;
          expect(pairs.shareWithAbove(from, to, above), `${from}…${to} above ${above}`).toBeCloseTo(expected, 12);
        }
      }
    }
  });
});
