import { describe, expect, it } from "vitest";
import { L, marginals } from "./decode";
import type { Label } from "./grammar";
import { label, modelToJson, TRANS_SIZE } from "./model";
import { expectations, trainCrf } from "./crf";
import { compileExamples, seeded, type Example } from "./train";

/** Toy pages as in train.test.ts: a headline, a byline, paragraphs and their wrapped lines, furniture. */
function page(seed: number): Example {
  const r = seeded(seed);
  const features: string[][] = [];
  const gold: Label[] = [];
  const push = (f: string[], l: Label) => {
    features.push(["bias", ...f]);
    gold.push(l);
  };
  for (let a = 1 + Math.floor(r() * 3); a > 0; a--) {
    if (r() < 0.3) push(["ft"], "F");
    push(["hd"], "T!");
    if (r() < 0.5) push(["by"], "Y");
    for (let p = 1 + Math.floor(r() * 3); p > 0; p--) {
      push(["p0"], "P");
      for (let k = Math.floor(r() * 4); k > 0; k--) push(["pc"], "P+");
    }
  }
  return { features, gold, format: "plain" };
}

const OPTS = { epochs: 8, seed: 3, rate: 0.5, l2: 1, margin: 1, structuralWeight: 3, startWeight: 6 };

describe("the line labeller trained as a CRF", () => {
  it("takes each line's label probabilities over the grammar's paths as the decoder does", () => {
    const r = seeded(7);
    const n = 12;
    const scores = Float64Array.from({ length: n * L }, () => r() * 6 - 3);
    const trans = Float64Array.from({ length: TRANS_SIZE }, () => r() * 2 - 1);
    const post = new Float64Array(n * L);
    const counts = new Float64Array(TRANS_SIZE);
    expectations(n, scores, trans, post, counts);
    const want = marginals(n, scores, trans, 1);
    for (let k = 0; k < n * L; k++) expect(post[k]).toBeCloseTo(want[k] as number, 9);
    // One transition into each line: the expected counts add up to the lines.
    expect(counts.reduce((s, x) => s + x, 0)).toBeCloseTo(n, 9);
  });

  it("is deterministic: the same pages give the same weights, byte for byte", () => {
    const pages = Array.from({ length: 20 }, (_, i) => page(i + 1));
    const a = JSON.stringify(modelToJson(trainCrf(compileExamples(pages), OPTS)));
    expect(JSON.stringify(modelToJson(trainCrf(compileExamples(pages), OPTS)))).toBe(a);
    expect(JSON.stringify(modelToJson(trainCrf(compileExamples(pages), { ...OPTS, seed: 4 })))).not.toBe(a);
  });

  it("learns the labels of pages it has not seen, well formed", () => {
    const m = trainCrf(compileExamples(Array.from({ length: 30 }, (_, i) => page(i + 1))), OPTS);
    for (const seed of [998, 999]) {
      const test = page(seed);
      expect(label(m, test.features).labels).toEqual(test.gold);
    }
  });

  it("pulls every weight toward zero: a stronger pull leaves smaller weights", () => {
    const c = compileExamples(Array.from({ length: 20 }, (_, i) => page(i + 1)));
    const biggest = (l2: number) => Math.max(...[...trainCrf(c, { ...OPTS, l2 }).emit.values()].flatMap((v) => [...v].map(Math.abs)));
    expect(biggest(200)).toBeLessThan(biggest(1));
  });
});
