import { describe, expect, it } from "vitest";
import { decodeAll, L, marginals, viterbi } from "./decode";
import { grammar } from "./grammar";
import { seeded } from "./train";

/*
 * The decoders gather, for each state, over the states it can be reached from. These
 * references are the plain passes over the edges from each state (what the engine did
 * before): the gathered Viterbi must give the same labels, ties included, and the gathered
 * forward-backward the same probabilities up to rounding.
 */

function viterbiByEdges(n: number, emit: Float64Array, trans: Float64Array): Int16Array {
  const g = grammar();
  const S = g.states.length;
  const out = new Int16Array(n);
  if (n === 0) return out;
  let cur = new Float64Array(S).fill(-Infinity);
  let nxt = new Float64Array(S);
  cur[g.start] = 0;
  const back = new Int16Array(n * S);
  for (let i = 0; i < n; i++) {
    nxt.fill(-Infinity);
    for (let s = 0; s < S; s++) {
      const v = cur[s] as number;
      if (v === -Infinity) continue;
      const tRow = ((g.labelOf[s] as number) + 1) * L;
      for (let k = g.edgeStart[s] as number; k < (g.edgeStart[s + 1] as number); k++) {
        const l = g.edgeLabel[k] as number;
        const j = g.edgeTo[k] as number;
        const x = v + (trans[tRow + l] as number) + (emit[i * L + l] as number);
        if (x > (nxt[j] as number)) {
          nxt[j] = x;
          back[i * S + j] = s;
        }
      }
    }
    [cur, nxt] = [nxt, cur];
  }
  let best = -1;
  for (let s = 0; s < S; s++) if (g.final[s] && (best < 0 || (cur[s] as number) > (cur[best] as number))) best = s;
  for (let i = n - 1; i >= 0; i--) {
    out[i] = g.labelOf[best] as number;
    best = back[i * S + best] as number;
  }
  return out;
}

function marginalsByEdges(n: number, emit: Float64Array, trans: Float64Array, temperature: number): Float64Array {
  const g = grammar();
  const S = g.states.length;
  const tMax = Math.max(...trans);
  const tp = Float64Array.from(trans, (x) => Math.exp((x - tMax) / temperature));
  const pot = new Float64Array(n * L);
  for (let i = 0; i < n; i++) {
    const m = Math.max(...emit.subarray(i * L, (i + 1) * L));
    for (let l = 0; l < L; l++) pot[i * L + l] = Math.exp(((emit[i * L + l] as number) - m) / temperature);
  }
  const alpha = new Float64Array((n + 1) * S);
  const beta = new Float64Array((n + 1) * S);
  alpha[g.start] = 1;
  const step = (s: number, k: number, i: number) => (tp[((g.labelOf[s] as number) + 1) * L + (g.edgeLabel[k] as number)] as number) * (pot[i * L + (g.edgeLabel[k] as number)] as number);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let s = 0; s < S; s++) {
      for (let k = g.edgeStart[s] as number; k < (g.edgeStart[s + 1] as number); k++) {
        const x = (alpha[i * S + s] as number) * step(s, k, i);
        const j = (i + 1) * S + (g.edgeTo[k] as number);
        alpha[j] = (alpha[j] as number) + x;
        sum += x;
      }
    }
    if (sum > 0) for (let j = 0; j < S; j++) alpha[(i + 1) * S + j] = (alpha[(i + 1) * S + j] as number) / sum;
  }
  for (let s = 0; s < S; s++) beta[n * S + s] = g.final[s] ? 1 : 0;
  for (let i = n - 1; i >= 0; i--) {
    let sum = 0;
    for (let s = 0; s < S; s++) {
      let acc = 0;
      for (let k = g.edgeStart[s] as number; k < (g.edgeStart[s + 1] as number); k++) acc += (beta[(i + 1) * S + (g.edgeTo[k] as number)] as number) * step(s, k, i);
      beta[i * S + s] = acc;
      sum += acc;
    }
    if (sum > 0) for (let s = 0; s < S; s++) beta[i * S + s] = (beta[i * S + s] as number) / sum;
  }
  const out = new Float64Array(n * L);
  for (let i = 0; i < n; i++) {
    let z = 0;
    for (let j = 0; j < S; j++) z += (alpha[(i + 1) * S + j] as number) * (beta[(i + 1) * S + j] as number);
    if (z <= 0) continue;
    for (let j = 0; j < S; j++) {
      const l = g.labelOf[j] as number;
      if (l >= 0) out[i * L + l] = (out[i * L + l] as number) + ((alpha[(i + 1) * S + j] as number) * (beta[(i + 1) * S + j] as number)) / z;
    }
  }
  return out;
}

/** Random scores; small whole numbers make ties common, and some lines are pinned to one label as the labeller pins them. */
function page(seed: number, n: number, ties: boolean): { emit: Float64Array; trans: Float64Array } {
  const r = seeded(seed);
  const draw = () => (ties ? Math.floor(r() * 3) : (r() - 0.5) * 6);
  const emit = Float64Array.from({ length: n * L }, draw);
  for (let i = 0; i < n; i++) {
    if (r() < 0.15) {
      const keep = Math.floor(r() * L);
      for (let l = 0; l < L; l++) if (l !== keep) emit[i * L + l] = -1e9;
    }
  }
  const trans = Float64Array.from({ length: (L + 1) * L }, draw);
  return { emit, trans };
}

describe("decoding by gathering over neighbouring states", () => {
  it("gives the labels a pass over each state's edges gives, ties and pinned lines included", () => {
    for (let seed = 1; seed <= 60; seed++) {
      const n = 1 + (seed % 40);
      const { emit, trans } = page(seed, n, seed % 2 === 0);
      const want = Array.from(viterbiByEdges(n, emit, trans));
      expect(Array.from(viterbi(n, emit, trans))).toEqual(want);
      // The pass that takes the sums as well (its teams of states keep a copy of the edge loop).
      expect(Array.from(decodeAll(n, emit, trans, 1.7).path)).toEqual(want);
    }
  });

  it("gives the same probabilities, up to rounding", () => {
    for (let seed = 1; seed <= 30; seed++) {
      const n = 1 + (seed % 40);
      const { emit, trans } = page(seed, n, seed % 2 === 0);
      const got = marginals(n, emit, trans, 1.7);
      const want = marginalsByEdges(n, emit, trans, 1.7);
      for (let k = 0; k < got.length; k++) expect(Math.abs((got[k] as number) - (want[k] as number))).toBeLessThan(1e-12);
    }
  });
});
