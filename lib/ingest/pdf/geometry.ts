import type { Rect } from "./types";

/** Small geometry helpers over rectangles in points (y downwards). */

export const right = (r: Rect) => r.x + r.w;
export const bottom = (r: Rect) => r.y + r.h;
export const centerX = (r: Rect) => r.x + r.w / 2;

export function union(rects: readonly Rect[]): Rect | null {
  if (rects.length === 0) return null;
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const r of rects) {
    x1 = Math.min(x1, r.x);
    y1 = Math.min(y1, r.y);
    x2 = Math.max(x2, r.x + r.w);
    y2 = Math.max(y2, r.y + r.h);
  }
  return { x: x1, y: y1, w: x2 - x1, h: y2 - y1 };
}

/** Length of the overlap of [a0, a1] and [b0, b1] (0 when apart). */
export function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

export function intersection(a: Rect, b: Rect): number {
  return overlap(a.x, right(a), b.x, right(b)) * overlap(a.y, bottom(a), b.y, bottom(b));
}

export function iou(a: Rect, b: Rect): number {
  const i = intersection(a, b);
  const u = a.w * a.h + b.w * b.h - i;
  return u > 0 ? i / u : 0;
}

/** Whether `inner` lies inside `outer`, give or take `tolerance` points. */
export function contains(outer: Rect, inner: Rect, tolerance = 1): boolean {
  return inner.x >= outer.x - tolerance && inner.y >= outer.y - tolerance && right(inner) <= right(outer) + tolerance && bottom(inner) <= bottom(outer) + tolerance;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}
