import { parseJumpLine } from "../jump";
import type { ReadLine } from "../reading";
import type { BlockRole, Span } from "../types";
import { L, viterbi } from "./decode";
import { LABEL_INDEX, LABELS, roleOf, type Label, type Role } from "./grammar";

/**
 * The right labels of a page's lines, from a known segmentation: the lab's truth, or a
 * segmentation an editor corrected and accepted. Each line has an owner (an article, or
 * none), the block of it most of its characters are in, and whether that block starts on
 * this line; from those, the first line of each article opens it, a line in the same
 * block as the line before continues it. The result is made well formed by decoding
 * under the grammar, keeping as many labels (then roles) as it allows.
 */
export type LineOwner = {
  role: Role;
  /** Article index, or -1 (masthead, furniture, set aside). */
  owner: number;
  /** Identifies the block within the page (same string = same block). */
  block: string;
  /** The block's first character is on this line. */
  start: boolean;
};

export function labelsFromOwners(lines: readonly ReadLine[], owners: readonly LineOwner[]): Label[] {
  const labels: Label[] = [];
  const seen = new Set<number>();
  let prevBlock = "";
  owners.forEach((r, i) => {
    if (r.role === "F" || r.role === "M") {
      labels.push(r.role);
      return;
    }
    if (r.role === "J" && r.owner < 0) {
      // An unowned jump line: 上接 opens the article printed under it, 下转 ends the one above.
      const from = parseJumpLine((lines[i] as ReadLine).text)?.from;
      const nextOwner = owners.slice(i + 1).find((x) => x.owner >= 0)?.owner;
      if (from && nextOwner !== undefined && !seen.has(nextOwner)) {
        seen.add(nextOwner);
        labels.push("J!");
      } else labels.push("J");
      prevBlock = "";
      return;
    }
    const cont = !r.start && r.block === prevBlock;
    prevBlock = r.block;
    if (cont) {
      labels.push(`${r.role}+` as Label);
      return;
    }
    const opensHere = !seen.has(r.owner) && r.role !== "H" && r.role !== "X";
    if (opensHere) seen.add(r.owner);
    labels.push(opensHere ? (`${r.role}!` as Label) : (r.role as Label));
  });
  return wellFormed(labels);
}

/** The well-formed label sequence closest to `labels` (most labels kept, then most roles). */
export function wellFormed(labels: readonly Label[]): Label[] {
  const n = labels.length;
  const emit = new Float64Array(n * L);
  labels.forEach((g, i) => {
    for (let l = 0; l < L; l++) {
      const cand = LABELS[l] as Label;
      emit[i * L + l] = cand === g ? 1 : roleOf(cand) === roleOf(g) ? 0.5 : 0;
    }
  });
  const path = viterbi(n, emit, new Float64Array((L + 1) * L));
  return Array.from(path, (l) => LABELS[l] as Label);
}

export const changedLabels = (a: readonly Label[], b: readonly Label[]): number => a.reduce((n, l, i) => n + (LABEL_INDEX[l] === LABEL_INDEX[b[i] as Label] ? 0 : 1), 0);

/** A segmentation as an editor accepted it: articles of role-tagged blocks, and the masthead. */
export type CorrectedPage = {
  articles: { blocks: { role: BlockRole; spans: readonly Span[] }[] }[];
  mastheadSpans: readonly Span[];
};

const BLOCK_ROLE: Record<BlockRole, Role> = {
  kicker: "K",
  rubric: "K",
  title: "T",
  subtitle: "S",
  byline: "Y",
  lead: "P",
  paragraph: "P",
  heading: "H",
  caption: "X",
  jump: "J",
};

/** The labels an accepted segmentation gives the lines of its text (anything not in an article: furniture). */
export function labelsFromCorrection(textLength: number, lines: readonly ReadLine[], page: CorrectedPage): Label[] {
  // Which block each character is in: 0 none, -1 masthead, else 1 + a block number.
  const at = new Int32Array(textLength);
  const blocks: { owner: number; role: Role; first: number }[] = [];
  for (const s of page.mastheadSpans) at.fill(-1, Math.max(0, s.start), Math.min(textLength, s.end));
  page.articles.forEach((a, ai) =>
    a.blocks.forEach((b) => {
      let first = Infinity;
      for (const s of b.spans) {
        at.fill(blocks.length + 1, Math.max(0, s.start), Math.min(textLength, s.end));
        first = Math.min(first, s.start);
      }
      blocks.push({ owner: ai, role: BLOCK_ROLE[b.role], first });
    }),
  );
  const owners: LineOwner[] = lines.map((l) => {
    const count = new Map<number, number>();
    let opening = -1;
    let firstBlock = 0;
    for (const s of l.spans) {
      for (let k = s.start; k < s.end && k < textLength; k++) {
        const v = at[k] as number;
        if (v === 0) continue;
        if (firstBlock === 0) firstBlock = v;
        count.set(v, (count.get(v) ?? 0) + 1);
        if (v > 0 && (blocks[v - 1] as (typeof blocks)[number]).first === k && (blocks[v - 1] as (typeof blocks)[number]).role === "P") opening = v;
      }
    }
    if (count.size === 0) return { role: "F", owner: -1, block: "", start: true };
    // A line that starts inside a paragraph continues it (whatever follows on the line).
    const fb = firstBlock > 0 ? (blocks[firstBlock - 1] as (typeof blocks)[number]) : null;
    const continuing = fb && fb.role === "P" && fb.first < ((l.spans[0] as Span).start ?? 0) ? firstBlock : -1;
    let best = opening >= 0 ? opening : continuing;
    if (best < 0) {
      let n = 0;
      for (const [v, c] of count) {
        if (c > n) {
          best = v;
          n = c;
        }
      }
    }
    if (best === -1) return { role: "M", owner: -1, block: "", start: true };
    const b = blocks[best - 1] as (typeof blocks)[number];
    const lineStart = l.spans[0]?.start ?? 0;
    const lineEnd = l.spans[l.spans.length - 1]?.end ?? 0;
    const startsHere = l.spans.some((s) => b.first >= s.start && b.first < s.end) || (b.first >= lineStart && b.first < lineEnd && l.spans.length === 1);
    return { role: b.role, owner: b.owner, block: String(best), start: startsHere };
  });
  return labelsFromOwners(lines, owners);
}
