import type { LayoutBlock } from "./blocks";
import { bottom, centerX, right, union } from "./geometry";
import { parseJumpLine, parseLeadingJump } from "../jump";
import type { CutTree } from "./order";
import type { Rect } from "./types";

/**
 * Blocks → groups by geometry: a headline stack opens a story and takes the blocks its
 * region holds under it; a headless region beside or under a story continues it, unless a
 * drawn rule or a frame's edge separates them or it opens with 上接 (a continued part).
 * Which story takes a headless column between two is decided by how each headline would
 * sit over its columns: printed headlines are centred over their module or flush with its
 * left edge.
 */
export type Group = {
  stack: LayoutBlock | null;
  /** Every other block, in reading order (the stack is not among them). */
  blocks: LayoutBlock[];
  /** Inside a drawn frame (a boxed story, an ad): the frame's rectangle; the same object for one frame. */
  frame: Rect | null;
};

type Entry = { g: Group; ruledBefore: boolean };

function opensWithJumpFrom(g: Group): boolean {
  const first = g.blocks.find((b) => b.lines.length > 0)?.lines[0]?.text ?? "";
  return Boolean(parseJumpLine(first)?.from || parseLeadingJump(first)?.jump.from);
}

/** Whether headless `g` may continue `prev` (no rule or frame edge between, not a continued part). */
function mayContinue(prev: Group, g: Group, ruledBefore: boolean): boolean {
  return g.stack === null && !ruledBefore && prev.frame === g.frame && !opensWithJumpFrom(g);
}

/** How far a stack sits from the centre or the left edge of the body under it (smaller is better). */
function misfit(stack: LayoutBlock, blocks: readonly LayoutBlock[]): number {
  const body = union(blocks);
  if (!body) return Infinity;
  return Math.min(Math.abs(centerX(stack) - centerX(body)), Math.abs(stack.x - body.x), Math.abs(right(stack) - right(body)) + stack.w * 0.2);
}

function flatten(t: CutTree, frame: Rect | null): Group[] {
  if (t.kind === "block") return [t.block.kind === "stack" ? { stack: t.block, blocks: [], frame } : { stack: null, blocks: [t.block], frame }];
  if (t.kind === "frame") return flatten(t.inner, t.rect);
  const entries: Entry[] = [];
  t.children.forEach((c, i) => flatten(c, frame).forEach((g, j) => entries.push({ g, ruledBefore: j === 0 && t.ruled[i] === true })));
  return t.dir === "across" ? stacked(entries) : sideBySide(entries);
}

/** Top to bottom: a headless group continues the group above it. */
function stacked(entries: readonly Entry[]): Group[] {
  const out: Group[] = [];
  for (const e of entries) {
    const prev = out[out.length - 1];
    if (prev && mayContinue(prev, e.g, e.ruledBefore)) prev.blocks.push(...e.g.blocks);
    else out.push(e.g);
  }
  return out;
}

/** Left to right: a headless group joins the story on its left, or the one on its right whose headline is above it. */
function sideBySide(entries: readonly Entry[]): Group[] {
  const owner: (number | null)[] = entries.map(() => null);
  entries.forEach((e, i) => {
    if (e.g.stack !== null || opensWithJumpFrom(e.g)) return;
    const top = Math.min(...e.g.blocks.map((b) => b.y));
    let left: number | null = null;
    for (let k = i - 1; k >= 0; k--) {
      const x = entries[k] as Entry;
      if (!mayContinue(x.g, { ...e.g, stack: null }, (entries[k + 1] as Entry).ruledBefore)) break;
      if (x.g.stack) {
        left = k;
        break;
      }
    }
    let rightOwner: number | null = null;
    for (let k = i + 1; k < entries.length; k++) {
      const x = entries[k] as Entry;
      if (x.ruledBefore || x.g.frame !== e.g.frame) break;
      if (x.g.stack) {
        if (bottom(x.g.stack) <= top + 2) rightOwner = k;
        break;
      }
    }
    if (left === null || rightOwner === null) {
      owner[i] = left ?? rightOwner;
      return;
    }
    const headless = (from: number, to: number) => entries.slice(from, to + 1).flatMap((x) => (x.g.stack ? [] : x.g.blocks));
    const L = (entries[left] as Entry).g;
    const R = (entries[rightOwner] as Entry).g;
    const withLeft = misfit(L.stack as LayoutBlock, [...L.blocks, ...headless(left + 1, i)]);
    const withRight = misfit(R.stack as LayoutBlock, [...R.blocks, ...headless(i, rightOwner - 1)]);
    owner[i] = withRight + 1 < withLeft ? rightOwner : left;
  });
  // Columns left of their headline come first in reading order.
  const before = new Map<number, LayoutBlock[]>();
  entries.forEach((e, i) => {
    const own = owner[i];
    if (own === null || own === undefined) return;
    const target = (entries[own] as Entry).g;
    if (own < i) target.blocks.push(...e.g.blocks);
    else before.set(own, [...(before.get(own) ?? []), ...e.g.blocks]);
  });
  for (const [own, blocks] of before) (entries[own] as Entry).g.blocks.unshift(...blocks);
  const out: Group[] = [];
  entries.forEach((e, i) => {
    if (owner[i] !== null) return;
    const prev = out[out.length - 1];
    // A headless group nobody owns continues the headless group before it, or stands alone.
    if (prev && prev.stack === null && e.g.stack === null && mayContinue(prev, e.g, e.ruledBefore)) prev.blocks.push(...e.g.blocks);
    else out.push(e.g);
  });
  return out;
}

/** The page's groups in reading order. */
export function groupsOf(t: CutTree | null): Group[] {
  return t ? flatten(t, null) : [];
}
