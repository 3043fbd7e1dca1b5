import { describe, expect, it } from "vitest";
import { L, marginals, viterbi } from "./decode";
import { grammar, LABEL_INDEX, LABELS, mayEnd, next, START, type GrammarState, type Label } from "./grammar";
import { seeded } from "./train";

/** Runs the grammar over a label sequence: the final state, or null when it is not well formed. */
function accepts(labels: readonly Label[]): boolean {
  let s: GrammarState | null = START;
  for (const l of labels) {
    s = next(s, l);
    if (!s) return false;
  }
  return mayEnd(s);
}

const seq = (s: string) => s.split(" ") as Label[];

describe("the page grammar", () => {
  it("accepts the shapes pages have", () => {
    expect(accepts(seq("M M K! T Y P P+ P+ P P+ T! S Y P"))).toBe(true);
    // A story whose headline is printed under its body: the stack goes to the headless article.
    expect(accepts(seq("Y! P P+ P+ T T+ T! Y P"))).toBe(true);
    // A continuation opened by its 上接 line, furniture anywhere.
    expect(accepts(seq("J! P P+ F P+ F T! P J"))).toBe(true);
  });

  it("refuses what is not well formed", () => {
    expect(accepts(seq("P"))).toBe(false); // body before any article
    expect(accepts(seq("T! T!"))).toBe(false); // a headline with nothing under it
    expect(accepts(seq("T! P T"))).toBe(false); // a second stack in an article that has one
    expect(accepts(seq("T! P+"))).toBe(false); // a continuation of a block of another kind
    expect(accepts(seq("T! T"))).toBe(false); // the same field twice in one stack
    expect(accepts(seq("T!"))).toBe(false); // a page ending in a stack with nothing under it
  });

  it("keeps continuation through furniture", () => {
    expect(accepts(seq("T! P F P+"))).toBe(true);
    expect(accepts(seq("T! P F H+"))).toBe(false);
  });

  it("compiles to a small table whose start and finals agree with the rules", () => {
    const g = grammar();
    expect(g.states.length).toBeLessThan(200);
    expect(g.final[g.start]).toBe(1);
    for (let s = 0; s < g.states.length; s++) expect(g.final[s] === 1).toBe(mayEnd(g.states[s] as GrammarState));
  });
});

describe("decoding", () => {
  it("always returns a well-formed sequence, whatever the scores", () => {
    const rand = seeded(42);
    for (let trial = 0; trial < 300; trial++) {
      const n = 1 + Math.floor(rand() * 40);
      const emit = Float64Array.from({ length: n * L }, () => (rand() - 0.5) * 20);
      const trans = Float64Array.from({ length: (L + 1) * L }, () => (rand() - 0.5) * 10);
      const path = Array.from(viterbi(n, emit, trans), (l) => LABELS[l] as Label);
      expect(accepts(path)).toBe(true);
    }
  });

  it("finds the best sequence the grammar allows, not the best labels one by one", () => {
    // Each line alone prefers T!; two titles in a row with nothing under them is not a page.
    const emit = new Float64Array(2 * L);
    emit[LABEL_INDEX["T!"]] = 5;
    emit[L + LABEL_INDEX["T!"]] = 5;
    emit[L + LABEL_INDEX.P] = 4;
    const path = Array.from(viterbi(2, emit, new Float64Array((L + 1) * L)), (l) => LABELS[l]);
    expect(path).toEqual(["T!", "P"]);
  });

  it("gives marginals that sum to one and favour the decoded label", () => {
    const rand = seeded(7);
    const n = 12;
    const emit = Float64Array.from({ length: n * L }, () => rand() * 6);
    const trans = new Float64Array((L + 1) * L);
    const p = marginals(n, emit, trans, 1);
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let l = 0; l < L; l++) sum += p[i * L + l] as number;
      expect(sum).toBeCloseTo(1, 6);
    }
    // A very sharp model: the marginals put almost all mass on the Viterbi path.
    const sharp = Float64Array.from(emit, (x) => x * 500);
    const path = viterbi(n, sharp, trans);
    const q = marginals(n, sharp, trans, 1);
    for (let i = 0; i < n; i++) expect(q[i * L + (path[i] as number)]).toBeGreaterThan(0.99);
  });
});
