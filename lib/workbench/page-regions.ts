import type { LayoutLine, Rect } from "@/lib/ingest/pdf/types";
import { columnRuns } from "@/lib/ingest/pdf/regions";
import type { RawTint, TintOwner } from "./status";

/**
 * Regions on the printed page for the workbench, from the same tints as the raw pane: each
 * printed line belongs to the block (and so the article, the tray or the bin) that owns the
 * text at its start. Rearranging blocks in the editor moves their lines, so the outlines on
 * the page always follow the working state.
 */
export type LineOwner = { blockId: string; owner: TintOwner };

/** The owner of each line (lines and tints both in text order), null where nothing owns it (the masthead). */
export function lineOwners(lines: readonly LayoutLine[], tints: readonly RawTint[]): (LineOwner | null)[] {
  const out: (LineOwner | null)[] = [];
  let t = 0;
  for (const l of lines) {
    while (t < tints.length && (tints[t] as RawTint).end <= l.start) t++;
    // The first owned run inside the line (a line split between a byline and a paragraph goes to the first).
    let k = t;
    while (k < tints.length && (tints[k] as RawTint).start < l.end && (tints[k] as RawTint).blockId === null) k++;
    const tint = k < tints.length && (tints[k] as RawTint).start < l.end ? (tints[k] as RawTint) : null;
    out.push(tint && tint.blockId ? { blockId: tint.blockId, owner: tint.owner } : null);
  }
  return out;
}

export type PageRegions = {
  /** Each article's rectangles (a column run of its lines each), by its index in the document. */
  articles: Map<number, { articleId: string; rects: Rect[] }>;
  /** Each block's rectangles, by block id. */
  blocks: Map<string, Rect[]>;
  /** Lines in the tray or the bin. */
  tray: Rect[];
  bin: Rect[];
};

export function pageRegions(lines: readonly LayoutLine[], owners: readonly (LineOwner | null)[]): PageRegions {
  const byArticle = new Map<number, { articleId: string; lines: LayoutLine[] }>();
  const byBlock = new Map<string, LayoutLine[]>();
  const tray: LayoutLine[] = [];
  const bin: LayoutLine[] = [];
  lines.forEach((l, i) => {
    const o = owners[i];
    if (!o) return;
    const list = byBlock.get(o.blockId) ?? [];
    list.push(l);
    byBlock.set(o.blockId, list);
    if (o.owner.kind === "article") {
      const a = byArticle.get(o.owner.index) ?? { articleId: o.owner.articleId, lines: [] };
      a.lines.push(l);
      byArticle.set(o.owner.index, a);
    } else if (o.owner.kind === "tray") tray.push(l);
    else if (o.owner.kind === "bin") bin.push(l);
  });
  const rects = (ls: readonly LayoutLine[]): Rect[] => columnRuns(ls).map(({ x, y, w, h }) => ({ x, y, w, h }));
  return {
    articles: new Map([...byArticle].map(([k, v]) => [k, { articleId: v.articleId, rects: rects(v.lines) }])),
    blocks: new Map([...byBlock].map(([k, v]) => [k, rects(v)])),
    tray: rects(tray),
    bin: rects(bin),
  };
}

/** The line under a point of the page (in points), else the nearest within `slack` points; -1 when none. */
export function lineAt(lines: readonly LayoutLine[], x: number, y: number, slack = 3): number {
  let best = -1;
  let bestD = Infinity;
  lines.forEach((l, i) => {
    const d = Math.hypot(Math.max(l.x - x, 0, x - (l.x + l.w)), Math.max(l.y - y, 0, y - (l.y + l.h)));
    if (d < bestD) [best, bestD] = [i, d];
  });
  return bestD <= slack ? best : -1;
}
