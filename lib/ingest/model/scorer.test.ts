import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readPage } from "../page";
import { baseModel } from "./base";
import { pageFeatures, visitFeatures } from "./features";
import { L } from "./decode";
import { emissions, Scorer, type Model } from "./model";

/**
 * Reading a page, the Scorer finds a template feature (add`len=${n}`) by its template and
 * values, remembering what it found; training reads the features' names. Both must give the
 * same scores to the last bit, on the first page read and on every page after.
 */
const DEMO = path.resolve(__dirname, "../../../db/demo");

function pages(): string[] {
  const real = ["rongchang-2024-03-08-p1.md", "rongchang-feature-page.txt"].map((f) => readFileSync(path.join(DEMO, f), "utf8"));
  // Lines that start and end with surrogate pairs, lone surrogates and one character.
  const odd = ["𠀀", "𠀀中", "中𠀀", "\ud800", "\udc00中\ud800", "𠀀𠀁𠀂", "a", "", "第一版 𠀀𠀁 标题", "记者 张三 摄"].join("\n");
  return [...real, odd];
}

/** Each line's scores as the model's weights give them: only the weights a feature has, in the order its features come. */
function sparseSums(m: Model, features: readonly (readonly string[])[]): number[] {
  const out = new Array<number>(features.length * L).fill(0);
  features.forEach((fs, i) => {
    for (const f of fs) {
      m.emit.get(f)?.forEach((w, l) => {
        if (w !== 0) out[i * L + l] = (out[i * L + l] as number) + w;
      });
    }
  });
  return out;
}

describe("the Scorer", () => {
  it("scores each page as the names of its features do, every time it reads it", () => {
    const m = baseModel();
    for (let round = 0; round < 2; round++) {
      for (const text of pages()) {
        const { reading } = readPage(text);
        const scorer = new Scorer(m, reading.lines.length);
        visitFeatures(reading, scorer);
        const features = pageFeatures(reading);
        expect(Array.from(scorer.scores)).toEqual(Array.from(emissions(m, features)));
        // Summed a line at a time over whole rows of weights (zeros included): the same sums.
        expect(Array.from(scorer.scores)).toEqual(sparseSums(m, features));
      }
    }
  });
});
