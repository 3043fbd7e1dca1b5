import { seeded, shuffle } from "./train";

/**
 * Which part of a two-part headline stack is the 主题: the upper part over a title (引题 +
 * 主题) or a title over its subtitle (主题 + 副题). Where the page prints the title larger
 * (Markdown heading levels, a PDF's font sizes) the labeller reads it from the print; where
 * nothing marks it (plain text, a tabloid printing its whole stack in one size) only the
 * words tell: a kicker sets the scene (…——, 、, figures, a place and an occasion), a title
 * is the claim, a subtitle adds the detail (——…, 等). The sequence labeller, with its
 * features of a line and its neighbours, gets about nine in ten of these right on unseen
 * pages; this small linear model over both parts' characters and character pairs, trained
 * on the lab's real stacks, is right as often on its own and nearly always where its score
 * is high. How often it is right at each score, on stacks it was not trained on, is measured
 * when it is trained and kept with its weights (`heldOut`): the text assembly weighs that
 * against the labeller's confidence, the PDF importer's flat stacks take its word where it
 * was right at least 19 times in 20 (`WORDS_DECIDE`).
 *
 * Trained by `npm run ingest:train` (an averaged perceptron, seeded: the same stacks give
 * the same weights), kept as data in stack-roles.json.
 */
export type StackPair = { upper: string; lower: string; kickerOver: boolean };

/** How often the model was right on stacks it was not trained on, by score: from `minScore` up to the next bucket's. */
export type StackRoleBucket = { minScore: number; stacks: number; right: number };

export type StackRolesJson = {
  version: 1;
  trainedOn: { lab: string; split: string; stacks: number };
  /** Measured when it was trained (`calibrateStackRoles`): what its score is worth against the labeller's confidence. */
  heldOut: StackRoleBucket[];
  weights: Record<string, number>;
};

/**
 * Where nothing else weighs against it, the words decide at a score whose held-out stacks were
 * right this often (on the lab's dev stacks: 0.95 from 20 to 30 and 0.99 above, 0.85 from 10
 * to 20).
 */
export const WORDS_DECIDE = 0.95;

/**
 * Weights under this are left out of the file, which is sent to the browser with the engine:
 * 6,311 of the 22,861 the lab's dev stacks give are kept. The held-out counts are measured
 * with them left out too.
 */
const MIN_WEIGHT = 0.5;

function parts(text: string): string[] {
  return [...text.trim().replace(/\s+/g, "_")];
}

/** Each part's characters and character pairs (where it sits: a = upper, b = lower), its length, its ends, and how the lengths compare. */
export function stackPairFeatures(upper: string, lower: string): string[] {
  const f: string[] = [];
  const a = parts(upper);
  const b = parts(lower);
  for (const [side, cs] of [["a", a], ["b", b]] as const) {
    for (let i = 0; i < cs.length; i++) f.push(`${side}1${cs[i]}`);
    for (let i = 0; i + 1 < cs.length; i++) f.push(`${side}2${cs[i]}${cs[i + 1]}`);
    f.push(`${side}len${Math.min(Math.floor(cs.length / 4), 8)}`, `${side}first${cs[0] ?? ""}`, `${side}last${cs[cs.length - 1] ?? ""}`, `${side}sp${cs.includes("_") ? 1 : 0}`);
  }
  f.push(`d${Math.max(-3, Math.min(3, Math.floor((b.length - a.length) / 3)))}`);
  return f;
}

/** What a pair model reads of two parts: the stack model's `stackPairFeatures`, or another's (./stack-wrap.ts). */
export type PairFeatures = (upper: string, lower: string) => string[];

/** > 0: the upper part is a kicker over the title; < 0: the upper part is the title over a subtitle. */
export function stackRoleScore(weights: Readonly<Record<string, number>>, upper: string, lower: string, features: PairFeatures = stackPairFeatures): number {
  let s = 0;
  for (const f of features(upper, lower)) s += weights[f] ?? 0;
  return s;
}

/** Score buckets of the held-out check: under 10, 10–20, 20–30, 30 and more. */
const BUCKETS = [0, 10, 20, 30];

/**
 * How often a model trained on four fifths of the stacks is right on the fifth, each fifth in
 * turn, by the size of its score: the share right is how far its word can be trusted.
 */
export function calibrateStackRoles(pairs: readonly StackPair[], features: PairFeatures = stackPairFeatures): StackRoleBucket[] {
  const buckets = BUCKETS.map((minScore) => ({ minScore, stacks: 0, right: 0 }));
  for (let f = 0; f < 5; f++) {
    const weights = trainStackRoles(pairs.filter((_, i) => i % 5 !== f), { features });
    pairs.forEach((p, i) => {
      if (i % 5 !== f) return;
      const s = stackRoleScore(weights, p.upper, p.lower, features);
      const b = bucketOf(buckets, s);
      b.stacks += 1;
      if (s > 0 === p.kickerOver) b.right += 1;
    });
  }
  return buckets;
}

function bucketOf<B extends { minScore: number }>(buckets: readonly B[], score: number): B {
  let at = buckets[0] as B;
  for (const b of buckets) if (Math.abs(score) >= b.minScore) at = b;
  return at;
}

/** The share of held-out stacks the model got right at this score. */
export function heldOutRight(json: Pick<StackRolesJson, "heldOut">, score: number): number {
  const b = bucketOf(json.heldOut, score);
  return b.stacks ? b.right / b.stacks : 0.5;
}

/** What the words say of a two-part stack, and how often the model was right on held-out stacks at that score. */
export function readStackWords(json: Pick<StackRolesJson, "heldOut" | "weights">, upper: string, lower: string, features: PairFeatures = stackPairFeatures): { kickerOver: boolean; right: number } {
  const score = stackRoleScore(json.weights, upper, lower, features);
  return { kickerOver: score > 0, right: heldOutRight(json, score) };
}

/** An averaged perceptron over the pairs, visited in a seeded order each epoch; weights rounded to hundredths. */
export function trainStackRoles(pairs: readonly StackPair[], { epochs = 10, seed = 1, features = stackPairFeatures }: { epochs?: number; seed?: number; features?: PairFeatures } = {}): Record<string, number> {
  const w = new Map<string, number>();
  const sum = new Map<string, number>();
  const examples = pairs.map((p) => ({ f: features(p.upper, p.lower), y: p.kickerOver }));
  const order = examples.map((_, i) => i);
  const rand = seeded(seed);
  let c = 1;
  for (let e = 0; e < epochs; e++) {
    shuffle(order, rand);
    for (const i of order) {
      const { f, y } = examples[i] as (typeof examples)[number];
      let s = 0;
      for (const x of f) s += w.get(x) ?? 0;
      if (s > 0 !== y) {
        const d = y ? 1 : -1;
        for (const x of f) {
          w.set(x, (w.get(x) ?? 0) + d);
          sum.set(x, (sum.get(x) ?? 0) + c * d);
        }
      }
      c++;
    }
  }
  const out: Record<string, number> = {};
  for (const x of [...w.keys()].sort()) {
    const v = Math.round(((w.get(x) as number) - (sum.get(x) ?? 0) / c) * 100) / 100;
    if (Math.abs(v) >= MIN_WEIGHT) out[x] = v;
  }
  return out;
}
