import { L, marginals, transIndex, viterbi } from "./decode";
import { LABEL_INDEX, LABELS, type Label } from "./grammar";
import type { ReadingFormat } from "../reading";
import { emissions, emptyModel, FORMATS, TRANS_SIZE, transOf, type Model } from "./model";

/**
 * Training the line labeller: an averaged structured perceptron (Collins 2002) decoded
 * under the page grammar, so it learns from the same well-formed sequences it will
 * produce. Deterministic: examples are visited in an order drawn from a seeded generator,
 * so the same examples in the same order give the same weights.
 *
 * Examples are compiled to feature numbers first (a lab has about a million lines).
 * With `base`, the base model's scores are added to every example's and only the new
 * layer is trained: that is how a paper's own layer is learned from its corrections.
 */
export type Example = { features: readonly (readonly string[])[]; gold: readonly Label[]; format: ReadingFormat; weight?: number };

export type CompiledExamples = {
  names: string[];
  ids: Map<string, number>;
  items: { n: number; offs: Int32Array; feats: Int32Array; gold: Int16Array; weight: number; base: Float64Array | null; format: ReadingFormat }[];
};

export function compileExamples(examples: Iterable<Example>, base: Model | null = null, into?: CompiledExamples): CompiledExamples {
  const c: CompiledExamples = into ?? { names: [], ids: new Map(), items: [] };
  for (const ex of examples) {
    const n = ex.features.length;
    const offs = new Int32Array(n + 1);
    let total = 0;
    for (let i = 0; i < n; i++) total += (ex.features[i] as readonly string[]).length;
    const feats = new Int32Array(total);
    let k = 0;
    ex.features.forEach((fs, i) => {
      offs[i] = k;
      for (const f of fs) {
        let id = c.ids.get(f);
        if (id === undefined) {
          id = c.names.length;
          c.ids.set(f, id);
          c.names.push(f);
        }
        feats[k++] = id;
      }
    });
    offs[n] = k;
    const gold = Int16Array.from(ex.gold, (l) => LABEL_INDEX[l]);
    c.items.push({ n, offs, feats, gold, weight: ex.weight ?? 1, base: base ? emissions(base, ex.features) : null, format: ex.format });
  }
  return c;
}

/** mulberry32: a small seeded generator (the order of examples is part of the result). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Shuffles `order` in place (Fisher–Yates) with `rand`: each epoch visits the examples in a new, reproducible order. */
export function shuffle(order: number[], rand: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = order[i] as number;
    order[i] = order[j] as number;
    order[j] = t;
  }
}

/**
 * What labelling a line `p` when it is `g` costs (at g × L + p): a wrong decision on whether
 * an article starts there `startWeight`, a wrong role (title for paragraph) `structuralWeight`,
 * any other wrong label (a paragraph break) 1.
 */
export function labelCosts(startWeight: number, structuralWeight: number): Float64Array {
  const role = LABELS.map((l) => l[0]);
  const opens = LABELS.map((l) => l.endsWith("!"));
  const costs = new Float64Array(L * L);
  for (let g = 0; g < L; g++) {
    for (let p = 0; p < L; p++) costs[g * L + p] = g === p ? 0 : opens[g] !== opens[p] ? startWeight : role[g] !== role[p] ? structuralWeight : 1;
  }
  return costs;
}

/** A page's scores (lines × labels): its base model's, if any, plus its features' weights w × scale. */
export function pageScores(ex: CompiledExamples["items"][number], w: Float64Array, scale: number): Float64Array {
  const scores = new Float64Array(ex.n * L);
  if (ex.base) scores.set(ex.base);
  for (let i = 0; i < ex.n; i++) {
    const o = i * L;
    for (let k = ex.offs[i] as number; k < (ex.offs[i + 1] as number); k++) {
      const f = (ex.feats[k] as number) * L;
      for (let l = 0; l < L; l++) scores[o + l] = (scores[o + l] as number) + (w[f + l] as number) * scale;
    }
  }
  return scores;
}

export type TrainOptions = {
  epochs: number;
  seed: number;
  /**
   * How much more a wrong decision that shapes articles (a line's role, whether an article
   * starts there) counts than a wrong paragraph break: updates are that much larger.
   */
  structuralWeight?: number;
  /** How much a wrong decision on whether an article starts at a line counts (default: as a wrong role). */
  startWeight?: number;
  base?: Model | null;
  /** Called after each epoch with the share of lines labelled wrong in it. */
  progress?: (epoch: number, errorRate: number) => void;
};

export function trainPerceptron(c: CompiledExamples, opts: TrainOptions): Model {
  const F = c.names.length;
  const w = new Float64Array(F * L);
  const acc = new Float64Array(F * L);
  const tw = new Float64Array(FORMATS.length * TRANS_SIZE);
  const tacc = new Float64Array(FORMATS.length * TRANS_SIZE);
  let step = 1;
  const rand = seeded(opts.seed);
  const order = c.items.map((_, i) => i);
  const sw = opts.structuralWeight ?? 1;
  const costs = labelCosts(opts.startWeight ?? sw, sw);
  const cost = (g: number, p: number) => costs[g * L + p] as number;
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    shuffle(order, rand);
    let wrong = 0;
    let lines = 0;
    for (const idx of order) {
      const ex = c.items[idx] as CompiledExamples["items"][number];
      const emit = pageScores(ex, w, 1);
      const tOff = FORMATS.indexOf(ex.format) * TRANS_SIZE;
      const pred = viterbi(ex.n, emit, tw.subarray(tOff, tOff + TRANS_SIZE));
      lines += ex.n;
      const eta = ex.weight;
      const upd = (arr: Float64Array, accArr: Float64Array, at: number, d: number) => {
        arr[at] = (arr[at] as number) + d;
        accArr[at] = (accArr[at] as number) + step * d;
      };
      for (let i = 0; i < ex.n; i++) {
        const g = ex.gold[i] as number;
        const p = pred[i] as number;
        const gPrev = i === 0 ? -1 : (ex.gold[i - 1] as number);
        const pPrev = i === 0 ? -1 : (pred[i - 1] as number);
        if (g !== p) {
          wrong++;
          const e = eta * cost(g, p);
          for (let k = ex.offs[i] as number; k < (ex.offs[i + 1] as number); k++) {
            const f = (ex.feats[k] as number) * L;
            upd(w, acc, f + g, e);
            upd(w, acc, f + p, -e);
          }
        }
        if (g !== p || gPrev !== pPrev) {
          const e = eta * Math.max(g === p ? 1 : cost(g, p), gPrev === pPrev || gPrev < 0 || pPrev < 0 ? 1 : cost(gPrev, pPrev));
          upd(tw, tacc, tOff + transIndex(gPrev, g), e);
          upd(tw, tacc, tOff + transIndex(pPrev, p), -e);
        }
      }
      step++;
    }
    opts.progress?.(epoch + 1, lines ? wrong / lines : 0);
  }
  return modelFromWeights(
    c.names,
    (k) => (w[k] as number) - (acc[k] as number) / step,
    Float64Array.from(tw, (x, k) => x - (tacc[k] as number) / step),
  );
}

/**
 * A model from a trainer's flat weights (feature f's weight for label l at f × L + l, read
 * through `at`) and transitions; a feature with no weight is left out.
 */
export function modelFromWeights(names: readonly string[], at: (k: number) => number, trans: Float64Array): Model {
  const m = emptyModel();
  for (let f = 0; f < names.length; f++) {
    let any = false;
    const v = new Float64Array(L);
    for (let l = 0; l < L; l++) {
      const x = at(f * L + l);
      v[l] = x;
      if (Math.abs(x) > 1e-9) any = true;
    }
    if (any) m.emit.set(names[f] as string, v);
  }
  m.trans.set(trans);
  return m;
}

/**
 * The temperature that makes the model's probabilities honest on examples it was not
 * trained on: the lowest negative log-likelihood of the right role and of the right
 * article-start decision of each line.
 */
export function fitTemperature(m: Model, c: CompiledExamples): number {
  const emits = c.items.map((ex) => {
    const e = new Float64Array(ex.n * L);
    if (ex.base) e.set(ex.base);
    for (let i = 0; i < ex.n; i++) {
      for (let k = ex.offs[i] as number; k < (ex.offs[i + 1] as number); k++) {
        const v = m.emit.get(c.names[ex.feats[k] as number] as string);
        if (!v) continue;
        for (let l = 0; l < L; l++) e[i * L + l] = (e[i * L + l] as number) + (v[l] as number);
      }
    }
    return e;
  });
  // The decisions confidence is reported for: what a line is (its role) and whether an
  // article starts there. (The exact label also says where a paragraph breaks, which in
  // interleaved text no one can know; fitted on it, every confidence would be timid.)
  const roleIndex = LABELS.map((l) => "MFKTSYPHXJ".indexOf(l[0] as string));
  const opens = LABELS.map((l) => l.endsWith("!"));
  const lossAt = (t: number) => {
    let loss = 0;
    c.items.forEach((ex, k) => {
      const p = marginals(ex.n, emits[k] as Float64Array, transOf(m, ex.format), t);
      for (let i = 0; i < ex.n; i++) {
        const g = ex.gold[i] as number;
        let role = 0;
        let start = 0;
        for (let l = 0; l < L; l++) {
          const q = p[i * L + l] as number;
          if (roleIndex[l] === roleIndex[g]) role += q;
          if (opens[l] === opens[g]) start += q;
        }
        loss -= Math.log(Math.max(1e-6, role)) + Math.log(Math.max(1e-6, start));
      }
    });
    return loss;
  };
  // Golden-section search on log(temperature); the loss has one minimum.
  let lo = Math.log(0.05);
  let hi = Math.log(1e5);
  const r = (Math.sqrt(5) - 1) / 2;
  let x1 = hi - r * (hi - lo);
  let x2 = lo + r * (hi - lo);
  let f1 = lossAt(Math.exp(x1));
  let f2 = lossAt(Math.exp(x2));
  for (let k = 0; k < 20; k++) {
    if (f1 < f2) {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = hi - r * (hi - lo);
      f1 = lossAt(Math.exp(x1));
    } else {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = lo + r * (hi - lo);
      f2 = lossAt(Math.exp(x2));
    }
  }
  return Math.exp((lo + hi) / 2);
}

export { LABELS };
