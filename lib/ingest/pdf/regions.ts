import type { Article, Span } from "../types";

import { intersection, union } from "./geometry";
import type { PageRect, PdfLayout, Rect } from "./types";

/**
 * Regions on the page from spans in the text: the boxes of the lines a block, an article
 * or any rearrangement of them covers. Everything the workbench and the reader draw on a
 * page image comes from here, so a region follows the editor's corrections.
 */
const round = (n: number) => Math.round(n * 100) / 100;
const roundRect = (r: PageRect): PageRect => ({ page: r.page, x: round(r.x), y: round(r.y), w: round(r.w), h: round(r.h) });

/** The boxes of the printed lines the spans touch, in text order. */
export function lineBoxes(layout: Pick<PdfLayout, "lines">, spans: readonly Span[]): PageRect[] {
  const out: PageRect[] = [];
  const lines = layout.lines;
  for (const s of spans) {
    // Lines are in text order: binary search the first line that ends after the span starts.
    let lo = 0;
    let hi = lines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((lines[mid] as PageRect & Span).end <= s.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < lines.length && (lines[i] as Span).start < s.end; i++) {
      const l = lines[i] as PageRect & Span;
      if (!out.includes(l)) out.push(l);
    }
  }
  return out;
}

/** Consecutive line boxes of one column (under each other, overlapping across) as one box each. */
export function columnRuns(rects: readonly PageRect[]): PageRect[] {
  const out: PageRect[] = [];
  for (const r of rects) {
    const last = out[out.length - 1];
    const overlapX = last ? Math.min(last.x + last.w, r.x + r.w) - Math.max(last.x, r.x) : 0;
    const gap = last ? r.y - (last.y + last.h) : Infinity;
    if (last && last.page === r.page && overlapX > 0.5 * Math.min(last.w, r.w) && gap > -r.h && gap < r.h * 1.5) {
      out[out.length - 1] = { page: r.page, ...(union([last, r]) as Rect) };
    } else out.push({ page: r.page, x: r.x, y: r.y, w: r.w, h: r.h });
  }
  return out.map(roundRect);
}

/** One bounding box per page. */
export function boundingBoxes(rects: readonly PageRect[]): PageRect[] {
  const pages = [...new Set(rects.map((r) => r.page))];
  return pages.map((page) => roundRect({ page, ...(union(rects.filter((r) => r.page === page)) as Rect) }));
}

/**
 * A region as few rectangles as it takes: one bounding box per page when it does not reach
 * over lines of another region (`others`), else a box per column-run of lines, merged where
 * the merged box stays clear of the others. L-shaped and jumped stories keep clickable
 * regions that do not swallow their neighbours.
 */
export function regionRects(rects: readonly PageRect[], others: readonly PageRect[]): PageRect[] {
  const out: PageRect[] = [];
  for (const page of [...new Set(rects.map((r) => r.page))]) {
    const mine = rects.filter((r) => r.page === page);
    const theirs = others.filter((r) => r.page === page);
    const clear = (r: Rect) => theirs.every((o) => intersection(r, o) < 0.25 * o.w * o.h);
    let boxes: Rect[] = [];
    const whole = union(mine) as Rect;
    if (clear(whole)) boxes = [whole];
    else {
      for (const r of columnRuns(mine)) {
        const last = boxes[boxes.length - 1];
        const merged = last ? (union([last, r]) as Rect) : null;
        if (merged && clear(merged)) boxes[boxes.length - 1] = merged;
        else boxes.push({ x: r.x, y: r.y, w: r.w, h: r.h });
      }
    }
    for (const b of boxes) out.push(roundRect({ page, ...b }));
  }
  return out;
}

/** An article's printed lines and its photos. */
export function articleRects(layout: PdfLayout, article: Pick<Article, "blocks">, index: number): PageRect[] {
  const lines = lineBoxes(
    layout,
    article.blocks.flatMap((b) => b.spans),
  );
  const photos = layout.images.filter((im) => im.article === index).map((im) => ({ page: im.page, x: im.x, y: im.y, w: im.w, h: im.h }));
  return [...lines, ...photos];
}
