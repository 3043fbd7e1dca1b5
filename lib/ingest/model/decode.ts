import { grammar, LABELS } from "./grammar";

/**
 * Decoding under the page grammar (./grammar.ts). Scores are a line × label matrix of
 * emission scores (what the line's features say) and a (label before) × label matrix of
 * transition scores; the grammar decides which sequences exist at all.
 *
 * - `viterbi`: the best-scoring well-formed sequence of labels.
 * - `marginals`: for each line the probability of each label, over all well-formed
 *   sequences, with scores read as log-potentials divided by a temperature (a linear-
 *   chain CRF's forward-backward); this is where confidence comes from.
 */
export const L = LABELS.length;

/** Row 0 of the transition matrix is "before the first line"; row 1 + l is after label l. */
export const transIndex = (prev: number, l: number): number => (prev + 1) * L + l;

export function viterbi(n: number, emit: Float64Array, trans: Float64Array): Int16Array {
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
    const e = i * L;
    const b = i * S;
    for (let s = 0; s < S; s++) {
      const v = cur[s] as number;
      if (v === -Infinity) continue;
      const tRow = ((g.labelOf[s] as number) + 1) * L;
      for (let k = g.edgeStart[s] as number, end = g.edgeStart[s + 1] as number; k < end; k++) {
        const l = g.edgeLabel[k] as number;
        const j = g.edgeTo[k] as number;
        const x = v + (trans[tRow + l] as number) + (emit[e + l] as number);
        if (x > (nxt[j] as number)) {
          nxt[j] = x;
          back[b + j] = s;
        }
      }
    }
    const t = cur;
    cur = nxt;
    nxt = t;
  }
  let best = -1;
  let bestV = -Infinity;
  for (let s = 0; s < S; s++) {
    if (!g.final[s]) continue;
    if ((cur[s] as number) > bestV) {
      bestV = cur[s] as number;
      best = s;
    }
  }
  if (best < 0) {
    // Cannot happen with finite scores (every label sequence of F lines is well formed),
    // but forced labels could exclude every path: fall back to furniture.
    out.fill(1);
    return out;
  }
  for (let i = n - 1; i >= 0; i--) {
    out[i] = g.labelOf[best] as number;
    best = back[i * S + best] as number;
  }
  return out;
}

/**
 * P(label at line i = l) over the well-formed sequences, scores divided by `temperature`.
 * Forward-backward in probability space, each line's vector rescaled to sum 1 (scores
 * are shifted by their maximum before exponentiating, so nothing overflows).
 */
export function marginals(n: number, emit: Float64Array, trans: Float64Array, temperature: number): Float64Array {
  const g = grammar();
  const S = g.states.length;
  const inv = 1 / temperature;
  let tMax = -Infinity;
  for (let k = 0; k < trans.length; k++) tMax = Math.max(tMax, trans[k] as number);
  const tp = Float64Array.from(trans, (x) => Math.exp((x - tMax) * inv));
  const pot = new Float64Array(n * L);
  for (let i = 0; i < n; i++) {
    let m = -Infinity;
    for (let l = 0; l < L; l++) m = Math.max(m, emit[i * L + l] as number);
    for (let l = 0; l < L; l++) pot[i * L + l] = Math.exp(((emit[i * L + l] as number) - m) * inv);
  }
  const alpha = new Float64Array((n + 1) * S);
  const beta = new Float64Array((n + 1) * S);
  alpha[g.start] = 1;
  for (let i = 0; i < n; i++) {
    const a0 = i * S;
    const a1 = (i + 1) * S;
    let sum = 0;
    for (let s = 0; s < S; s++) {
      const v = alpha[a0 + s] as number;
      if (v === 0) continue;
      const tRow = ((g.labelOf[s] as number) + 1) * L;
      for (let k = g.edgeStart[s] as number, end = g.edgeStart[s + 1] as number; k < end; k++) {
        const l = g.edgeLabel[k] as number;
        const j = g.edgeTo[k] as number;
        const x = v * (tp[tRow + l] as number) * (pot[i * L + l] as number);
        alpha[a1 + j] = (alpha[a1 + j] as number) + x;
        sum += x;
      }
    }
    if (sum > 0) for (let j = 0; j < S; j++) alpha[a1 + j] = (alpha[a1 + j] as number) / sum;
  }
  for (let s = 0; s < S; s++) if (g.final[s]) beta[n * S + s] = 1;
  for (let i = n - 1; i >= 0; i--) {
    const b0 = i * S;
    const b1 = (i + 1) * S;
    let sum = 0;
    for (let s = 0; s < S; s++) {
      const tRow = ((g.labelOf[s] as number) + 1) * L;
      let acc = 0;
      for (let k = g.edgeStart[s] as number, end = g.edgeStart[s + 1] as number; k < end; k++) {
        const l = g.edgeLabel[k] as number;
        const bj = beta[b1 + (g.edgeTo[k] as number)] as number;
        if (bj === 0) continue;
        acc += bj * (tp[tRow + l] as number) * (pot[i * L + l] as number);
      }
      beta[b0 + s] = acc;
      sum += acc;
    }
    if (sum > 0) for (let s = 0; s < S; s++) beta[b0 + s] = (beta[b0 + s] as number) / sum;
  }
  const out = new Float64Array(n * L);
  for (let i = 0; i < n; i++) {
    // Probability that line i has label l: paths into a state entered by label l.
    let z = 0;
    for (let j = 0; j < S; j++) z += (alpha[(i + 1) * S + j] as number) * (beta[(i + 1) * S + j] as number);
    if (z <= 0) continue;
    for (let j = 0; j < S; j++) {
      const l = g.labelOf[j] as number;
      if (l < 0) continue;
      out[i * L + l] = (out[i * L + l] as number) + ((alpha[(i + 1) * S + j] as number) * (beta[(i + 1) * S + j] as number)) / z;
    }
  }
  return out;
}
