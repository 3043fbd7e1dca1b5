import { L, transIndex } from "./decode";
import { grammar } from "./grammar";
import { FORMATS, TRANS_SIZE, type Model } from "./model";
import { labelCosts, modelFromWeights, pageScores, seeded, shuffle, type CompiledExamples } from "./train";

/**
 * Training the line labeller as a linear-chain CRF under the page grammar: stochastic
 * gradient ascent on each page's log-likelihood (the right labels' score against the sum
 * over every well-formed labelling, by forward-backward over the grammar's states), with an
 * L2 pull on every weight and the costs of wrong decisions as a softmax margin (Gimpel &
 * Smith 2010: in training each wrong label's score is raised by what choosing it would cost,
 * so that a wrong article start must lose by more than a wrong paragraph break).
 *
 * Why beside the averaged perceptron (./train.ts): the perceptron fitted its training pages
 * better with every richer model tried and read unseen pages no better, and the order of its
 * examples alone moves a held-out fifth by 0.02; a pull toward zero is what it lacks. On the
 * held-out dev fifth this reads better, but a paper it never saw worse through `-raw` and
 * pdf.js; the lab model is the two models averaged (lab/score/training.ts `LAB_TRAINER`;
 * README, "The perceptron and the CRF averaged").
 *
 * Deterministic: the pages are visited in an order drawn from a seeded generator, so the
 * same examples give the same weights.
 */
export type CrfOptions = {
  epochs: number;
  seed: number;
  /** First step size; step t of an epoch of N page visits is rate / (1 + t / N). */
  rate: number;
  /** L2 coefficient over the whole objective (the sum over the pages). */
  l2: number;
  /** Softmax margin: a wrong label's training score is raised by margin × its cost. */
  margin: number;
  /** How much more a wrong role costs than a wrong paragraph break (see `cost`). */
  structuralWeight: number;
  /** How much a wrong decision on whether an article starts at a line costs. */
  startWeight: number;
  progress?: (epoch: number, errorRate: number) => void;
};

type Edges = { from: Int16Array; to: Int16Array; label: Int16Array; trans: Int32Array; start: number; final: Uint8Array; S: number };

let edgesOf: Edges | null = null;

/** The grammar's edges as flat arrays, each with its transition's index in a format's block. */
function edges(): Edges {
  if (edgesOf) return edgesOf;
  const g = grammar();
  const S = g.states.length;
  const E = g.edgeTo.length;
  const from = new Int16Array(E);
  for (let s = 0; s < S; s++) for (let k = g.edgeStart[s] as number; k < (g.edgeStart[s + 1] as number); k++) from[k] = s;
  const trans = Int32Array.from(g.edgeLabel, (l, k) => transIndex(g.labelOf[from[k] as number] as number, l));
  edgesOf = { from, to: g.edgeTo, label: g.edgeLabel, trans, start: g.start, final: g.final, S };
  return edgesOf;
}

/**
 * Forward-backward over the grammar's states with `scores` (lines × labels) and `trans` (one
 * format's block) as log-potentials: each line's label probabilities into `post`, and the
 * expected count of each transition, over the page, added into `transCounts`. Each line's
 * vectors are scaled to sum 1 (scores shifted by their maximum), so nothing overflows.
 */
export function expectations(n: number, scores: Float64Array, trans: Float64Array, post: Float64Array, transCounts: Float64Array): void {
  const { from, to, label, trans: edgeTrans, start, final, S } = edges();
  const E = to.length;
  const psi = new Float64Array(n * L);
  for (let i = 0; i < n; i++) {
    const o = i * L;
    let m = -Infinity;
    for (let l = 0; l < L; l++) m = Math.max(m, scores[o + l] as number);
    for (let l = 0; l < L; l++) psi[o + l] = Math.exp((scores[o + l] as number) - m);
  }
  const tp = new Float64Array(E);
  let tMax = -Infinity;
  for (let k = 0; k < E; k++) tMax = Math.max(tMax, trans[edgeTrans[k] as number] as number);
  for (let k = 0; k < E; k++) tp[k] = Math.exp((trans[edgeTrans[k] as number] as number) - tMax);
  const alpha = new Float64Array((n + 1) * S);
  const beta = new Float64Array((n + 1) * S);
  alpha[start] = 1;
  for (let i = 0; i < n; i++) {
    const a0 = i * S;
    const a1 = a0 + S;
    const o = i * L;
    for (let k = 0; k < E; k++) {
      const a = alpha[a0 + (from[k] as number)] as number;
      if (a === 0) continue;
      const j = to[k] as number;
      alpha[a1 + j] = (alpha[a1 + j] as number) + a * (tp[k] as number) * (psi[o + (label[k] as number)] as number);
    }
    let z = 0;
    for (let s = 0; s < S; s++) z += alpha[a1 + s] as number;
    if (z > 0) for (let s = 0; s < S; s++) alpha[a1 + s] = (alpha[a1 + s] as number) / z;
  }
  for (let s = 0; s < S; s++) beta[n * S + s] = final[s] ? 1 : 0;
  for (let i = n - 1; i >= 0; i--) {
    const b0 = i * S;
    const b1 = b0 + S;
    const o = i * L;
    for (let k = 0; k < E; k++) {
      const b = beta[b1 + (to[k] as number)] as number;
      if (b === 0) continue;
      const s = from[k] as number;
      beta[b0 + s] = (beta[b0 + s] as number) + b * (tp[k] as number) * (psi[o + (label[k] as number)] as number);
    }
    let z = 0;
    for (let s = 0; s < S; s++) z += beta[b0 + s] as number;
    if (z > 0) for (let s = 0; s < S; s++) beta[b0 + s] = (beta[b0 + s] as number) / z;
  }
  // Each edge's probability at each line: the paths through it, over all the paths.
  const ev = new Float64Array(E);
  post.fill(0, 0, n * L);
  for (let i = 0; i < n; i++) {
    const a0 = i * S;
    const b1 = (i + 1) * S;
    const o = i * L;
    let z = 0;
    for (let k = 0; k < E; k++) {
      const a = alpha[a0 + (from[k] as number)] as number;
      const v = a === 0 ? 0 : a * (tp[k] as number) * (psi[o + (label[k] as number)] as number) * (beta[b1 + (to[k] as number)] as number);
      ev[k] = v;
      z += v;
    }
    if (!(z > 0)) continue;
    for (let k = 0; k < E; k++) {
      const v = (ev[k] as number) / z;
      if (v === 0) continue;
      post[o + (label[k] as number)] = (post[o + (label[k] as number)] as number) + v;
      transCounts[edgeTrans[k] as number] = (transCounts[edgeTrans[k] as number] as number) + v;
    }
  }
}

export function trainCrf(c: CompiledExamples, opts: CrfOptions): Model {
  const F = c.names.length;
  const w = new Float64Array(F * L);
  let scale = 1; // the weights are w × scale: the L2 pull shrinks `scale`, not every weight
  const tw = new Float64Array(FORMATS.length * TRANS_SIZE);
  const costs = labelCosts(opts.startWeight, opts.structuralWeight);
  const rand = seeded(opts.seed);
  // A page weighted w (the real sample pages) is visited w times an epoch: a step w times
  // the size would throw the descent off.
  const order = c.items.flatMap((ex, i) => Array.from({ length: Math.max(1, Math.round(ex.weight)) }, () => i));
  const N = order.length;
  let t = 0;
  let maxN = 0;
  for (const ex of c.items) maxN = Math.max(maxN, ex.n);
  const post = new Float64Array(maxN * L);
  const expected = new Float64Array(TRANS_SIZE);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    shuffle(order, rand);
    let wrong = 0;
    let lines = 0;
    for (const idx of order) {
      const ex = c.items[idx] as CompiledExamples["items"][number];
      const n = ex.n;
      const tOff = FORMATS.indexOf(ex.format) * TRANS_SIZE;
      // The scores, each wrong label's raised by the margin times its cost.
      const scores = pageScores(ex, w, scale);
      for (let i = 0; i < n; i++) {
        const o = i * L;
        const gl = ex.gold[i] as number;
        for (let l = 0; l < L; l++) scores[o + l] = (scores[o + l] as number) + opts.margin * (costs[gl * L + l] as number);
      }
      expected.fill(0);
      expectations(n, scores, tw.subarray(tOff, tOff + TRANS_SIZE), post, expected);
      const eta = opts.rate / (1 + t / N);
      t++;
      // The L2 pull, then the gradient: what the right labels have, less what is expected.
      const keep = 1 - (eta * opts.l2) / N;
      scale *= keep;
      for (let k = 0; k < tw.length; k++) tw[k] = (tw[k] as number) * keep;
      for (let k = 0; k < TRANS_SIZE; k++) tw[tOff + k] = (tw[tOff + k] as number) - eta * (expected[k] as number);
      const step = eta / scale;
      for (let i = 0; i < n; i++) {
        const o = i * L;
        const gl = ex.gold[i] as number;
        const gt = tOff + transIndex(i === 0 ? -1 : (ex.gold[i - 1] as number), gl);
        tw[gt] = (tw[gt] as number) + eta;
        let best = 0;
        for (let l = 1; l < L; l++) if ((post[o + l] as number) > (post[o + best] as number)) best = l;
        if (best !== gl) wrong++;
        for (let k = ex.offs[i] as number; k < (ex.offs[i + 1] as number); k++) {
          const f = (ex.feats[k] as number) * L;
          for (let l = 0; l < L; l++) {
            const p = post[o + l] as number;
            // A label with next to no probability would move its weight by next to nothing.
            if (l !== gl && p < 1e-5) continue;
            w[f + l] = (w[f + l] as number) + step * ((l === gl ? 1 : 0) - p);
          }
        }
      }
      lines += n;
      if (scale < 1e-6) {
        for (let k = 0; k < w.length; k++) w[k] = (w[k] as number) * scale;
        scale = 1;
      }
    }
    // The share of lines whose likeliest label (under the margin) is wrong.
    opts.progress?.(epoch + 1, lines ? wrong / lines : 0);
  }
  return modelFromWeights(c.names, (k) => (w[k] as number) * scale, tw);
}
