import type { LayoutBlock } from "./blocks";
import { bottom, contains, overlap, right, union } from "./geometry";
import type { Rect } from "./types";

/**
 * Reading order by recursive cuts (the X-Y cut of document analysis): a region is cut
 * where a band of white space (or a drawn rule) crosses it from side to side, across
 * first when the widest gap runs across, down when it runs down; top to bottom, then
 * left to right. A drawn frame (a boxed story, an ad) is one piece of its region and is
 * cut on its own inside. A headline across several columns keeps its columns together
 * under it, so the tree's regions are the page's modules.
 */
export type CutTree =
  | { kind: "block"; rect: Rect; block: LayoutBlock }
  | { kind: "frame"; rect: Rect; inner: CutTree }
  | { kind: "cut"; rect: Rect; dir: "across" | "down"; children: CutTree[]; ruled: boolean[] };

type Piece = { rect: Rect; block: LayoutBlock | null; frame: { rect: Rect; pieces: Piece[] } | null };

type Gap = { at: number; from: number; to: number; size: number; ruled: boolean };

/** White gaps along one axis of a set of pieces, and whether a rule runs inside each. */
function gapsOf(pieces: readonly Piece[], dir: "across" | "down", rules: readonly Rect[], extent: Rect): Gap[] {
  const lo = (r: Rect) => (dir === "across" ? r.y : r.x);
  const hi = (r: Rect) => (dir === "across" ? bottom(r) : right(r));
  const spans = pieces.map((p) => [lo(p.rect), hi(p.rect)] as const).sort((a, b) => a[0] - b[0]);
  const gaps: Gap[] = [];
  let end = spans[0]?.[1] ?? 0;
  for (let i = 1; i < spans.length; i++) {
    const [s, e] = spans[i] as readonly [number, number];
    if (s > end + 0.05) {
      const ruled = rules.some((r) => {
        const thin = dir === "across" ? r.h < 3 && r.w > 3 : r.w < 3 && r.h > 3;
        if (!thin) return false;
        const pos = dir === "across" ? r.y + r.h / 2 : r.x + r.w / 2;
        // A comma hanging past the measure may reach over the rule: a few points of tolerance.
        if (pos < end - 4 || pos > s + 4) return false;
        const along = dir === "across" ? overlap(r.x, right(r), extent.x, right(extent)) / extent.w : overlap(r.y, bottom(r), extent.y, bottom(extent)) / extent.h;
        return along >= 0.5;
      });
      gaps.push({ at: (end + s) / 2, from: end, to: s, size: s - end, ruled });
    }
    end = Math.max(end, e);
  }
  return gaps;
}

function split(pieces: readonly Piece[], dir: "across" | "down", cuts: readonly Gap[]): Piece[][] {
  const pos = (p: Piece) => (dir === "across" ? p.rect.y + p.rect.h / 2 : p.rect.x + p.rect.w / 2);
  const parts: Piece[][] = Array.from({ length: cuts.length + 1 }, () => []);
  for (const p of pieces) {
    let i = 0;
    while (i < cuts.length && pos(p) > (cuts[i] as Gap).at) i++;
    (parts[i] as Piece[]).push(p);
  }
  return parts.filter((x) => x.length > 0);
}

function tree(pieces: Piece[], rules: readonly Rect[]): CutTree {
  const rect = union(pieces.map((p) => p.rect)) as Rect;
  if (pieces.length === 1) {
    const p = pieces[0] as Piece;
    if (p.frame) return { kind: "frame", rect: p.rect, inner: tree(p.frame.pieces, rules) };
    return { kind: "block", rect: p.rect, block: p.block as LayoutBlock };
  }
  const across = gapsOf(pieces, "across", rules, rect);
  const down = gapsOf(pieces, "down", rules, rect);
  const score = (g: Gap) => g.size + (g.ruled ? 1000 : 0);
  const best = (gs: Gap[]) => gs.reduce((m, g) => Math.max(m, score(g)), 0);
  const bestAcross = best(across);
  const bestDown = best(down);
  if (bestAcross === 0 && bestDown === 0) {
    // Nothing cuts cleanly (overlapping pieces): read them top to bottom, left to right.
    const sorted = [...pieces].sort((a, b) => a.rect.y - b.rect.y || a.rect.x - b.rect.x);
    return { kind: "cut", rect, dir: "across", children: sorted.map((p) => tree([p], rules)), ruled: sorted.map(() => false) };
  }
  const dir = bestDown > bestAcross ? "down" : "across";
  const gaps = dir === "down" ? down : across;
  const top = Math.max(bestAcross, bestDown);
  // At the rules when the best gap is ruled; else at every gap nearly as wide as the best.
  const cuts = top >= 1000 ? gaps.filter((g) => g.ruled) : gaps.filter((g) => g.size >= top * 0.5);
  const parts = split(pieces, dir, cuts);
  const children = parts.map((part) => tree(part, rules));
  const ruled = parts.map((part, i) => {
    if (i === 0) return false;
    const start = Math.min(...part.map((p) => (dir === "across" ? p.rect.y : p.rect.x)));
    return cuts.some((g) => g.ruled && Math.abs(g.to - start) < 0.5);
  });
  return { kind: "cut", rect, dir, children, ruled };
}

/** Nests the pieces inside each frame (innermost frames first). */
function framed(blocks: readonly LayoutBlock[], frames: readonly Rect[]): Piece[] {
  let pieces: Piece[] = blocks.map((b) => ({ rect: b, block: b, frame: null }));
  const sorted = [...frames].sort((a, b) => a.w * a.h - b.w * b.h);
  for (const f of sorted) {
    const inside = pieces.filter((p) => contains(f, p.rect, 1.5));
    if (inside.length === 0) continue;
    // A frame that cuts through a piece is decoration, not a container.
    if (pieces.some((p) => !inside.includes(p) && overlap(p.rect.x, right(p.rect), f.x, right(f)) > 1 && overlap(p.rect.y, bottom(p.rect), f.y, bottom(f)) > 1)) continue;
    pieces = [...pieces.filter((p) => !inside.includes(p)), { rect: f, block: null, frame: { rect: f, pieces: inside } }];
  }
  return pieces;
}

export function cutTree(blocks: readonly LayoutBlock[], frames: readonly Rect[], rules: readonly Rect[]): CutTree | null {
  if (blocks.length === 0) return null;
  return tree(framed(blocks, frames), rules);
}

/** The blocks in reading order. */
export function readingOrder(t: CutTree | null): LayoutBlock[] {
  if (!t) return [];
  if (t.kind === "block") return [t.block];
  if (t.kind === "frame") return readingOrder(t.inner);
  return t.children.flatMap(readingOrder);
}
