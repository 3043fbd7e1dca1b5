import { decodeAll, L, transIndex, viterbi } from "./decode";
import type { ReadingFormat } from "../reading";
import { featureName, type FeatureSink, type FeatureValue } from "./features";
import { LABELS, type Label } from "./grammar";

/**
 * A line labeller's weights: for each feature name, a weight per label it has one for
 * (sparse), and a weight for each pair of consecutive labels. A paper's own model is the
 * lab model plus a layer of the same shape trained on that paper's corrected imports
 * (`addLayer`): features keep their meaning, the paper's layer moves the weights where
 * the paper differs.
 *
 * The JSON form (`ModelJson`) is what `npm run ingest:train` writes and the database
 * keeps for papers: weights rounded to 3 decimals so that the same data gives the same
 * file byte for byte.
 */
export type ModelJson = {
  kind: "folio-line-labeller";
  version: 2;
  labels: readonly string[];
  /** Divides scores before the softmax of confidence (fitted so that confidence is calibrated). */
  temperature: number;
  /** Per text format (FORMATS), (labels + 1) × labels, row 0 is the start. */
  transitions: number[];
  /** feature → [labelIndex, weight, labelIndex, weight, …] */
  weights: Record<string, number[]>;
  /** What it was trained on (free-form, for people). */
  trainedOn: Record<string, unknown>;
};

/**
 * Transitions depend on the text's format: in Markdown a paragraph is one line and a line
 * that continues one follows a column break; in hard-wrapped text nearly every paragraph
 * goes on over several lines.
 */
export const FORMATS = ["markdown", "plain", "layout"] as const satisfies readonly ReadingFormat[];
export const TRANS_SIZE = (L + 1) * L;

export type Model = {
  emit: Map<string, Float64Array>;
  /** FORMATS.length blocks of TRANS_SIZE. */
  trans: Float64Array;
  temperature: number;
  trainedOn: Record<string, unknown>;
};

export function emptyModel(): Model {
  return { emit: new Map(), trans: new Float64Array(FORMATS.length * TRANS_SIZE), temperature: 1, trainedOn: {} };
}

/** The transition scores for a text format. */
export function transOf(m: Model, format: ReadingFormat): Float64Array {
  const k = FORMATS.indexOf(format);
  return m.trans.subarray(k * TRANS_SIZE, (k + 1) * TRANS_SIZE);
}

export function modelFromJson(json: ModelJson): Model {
  if (json.kind !== "folio-line-labeller" || json.version !== 2) throw new Error("not a Folio line labeller model (version 2)");
  if (json.transitions.length !== FORMATS.length * TRANS_SIZE) throw new Error("the model's transitions are not this engine's");
  if (json.labels.length !== L || json.labels.some((l, i) => l !== LABELS[i])) throw new Error("the model's labels are not this engine's");
  const emit = new Map<string, Float64Array>();
  for (const [f, pairs] of Object.entries(json.weights)) {
    const v = new Float64Array(L);
    for (let k = 0; k + 1 < pairs.length; k += 2) v[pairs[k] as number] = pairs[k + 1] as number;
    emit.set(f, v);
  }
  return { emit, trans: Float64Array.from(json.transitions), temperature: json.temperature, trainedOn: json.trainedOn };
}

/**
 * The model as it is kept (its JSON form read back): a run that trains a model and uses it
 * at once reads pages exactly as a later run that loads the kept file (the weights are
 * rounded when kept; unrounded, a learning curve's point moved by 0.003 between the two).
 */
export function asKept(m: Model, minWeight = 0): Model {
  return modelFromJson(modelToJson(m, minWeight));
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

export function modelToJson(m: Model, minWeight = 0): ModelJson {
  const weights: Record<string, number[]> = {};
  for (const f of [...m.emit.keys()].sort()) {
    const v = m.emit.get(f) as Float64Array;
    const pairs: number[] = [];
    for (let l = 0; l < L; l++) {
      const w = round3(v[l] as number);
      if (Math.abs(w) > minWeight && w !== 0) pairs.push(l, w);
    }
    if (pairs.length) weights[f] = pairs;
  }
  return {
    kind: "folio-line-labeller",
    version: 2,
    labels: [...LABELS],
    temperature: round3(m.temperature),
    transitions: Array.from(m.trans, round3),
    weights,
    trainedOn: m.trainedOn,
  };
}

/**
 * The same model with its weights divided by its temperature (and a temperature of 1):
 * scores become log-odds, so a paper's layer, trained with steps of 1, moves them by
 * amounts that mean the same whatever scale the base model was trained at.
 */
export function normalized(m: Model): Model {
  const k = 1 / m.temperature;
  const emit = new Map<string, Float64Array>();
  for (const [f, v] of m.emit) emit.set(f, Float64Array.from(v, (x) => x * k));
  return { emit, trans: Float64Array.from(m.trans, (x) => x * k), temperature: 1, trainedOn: m.trainedOn };
}

/**
 * The mean of models on the log-odds scale (each normalized first): what their mean score
 * would decide, as one linear model (features in the order they are met, so the same models
 * give the same file).
 */
export function meanModel(models: readonly Model[]): Model {
  const emit = new Map<string, Float64Array>();
  const trans = new Float64Array(models[0]?.trans.length ?? 0);
  for (const m of models) {
    const k = 1 / (m.temperature * models.length);
    for (const [f, v] of m.emit) {
      let s = emit.get(f);
      if (!s) emit.set(f, (s = new Float64Array(L)));
      for (let l = 0; l < L; l++) s[l] = (s[l] as number) + (v[l] as number) * k;
    }
    for (let i = 0; i < trans.length; i++) trans[i] = (trans[i] as number) + (m.trans[i] as number) * k;
  }
  return { emit, trans, temperature: 1, trainedOn: {} };
}

/** The lab model with a paper's layer on top (weights added). */
export function addLayer(base: Model, layer: Model): Model {
  const emit = new Map(base.emit);
  for (const [f, v] of layer.emit) {
    const b = emit.get(f);
    if (!b) emit.set(f, v);
    else {
      const s = new Float64Array(L);
      for (let l = 0; l < L; l++) s[l] = (b[l] as number) + (v[l] as number);
      emit.set(f, s);
    }
  }
  const trans = new Float64Array(base.trans.length);
  for (let k = 0; k < trans.length; k++) trans[k] = (base.trans[k] as number) + (layer.trans[k] as number);
  return { emit, trans, temperature: layer.temperature || base.temperature, trainedOn: { ...base.trainedOn, paper: layer.trainedOn } };
}

/**
 * A model compiled for reading: every feature name numbered, and each feature's weights as
 * one row of `ROW` numbers (a label's weight at its index, 0 where the feature says nothing
 * for it; the row padded past the last label). Names are found by their FNV-1a hash in an
 * open-addressing table (typed arrays), and a found name is compared with the feature's
 * own, so no two names are ever confused. Built once per model, on first use.
 */
type Compiled = {
  names: string[];
  /** Table slots: the hash of the name there and its number (-1: empty). */
  hashes: Int32Array;
  ids: Int32Array;
  mask: number;
  /** Feature f's weights: rows[f·ROW + label]. */
  rows: Float64Array;
  templates: TemplateCache;
};

/**
 * A row's length: the labels rounded up to a multiple of 8, the lanes the Scorer sums at
 * once (24 numbers: three cache lines).
 */
const ROW = Math.ceil(L / 8) * 8;
/** L, read once: an imported binding read in a loop is a getter call in CommonJS output (tsx, the benches). */
const LABEL_COUNT = L;

const compiledOf = new WeakMap<Model, Compiled>();

/** FNV-1a over a string's UTF-16 code units. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

function compiled(m: Model): Compiled {
  let c = compiledOf.get(m);
  if (c) return c;
  const names: string[] = [];
  const weights: Float64Array[] = [];
  for (const [f, v] of m.emit) {
    if (!v.some((w) => w !== 0)) continue;
    names.push(f);
    weights.push(v);
  }
  let size = 16;
  while (size < names.length * 4) size *= 2;
  const mask = size - 1;
  const hashes = new Int32Array(size);
  const ids = new Int32Array(size).fill(-1);
  const rows = new Float64Array(names.length * ROW);
  names.forEach((f, id) => {
    const h = fnv1a(f);
    let s = h & mask;
    while ((ids[s] as number) >= 0) s = (s + 1) & mask;
    hashes[s] = h;
    ids[s] = id;
    rows.set(weights[id] as Float64Array, id * ROW);
  });
  c = { names, hashes, ids, mask, rows, templates: newTemplateCache() };
  compiledOf.set(m, c);
  return c;
}

/** The feature a name stands for (-1: the model has no weight for it). */
function idOfName(c: Compiled, name: string): number {
  const h = fnv1a(name);
  for (let s = h & c.mask; ; s = (s + 1) & c.mask) {
    const x = c.ids[s] as number;
    if (x < 0) return -1;
    if (c.hashes[s] === h && c.names[x] === name) return x;
  }
}

/**
 * Template features already met: (template, values) → feature number (-1: no weight). A
 * page gives each template thousands of times with a few dozen values, so finding it by
 * the template (a tagged template's strings: one object per place in the code) and its
 * values compared with === saves making the name and hashing it, which cost more than the
 * rest of the feature's work. It holds only what the name finds, so the scores are the
 * same whatever it holds; and it is bounded, small enough to stay in the processor's
 * cache and for a server that reads pages for months: at most `SITE_ENTRIES` per template
 * (names made of a line's first characters never stop coming) and `ENTRIES` in all; past
 * that, a feature is found by its name as before.
 */
const ENTRIES = 1 << 13;
const SITE_ENTRIES = 512;
const SLOTS = ENTRIES * 2;
/** Values a template may carry to be remembered (features.ts uses up to 6). */
const MAX_VALUES = 8;

type TemplateCache = {
  /** Each template's number (from 1, given when first remembered) and how many entries it has. */
  sites: Map<TemplateStringsArray, number>;
  perSite: Int32Array;
  /** Slot s: [hash, template number (0: empty), feature number, entry] at 4s: one probe, one cache line. */
  slots: Int32Array;
  /** Slot s's template, compared by identity (cheaper than finding its number in `sites` each time). */
  templates: (TemplateStringsArray | undefined)[];
  /** Entry e's values at MAX_VALUES·e (in the order met: the common ones close together). */
  values: FeatureValue[];
  count: number;
};

function newTemplateCache(): TemplateCache {
  return { sites: new Map(), perSite: new Int32Array(256), slots: new Int32Array(SLOTS * 4), templates: new Array<TemplateStringsArray | undefined>(SLOTS).fill(undefined), values: new Array<FeatureValue>(ENTRIES * MAX_VALUES).fill(undefined), count: 0 };
}

/**
 * FNV-1a steps over one value: an integer as is; a string by its length and at most four
 * of its characters (the first two, the middle one, the last). The hash only says where to
 * look: a hit compares the values themselves, so a short hash costs a probe at worst, and
 * walking every character of a cue or a page kind cost more than the rest of the lookup.
 */
function mix(h: number, v: FeatureValue): number {
  if (typeof v === "number") return Math.imul(h ^ (v | 0), 0x01000193);
  if (v === undefined) return Math.imul(h ^ 0xfe, 0x01000193);
  const n = v.length;
  h = Math.imul(h ^ (n | 0x10000), 0x01000193);
  if (n === 0) return h;
  h = Math.imul(h ^ v.charCodeAt(0), 0x01000193);
  if (n === 1) return h;
  h = Math.imul(h ^ v.charCodeAt(1), 0x01000193);
  if (n === 2) return h;
  return Math.imul(Math.imul(h ^ v.charCodeAt(n >> 1), 0x01000193) ^ v.charCodeAt(n - 1), 0x01000193);
}

/** The feature a template with these values names (-1: no weight); the values are positional (see `Scorer.add`). */
function idOfTemplate(c: Compiled, strings: TemplateStringsArray, v0: FeatureValue, v1: FeatureValue, v2: FeatureValue, v3: FeatureValue, v4: FeatureValue, v5: FeatureValue, v6: FeatureValue, v7: FeatureValue): number {
  const n = strings.length - 1;
  if (n > MAX_VALUES) throw new Error(`a feature template carries at most ${MAX_VALUES} values: ${strings.join("…")}`);
  const t = c.templates;
  // The template hashed by its first piece of text and its number of values (two templates
  // alike so far are told apart by identity below).
  let h = mix(0x811c9dc5, strings[0] as string);
  h = Math.imul(h ^ n, 0x01000193);
  if (n > 0) h = mix(h, v0);
  if (n > 1) h = mix(h, v1);
  if (n > 2) h = mix(h, v2);
  if (n > 3) h = mix(h, v3);
  if (n > 4) h = mix(h, v4);
  if (n > 5) h = mix(h, v5);
  if (n > 6) h = mix(h, v6);
  if (n > 7) h = mix(h, v7);
  const { slots, values: vs } = t;
  const mask = SLOTS - 1;
  // The hash's high bits folded in: a multiply moves low bits up only, so the low ones alone cluster.
  let s = (h ^ (h >>> 15)) & mask;
  for (; (slots[4 * s + 1] as number) !== 0; s = (s + 1) & mask) {
    if (slots[4 * s] !== h || t.templates[s] !== strings) continue;
    const o = (slots[4 * s + 3] as number) * MAX_VALUES;
    // Values past the template's count are stored and passed as undefined: compared all the same.
    if (vs[o] === v0 && vs[o + 1] === v1 && vs[o + 2] === v2 && vs[o + 3] === v3 && vs[o + 4] === v4 && vs[o + 5] === v5 && vs[o + 6] === v6 && vs[o + 7] === v7) {
      return slots[4 * s + 2] as number;
    }
  }
  const values = [v0, v1, v2, v3, v4, v5, v6, v7];
  const id = idOfName(c, featureName(strings, values.slice(0, n)));
  let site = t.sites.get(strings);
  if (site === undefined) t.sites.set(strings, (site = t.sites.size + 1));
  if (site < t.perSite.length && t.count < ENTRIES && (t.perSite[site] as number) < SITE_ENTRIES) {
    t.perSite[site] = (t.perSite[site] as number) + 1;
    slots[4 * s] = h;
    slots[4 * s + 1] = site;
    t.templates[s] = strings;
    slots[4 * s + 2] = id;
    slots[4 * s + 3] = t.count;
    for (let k = 0; k < MAX_VALUES; k++) vs[t.count * MAX_VALUES + k] = values[k];
    t.count++;
  }
  return id;
}

/**
 * Scores a page's features as they are made (lib/ingest/model/features.ts `visitFeatures`):
 * `scores` is lines × labels, each line's the sum of its features' weights, added in the
 * order the features come (the same sums as `emissions`, to the last bit).
 *
 * A line's features are gathered (their rows) and summed when the next line begins, eight
 * labels at a time over all of them: each label's sum stays in a register, where adding
 * each feature's few weights into the line's scores as it came made every addition wait for
 * the store of the one before it to the same label. A row's zeros change no sum (a sum of
 * weights is never −0), so each label's sum is the same, in the same order, as adding only
 * the weights a feature has.
 */
export class Scorer implements FeatureSink {
  private readonly out: Float64Array;
  private row = 0;
  private readonly c: Compiled;
  /** The rows (offsets into `c.rows`) of the features met on the current line, and how many. */
  private found = new Int32Array(128);
  private count = 0;
  /** One line's sums, padded to `ROW`. */
  private readonly sums = new Float64Array(ROW);

  constructor(m: Model, lines: number) {
    this.c = compiled(m);
    this.out = new Float64Array(lines * L);
  }

  /** Lines × labels: each line's sum of its features' weights. */
  get scores(): Float64Array {
    this.sum();
    return this.out;
  }

  line(i: number): void {
    this.sum();
    this.row = i * LABEL_COUNT;
  }

  // The values as parameters, not a rest array: an array for each of a page's hundred
  // thousand features was a third of what the engine allocated.
  add(name: string | TemplateStringsArray, v0?: FeatureValue, v1?: FeatureValue, v2?: FeatureValue, v3?: FeatureValue, v4?: FeatureValue, v5?: FeatureValue, v6?: FeatureValue, v7?: FeatureValue): void {
    const c = this.c;
    const id = typeof name === "string" ? idOfName(c, name) : idOfTemplate(c, name, v0, v1, v2, v3, v4, v5, v6, v7);
    if (id < 0) return;
    if (this.count === this.found.length) {
      const more = new Int32Array(this.found.length * 2);
      more.set(this.found);
      this.found = more;
    }
    this.found[this.count++] = id * ROW;
  }

  /** Adds the gathered features' rows to the current line's scores, in the order they came. */
  private sum(): void {
    const n = this.count;
    if (n === 0) return;
    this.count = 0;
    const { out, row: o, found, sums } = this;
    const rows = this.c.rows;
    for (let l = 0; l < LABEL_COUNT; l++) sums[l] = out[o + l] as number;
    for (let l = 0; l < ROW; l += 8) {
      let s0 = sums[l] as number;
      let s1 = sums[l + 1] as number;
      let s2 = sums[l + 2] as number;
      let s3 = sums[l + 3] as number;
      let s4 = sums[l + 4] as number;
      let s5 = sums[l + 5] as number;
      let s6 = sums[l + 6] as number;
      let s7 = sums[l + 7] as number;
      for (let k = 0; k < n; k++) {
        const r = (found[k] as number) + l;
        s0 += rows[r] as number;
        s1 += rows[r + 1] as number;
        s2 += rows[r + 2] as number;
        s3 += rows[r + 3] as number;
        s4 += rows[r + 4] as number;
        s5 += rows[r + 5] as number;
        s6 += rows[r + 6] as number;
        s7 += rows[r + 7] as number;
      }
      sums[l] = s0;
      sums[l + 1] = s1;
      sums[l + 2] = s2;
      sums[l + 3] = s3;
      sums[l + 4] = s4;
      sums[l + 5] = s5;
      sums[l + 6] = s6;
      sums[l + 7] = s7;
    }
    for (let l = 0; l < LABEL_COUNT; l++) out[o + l] = sums[l] as number;
  }
}

/** Emission scores of a page (lines × labels) from its feature names. */
export function emissions(m: Model, features: readonly (readonly string[])[]): Float64Array {
  const s = new Scorer(m, features.length);
  features.forEach((fs, i) => {
    s.line(i);
    for (const f of fs) s.add(f);
  });
  return s.scores;
}

export type Labelling = {
  labels: Label[];
  /** P(label) of each line's chosen label; null when not asked for. */
  confidence: Float64Array | null;
  /** Every line's label probabilities (lines × labels), when asked for. */
  probabilities: Float64Array | null;
};

/**
 * Labels a page's lines. `forced[i]` (a label index, or -1) pins a line's label, e.g. the
 * masthead lines another step has already read; `barred` (lines × labels, 1 = barred) keeps
 * labels a rule knows a line cannot take out of its reading.
 */
export type LabelOptions = { format?: ReadingFormat; forced?: Int16Array; barred?: Uint8Array; confidence?: boolean };

export function label(m: Model, features: readonly (readonly string[])[], opts: LabelOptions = {}): Labelling {
  return labelScores(m, emissions(m, features), opts);
}

/** `label` from the page's emission scores (lines × labels; a `Scorer`'s), which it leaves as they are. */
export function labelScores(m: Model, scores: Float64Array, opts: LabelOptions = {}): Labelling {
  const n = scores.length / LABEL_COUNT;
  const emit = opts.forced || opts.barred ? scores.slice() : scores;
  if (opts.barred) for (let k = 0; k < emit.length; k++) if (opts.barred[k]) emit[k] = -1e9;
  if (opts.forced) {
    for (let i = 0; i < n; i++) {
      const f = opts.forced[i] as number;
      if (f < 0) continue;
      for (let l = 0; l < LABEL_COUNT; l++) if (l !== f) emit[i * LABEL_COUNT + l] = -1e9;
    }
  }
  const trans = transOf(m, opts.format ?? "plain");
  if (!opts.confidence) return { labels: Array.from(viterbi(n, emit, trans), (l) => LABELS[l] as Label), confidence: null, probabilities: null };
  const { path, probs } = decodeAll(n, emit, trans, m.temperature);
  const labels = Array.from(path, (l) => LABELS[l] as Label);
  const conf = new Float64Array(n);
  for (let i = 0; i < n; i++) conf[i] = probs[i * LABEL_COUNT + (path[i] as number)] as number;
  return { labels, confidence: conf, probabilities: probs };
}

export { transIndex };
