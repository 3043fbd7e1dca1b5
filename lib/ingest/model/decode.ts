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

/**
 * The grammar's edges by the state they lead to (each state's incoming edges in order of
 * the state they come from), with each edge's transition score looked up once per page:
 * a line's step is then, for each state, one pass over the states it can be reached from.
 * Every score is summed in the same order as over the edges from each state, so the
 * results are the same to the last bit (and ties go to the same, earliest state).
 */
type Incoming = { start: Int32Array; from: Int16Array; edge: Int32Array };

let incomingOf: Incoming | null = null;

function incoming(): Incoming {
  if (incomingOf) return incomingOf;
  const g = grammar();
  const S = g.states.length;
  const byTarget: [number, number][][] = Array.from({ length: S }, () => []);
  for (let s = 0; s < S; s++) {
    for (let k = g.edgeStart[s] as number; k < (g.edgeStart[s + 1] as number); k++) (byTarget[g.edgeTo[k] as number] as [number, number][]).push([s, k]);
  }
  const start = new Int32Array(S + 1);
  byTarget.forEach((es, j) => (start[j + 1] = (start[j] as number) + es.length));
  const flat = byTarget.flat();
  incomingOf = { start, from: Int16Array.from(flat, (e) => e[0]), edge: Int32Array.from(flat, (e) => e[1]) };
  return incomingOf;
}

/**
 * States that share their list of neighbours, stepped together. Forward, states with the same
 * predecessors: the six labels that open an article follow the same 56 states, the five body
 * roles of an article with its stack the same 46, … One pass over the shared predecessors
 * reads each one's score once and takes up to `LANES` states' maxima and sums at once, each
 * in a register of its own. Backward, states with the same successors (a line of a role and
 * the masthead or furniture lines after it: the article's state is the same) sum over them
 * the same way. A team of fewer states fills its other lanes with edges that lose every
 * maximum and add nothing (their results are not kept). Each state's maximum and sum are
 * taken over the same edges in the same order as alone, so the results are the same to the
 * last bit. Teams of fewer than `MIN_TEAM` states are stepped alone (a lane left empty costs
 * as much as a full one).
 */
const LANES = 6;
/** The steps write back their first MIN_TEAM lanes without a test. */
const MIN_TEAM = 4;

/**
 * `members`: the team's states (-1 in an empty lane); `shared`: the neighbours they share;
 * `edges`: lane t's edge to neighbour q at q·LANES + t (-1: none), numbered as the lists it
 * was made from.
 */
type Team = { members: Int16Array; shared: Int16Array; edges: Int32Array };
type Teams = { teams: Team[]; alone: Int16Array };

/** Teams of the states whose lists (state j's: items[start[j] … start[j + 1])) are the same. */
function teamsBy(start: Int32Array, items: Int16Array): Teams {
  const byList = new Map<string, number[]>();
  for (let j = 0; j + 1 < start.length; j++) {
    const key = Array.from(items.subarray(start[j] as number, start[j + 1] as number)).join(",");
    byList.set(key, [...(byList.get(key) ?? []), j]);
  }
  const teams: Team[] = [];
  const alone: number[] = [];
  for (const [key, states] of byList) {
    for (let at = 0; at < states.length; at += LANES) {
      const lanes = states.slice(at, at + LANES);
      if (key === "" || lanes.length < MIN_TEAM) {
        alone.push(...lanes);
        continue;
      }
      const p = start[lanes[0] as number] as number;
      const count = (start[(lanes[0] as number) + 1] as number) - p;
      const edges = new Int32Array(count * LANES).fill(-1);
      lanes.forEach((j, t) => {
        for (let q = 0; q < count; q++) edges[q * LANES + t] = (start[j] as number) + q;
      });
      const members = new Int16Array(LANES).fill(-1);
      members.set(lanes);
      teams.push({ members, shared: items.slice(p, p + count), edges });
    }
  }
  return { teams, alone: Int16Array.from(alone.sort((x, y) => x - y)) };
}

let forwardTeams: Teams | null = null;
let backwardTeams: Teams | null = null;

/**
 * `byEdge` at each of `at` (`fill` at -1). A loop, not `Float64Array.from(at, f)`, whose
 * iterator and call per element cost more than the rest of a short page's setup.
 */
function pick(at: Int32Array, byEdge: Float64Array, fill: number): Float64Array {
  const out = new Float64Array(at.length);
  for (let x = 0; x < at.length; x++) {
    const k = at[x] as number;
    out[x] = k < 0 ? fill : (byEdge[k] as number);
  }
  return out;
}

/** A team's lanes' values of a per-edge array (`fill` in empty lanes). */
function laneValues(team: Team, byEdge: Float64Array, fill: number): Float64Array {
  return pick(team.edges, byEdge, fill);
}

/** Each grammar edge's transition score (edges in `CompiledGrammar` order). */
function edgeScores(trans: Float64Array): Float64Array {
  const g = grammar();
  const out = new Float64Array(g.edgeLabel.length);
  for (let s = 0; s < g.states.length; s++) {
    const tRow = ((g.labelOf[s] as number) + 1) * L;
    for (let k = g.edgeStart[s] as number; k < (g.edgeStart[s + 1] as number); k++) out[k] = trans[tRow + (g.edgeLabel[k] as number)] as number;
  }
  return out;
}

/** Each incoming edge's transition score (in `incoming()` order). */
function incomingScores(trans: Float64Array): Float64Array {
  const byEdge = edgeScores(trans);
  return pick(incoming().edge, byEdge, 0);
}

/**
 * What the forward pass leaves: for each line and state, the state Viterbi's best path came
 * from, the best scores after the last line, and (when a temperature is given) forward-
 * backward's alpha, the label potentials and each edge's transition potential.
 */
type Forward = { back: Int16Array; last: Float64Array; alpha: Float64Array | null; pot: Float64Array; tp: Float64Array };

/**
 * The forward pass of both decoders at once: Viterbi's best score into each state, and with
 * a temperature the forward sums, each line's vector rescaled to sum 1 (scores are shifted
 * by their maximum before exponentiating, so nothing overflows). Both read the same edges
 * of the same line, so one pass reads each edge once for both (the edges are most of the
 * decoding's time). Each sum and each maximum is taken in the same order as by itself.
 */
function forward(n: number, emit: Float64Array, trans: Float64Array, temperature: number | null): Forward {
  const g = grammar();
  const S = g.states.length;
  const labelOf = g.labelOf;
  const { start, from, edge } = incoming();
  const it = incomingScores(trans);
  forwardTeams ??= teamsBy(start, from);
  const { teams: ts, alone } = forwardTeams;
  let cur = new Float64Array(S).fill(-Infinity);
  let nxt = new Float64Array(S);
  cur[g.start] = 0;
  const back = new Int16Array(n * S);
  let tp: Float64Array = new Float64Array(0);
  let inTp = tp;
  let pot = tp;
  let alpha: Float64Array | null = null;
  if (temperature !== null) {
    const inv = 1 / temperature;
    let tMax = -Infinity;
    for (let k = 0; k < trans.length; k++) tMax = Math.max(tMax, trans[k] as number);
    tp = edgeScores(trans);
    for (let k = 0; k < tp.length; k++) tp[k] = Math.exp(((tp[k] as number) - tMax) * inv);
    inTp = pick(edge, tp, 0);
    pot = new Float64Array(n * L);
    for (let i = 0; i < n; i++) {
      const o = i * L;
      let m = -Infinity;
      for (let l = 0; l < L; l++) m = Math.max(m, emit[o + l] as number);
      for (let l = 0; l < L; l++) pot[o + l] = Math.exp(((emit[o + l] as number) - m) * inv);
    }
    alpha = new Float64Array((n + 1) * S);
    alpha[g.start] = 1;
  }
  // Each team's transition scores and potentials by lane (an empty lane's edges lose every
  // maximum and add nothing), and its states' sums until the line's sums are added in order.
  const teamIt = ts.map((t) => laneValues(t, it, -Infinity));
  const teamTp = ts.map((t) => laneValues(t, inTp, 0));
  const sums = new Float64Array(S);
  for (let i = 0; i < n; i++) {
    const e = i * L;
    const b = i * S;
    const a1 = b + S;
    for (let x = 0; x < ts.length; x++) stepTeam(ts[x] as Team, teamIt[x] as Float64Array, teamTp[x] as Float64Array, labelOf, emit, e, cur, nxt, back, b, alpha, sums);
    for (let x = 0; x < alone.length; x++) {
      const j = alone[x] as number;
      let best = -Infinity;
      let arg = 0;
      let acc = 0;
      const k0 = start[j] as number;
      const k1 = start[j + 1] as number;
      const ej = k0 < k1 ? (emit[e + (labelOf[j] as number)] as number) : 0;
      // Two copies of the edge loop, so that Viterbi alone (training decodes thousands of
      // pages) pays no test per edge for the sums it does not need.
      if (alpha) {
        for (let k = k0; k < k1; k++) {
          const s = from[k] as number;
          const x = (cur[s] as number) + (it[k] as number) + ej;
          if (x > best) {
            best = x;
            arg = s;
          }
          acc += (alpha[b + s] as number) * (inTp[k] as number);
        }
      } else {
        for (let k = k0; k < k1; k++) {
          const s = from[k] as number;
          const x = (cur[s] as number) + (it[k] as number) + ej;
          if (x > best) {
            best = x;
            arg = s;
          }
        }
      }
      nxt[j] = best;
      back[b + j] = arg;
      sums[j] = acc;
    }
    if (alpha) {
      // The line's sums, added up state by state in order (as when each state was stepped alone).
      let sum = 0;
      for (let j = 0; j < S; j++) {
        const acc = sums[j] as number;
        if (acc === 0) continue;
        const x = acc * (pot[e + (labelOf[j] as number)] as number);
        alpha[a1 + j] = x;
        sum += x;
      }
      if (sum > 0) for (let j = a1; j < a1 + S; j++) alpha[j] = (alpha[j] as number) / sum;
    }
    const t = cur;
    cur = nxt;
    nxt = t;
  }
  return { back, last: cur, alpha, pot, tp };
}

/**
 * One line's step of a team: its states' best scores and back pointers into `nxt` and
 * `back`, their sums (before the label's potential) into `sums`. Lanes are unrolled: each
 * state's maximum, back pointer and sum stay in registers over the shared predecessors.
 */
function stepTeam(
  team: Team,
  tIt: Float64Array,
  tTp: Float64Array,
  labelOf: Int16Array,
  emit: Float64Array,
  e: number,
  cur: Float64Array,
  nxt: Float64Array,
  back: Int16Array,
  b: number,
  alpha: Float64Array | null,
  sums: Float64Array,
): void {
  const tg = team.members;
  const pr = team.shared;
  const P = pr.length;
  // An empty lane reads the first lane's score (its scores are -Infinity whatever it adds).
  const l0 = labelOf[tg[0] as number] as number;
  const e0 = emit[e + l0] as number;
  const e1 = emit[e + (labelOf[tg[1] as number] ?? l0)] as number;
  const e2 = emit[e + (labelOf[tg[2] as number] ?? l0)] as number;
  const e3 = emit[e + (labelOf[tg[3] as number] ?? l0)] as number;
  const e4 = emit[e + (labelOf[tg[4] as number] ?? l0)] as number;
  const e5 = emit[e + (labelOf[tg[5] as number] ?? l0)] as number;
  let b0 = -Infinity;
  let b1 = -Infinity;
  let b2 = -Infinity;
  let b3 = -Infinity;
  let b4 = -Infinity;
  let b5 = -Infinity;
  let g0 = 0;
  let g1 = 0;
  let g2 = 0;
  let g3 = 0;
  let g4 = 0;
  let g5 = 0;
  let c0 = 0;
  let c1 = 0;
  let c2 = 0;
  let c3 = 0;
  let c4 = 0;
  let c5 = 0;
  for (let q = 0, o = 0; q < P; q++, o += LANES) {
    const s = pr[q] as number;
    const c = cur[s] as number;
    let x = c + (tIt[o] as number) + e0;
    if (x > b0) {
      b0 = x;
      g0 = s;
    }
    x = c + (tIt[o + 1] as number) + e1;
    if (x > b1) {
      b1 = x;
      g1 = s;
    }
    x = c + (tIt[o + 2] as number) + e2;
    if (x > b2) {
      b2 = x;
      g2 = s;
    }
    x = c + (tIt[o + 3] as number) + e3;
    if (x > b3) {
      b3 = x;
      g3 = s;
    }
    x = c + (tIt[o + 4] as number) + e4;
    if (x > b4) {
      b4 = x;
      g4 = s;
    }
    x = c + (tIt[o + 5] as number) + e5;
    if (x > b5) {
      b5 = x;
      g5 = s;
    }
    if (alpha) {
      const a = alpha[b + s] as number;
      c0 += a * (tTp[o] as number);
      c1 += a * (tTp[o + 1] as number);
      c2 += a * (tTp[o + 2] as number);
      c3 += a * (tTp[o + 3] as number);
      c4 += a * (tTp[o + 4] as number);
      c5 += a * (tTp[o + 5] as number);
    }
  }
  const j0 = tg[0] as number;
  nxt[j0] = b0;
  back[b + j0] = g0;
  sums[j0] = c0;
  const j1 = tg[1] as number;
  nxt[j1] = b1;
  back[b + j1] = g1;
  sums[j1] = c1;
  const j2 = tg[2] as number;
  nxt[j2] = b2;
  back[b + j2] = g2;
  sums[j2] = c2;
  const j3 = tg[3] as number;
  nxt[j3] = b3;
  back[b + j3] = g3;
  sums[j3] = c3;
  const j4 = tg[4] as number;
  if (j4 < 0) return;
  nxt[j4] = b4;
  back[b + j4] = g4;
  sums[j4] = c4;
  const j5 = tg[5] as number;
  if (j5 < 0) return;
  nxt[j5] = b5;
  back[b + j5] = g5;
  sums[j5] = c5;
}

/** The best well-formed labelling, back from the best final state. */
function bestPath(n: number, f: Forward): Int16Array {
  const g = grammar();
  const S = g.states.length;
  const out = new Int16Array(n);
  if (n === 0) return out;
  let best = -1;
  let bestV = -Infinity;
  for (let s = 0; s < S; s++) {
    if (!g.final[s]) continue;
    if ((f.last[s] as number) > bestV) {
      bestV = f.last[s] as number;
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
    best = f.back[i * S + best] as number;
  }
  return out;
}

export function viterbi(n: number, emit: Float64Array, trans: Float64Array): Int16Array {
  return bestPath(n, forward(n, emit, trans, null));
}

/**
 * P(label at line i = l) over the well-formed sequences, scores divided by `temperature`.
 * Forward-backward in probability space (the forward pass above). Both passes gather,
 * state by state, over the states next to it, so that each line's sums are many short
 * independent ones rather than one long chain.
 */
export function marginals(n: number, emit: Float64Array, trans: Float64Array, temperature: number): Float64Array {
  return backward(n, forward(n, emit, trans, temperature));
}

/** `viterbi` and `marginals` of one page from one forward pass. */
export function decodeAll(n: number, emit: Float64Array, trans: Float64Array, temperature: number): { path: Int16Array; probs: Float64Array } {
  const f = forward(n, emit, trans, temperature);
  return { path: bestPath(n, f), probs: backward(n, f) };
}

/** The backward pass: each line's label probabilities from the forward pass's alpha. */
function backward(n: number, f: Forward): Float64Array {
  const g = grammar();
  const S = g.states.length;
  const { edgeStart, edgeTo, labelOf, final } = g;
  const alpha = f.alpha as Float64Array;
  const { pot, tp } = f;
  // Backward, keeping only the next line's beta; each line's probabilities come as soon
  // as the beta after it is known. u: that beta times the potential of the label that
  // enters each state.
  const out = new Float64Array(n * L);
  let next = new Float64Array(S);
  let here = new Float64Array(S);
  const u = new Float64Array(S);
  for (let s = 0; s < S; s++) if (final[s]) next[s] = 1;
  backwardTeams ??= teamsBy(edgeStart, edgeTo);
  const { teams: ts, alone } = backwardTeams;
  const teamTp = ts.map((t) => laneValues(t, tp, 0));
  for (let i = n - 1; i >= 0; i--) {
    const a1 = (i + 1) * S;
    const o = i * L;
    // Probability that line i has label l: paths into a state entered by label l.
    let z = 0;
    for (let j = 0; j < S; j++) z += (alpha[a1 + j] as number) * (next[j] as number);
    if (z > 0) {
      for (let j = 0; j < S; j++) {
        const l = labelOf[j] as number;
        if (l < 0) continue;
        out[o + l] = (out[o + l] as number) + ((alpha[a1 + j] as number) * (next[j] as number)) / z;
      }
    }
    if (i === 0) break;
    for (let j = 0; j < S; j++) {
      const l = labelOf[j] as number;
      u[j] = l < 0 ? 0 : (next[j] as number) * (pot[o + l] as number);
    }
    for (let x = 0; x < ts.length; x++) sumTeam(ts[x] as Team, teamTp[x] as Float64Array, u, here);
    for (let x = 0; x < alone.length; x++) {
      const s = alone[x] as number;
      let acc = 0;
      for (let k = edgeStart[s] as number, end = edgeStart[s + 1] as number; k < end; k++) acc += (u[edgeTo[k] as number] as number) * (tp[k] as number);
      here[s] = acc;
    }
    let sum = 0;
    for (let s = 0; s < S; s++) sum += here[s] as number;
    if (sum > 0) for (let s = 0; s < S; s++) here[s] = (here[s] as number) / sum;
    const t = next;
    next = here;
    here = t;
  }
  return out;
}

/** One line's backward sums of a team's states (as `stepTeam`, lanes unrolled). */
function sumTeam(team: Team, tTp: Float64Array, u: Float64Array, here: Float64Array): void {
  const to = team.shared;
  const Q = to.length;
  let c0 = 0;
  let c1 = 0;
  let c2 = 0;
  let c3 = 0;
  let c4 = 0;
  let c5 = 0;
  for (let q = 0, o = 0; q < Q; q++, o += LANES) {
    const v = u[to[q] as number] as number;
    c0 += v * (tTp[o] as number);
    c1 += v * (tTp[o + 1] as number);
    c2 += v * (tTp[o + 2] as number);
    c3 += v * (tTp[o + 3] as number);
    c4 += v * (tTp[o + 4] as number);
    c5 += v * (tTp[o + 5] as number);
  }
  const m = team.members;
  here[m[0] as number] = c0;
  here[m[1] as number] = c1;
  here[m[2] as number] = c2;
  here[m[3] as number] = c3;
  const j4 = m[4] as number;
  if (j4 < 0) return;
  here[j4] = c4;
  const j5 = m[5] as number;
  if (j5 >= 0) here[j5] = c5;
}
