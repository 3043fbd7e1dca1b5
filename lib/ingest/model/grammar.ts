/**
 * The labels the engine gives each line it reads, and the grammar of a page that any
 * sequence of labels must follow, so that whatever the weights say, the decoded page is
 * well formed: every article has body text, every headline stack belongs to one article,
 * a continuation line continues a block of its own kind.
 *
 * A label is a role and how the line relates to what came before:
 *
 *   M  masthead area            F  furniture (running head, stamp, ad, notice…), set aside
 *   K  kicker (引题)  T  title (主题)  S  subtitle (副题)      — a headline stack
 *   Y  byline  P  paragraph  H  subhead  X  caption  J  jump line (下转/上接)
 *
 *   "R!"  the line opens a new article (its stack, or its body when the headline comes
 *         later or never: a continuation, a story whose headline is printed below it)
 *   "R"   the line opens a block of role R in the current article
 *   "R+"  the line continues the block above it (a wrapped line)
 *
 * M and F lines are transparent: the lines around them continue as if they were absent
 * (a running head between two lines of a paragraph does not end the paragraph).
 *
 * The grammar is a table of data (`RULES`) and one deciding function (`next`): a state
 * remembers the role of the last content line, whether the current article already has
 * its headline stack (h) and whether it has anything under it yet (b).
 */
export const ROLES = ["M", "F", "K", "T", "S", "Y", "P", "H", "X", "J"] as const;
export type Role = (typeof ROLES)[number];

export const LABELS = [
  "M", "F",
  "K!", "K", "K+", "T!", "T", "T+", "S!", "S", "S+",
  "Y!", "Y", "Y+", "P!", "P", "P+", "H", "H+", "X", "X+", "J!", "J",
] as const;
export type Label = (typeof LABELS)[number];

export const LABEL_INDEX: Record<Label, number> = Object.fromEntries(LABELS.map((l, i) => [l, i])) as Record<Label, number>;

export const roleOf = (l: Label): Role => l[0] as Role;
export const opensArticle = (l: Label): boolean => l.endsWith("!");
export const continuesBlock = (l: Label): boolean => l.endsWith("+");
export const isStackRole = (r: Role | null): boolean => r === "K" || r === "T" || r === "S";
export const isTransparent = (l: Label): boolean => l === "M" || l === "F";

/** What a state remembers. `last` is the role of the last content line (null before any article). */
export type GrammarState = { label: Label | null; last: Role | null; h: boolean; b: boolean };

/**
 * The one deciding function: the state after a line labelled `l`, or null when the
 * grammar does not allow that label here.
 */
export function next(s: GrammarState, l: Label): GrammarState | null {
  const role = roleOf(l);
  const inArticle = s.last !== null;
  if (isTransparent(l)) return { label: l, last: s.last, h: s.h, b: s.b };
  if (opensArticle(l)) {
    // A new article may start only once the current one has something under its headline.
    if (inArticle && !s.b) return null;
    const stack = isStackRole(role);
    return { label: l, last: role, h: stack, b: !stack };
  }
  if (continuesBlock(l)) return s.last === role ? { label: l, last: role, h: s.h, b: s.b } : null;
  if (!inArticle) return null;
  if (isStackRole(role)) {
    if (isStackRole(s.last)) {
      // A new field of the same stack (kicker, title, subtitle in any printed order), not a second one.
      return s.last === role ? null : { label: l, last: role, h: true, b: s.b };
    }
    // A stack printed after its article's body: only an article without one takes it.
    return s.h ? null : { label: l, last: role, h: true, b: true };
  }
  return { label: l, last: role, h: s.h, b: true };
}

/** The state before the first line. */
export const START: GrammarState = { label: null, last: null, h: true, b: true };

/** A page may end in any state but inside a stack that opened an article with nothing under it. */
export const mayEnd = (s: GrammarState): boolean => s.last === null || s.b;

/**
 * The grammar compiled for decoding: every reachable state numbered, and for each state
 * and label the state it leads to (-1 when not allowed).
 */
export type CompiledGrammar = {
  states: GrammarState[];
  /** states.length × LABELS.length, -1 where the label is not allowed. */
  step: Int16Array;
  start: number;
  final: Uint8Array;
  /** For each state, the label of the line that led to it (-1 for the start). */
  labelOf: Int16Array;
  /** The allowed steps as lists: state s's are edges edgeStart[s] … edgeStart[s + 1] - 1. */
  edgeStart: Int32Array;
  edgeLabel: Int16Array;
  edgeTo: Int16Array;
};

const keyOf = (s: GrammarState) => `${s.label ?? "^"}|${s.last ?? "-"}|${s.h ? 1 : 0}|${s.b ? 1 : 0}`;

let compiled: CompiledGrammar | null = null;

export function grammar(): CompiledGrammar {
  if (compiled) return compiled;
  const states: GrammarState[] = [START];
  const ids = new Map<string, number>([[keyOf(START), 0]]);
  const edges: [number, number, number][] = [];
  for (let i = 0; i < states.length; i++) {
    LABELS.forEach((l, li) => {
      const n = next(states[i] as GrammarState, l);
      if (!n) return;
      const k = keyOf(n);
      let j = ids.get(k);
      if (j === undefined) {
        j = states.length;
        ids.set(k, j);
        states.push(n);
      }
      edges.push([i, li, j]);
    });
  }
  const step = new Int16Array(states.length * LABELS.length).fill(-1);
  for (const [i, li, j] of edges) step[i * LABELS.length + li] = j;
  const final = new Uint8Array(states.length);
  states.forEach((s, i) => (final[i] = mayEnd(s) ? 1 : 0));
  const labelOf = new Int16Array(states.map((s) => (s.label === null ? -1 : LABEL_INDEX[s.label])));
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const edgeStart = new Int32Array(states.length + 1);
  for (const [i] of edges) edgeStart[i + 1] = (edgeStart[i + 1] as number) + 1;
  for (let i = 0; i < states.length; i++) edgeStart[i + 1] = (edgeStart[i + 1] as number) + (edgeStart[i] as number);
  const edgeLabel = new Int16Array(edges.map((e) => e[1]));
  const edgeTo = new Int16Array(edges.map((e) => e[2]));
  compiled = { states, step, start: 0, final, labelOf, edgeStart, edgeLabel, edgeTo };
  return compiled;
}
