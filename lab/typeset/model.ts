import { ASCENT, DESCENT, measure, type FontKey } from "./fonts";

/** A rectangle in PDF points, x and y from the top-left corner of the page. */
export type Rect = { x: number; y: number; w: number; h: number };

/** What a piece of printed text is; the truth and the Markdown-like extractor never see this. */
export type RunRole =
  | "kicker"
  | "title"
  | "subtitle"
  | "byline"
  | "lead"
  | "paragraph"
  | "heading"
  | "caption"
  | "jump"
  | "stamp"
  | "label"
  | "furniture";

/** One line of text as drawn: a single PDF text object. */
export type Run = {
  text: string;
  font: FontKey;
  size: number;
  x: number;
  baseline: number;
  /** Extra space after each character (PDF Tc), which justifies the line. */
  spacing: number;
  color: string;
  /** The truth article or furniture block this text belongs to. */
  owner: string;
  role: RunRole;
  /** The text frame it is drawn in (frames decide the content-stream order). */
  frame: string;
};

export type Shape =
  | { kind: "rule"; x1: number; y1: number; x2: number; y2: number; width: number; color: string; frame: string; owner: string }
  | { kind: "box"; rect: Rect; stroke: string | null; fill: string | null; lineWidth: number; frame: string; owner: string }
  | { kind: "image"; rect: Rect; seed: number; frame: string; owner: string };

/** Everything drawn on a page, in insertion order, before the frames are ordered. */
export class Canvas {
  readonly runs: Run[] = [];
  readonly shapes: Shape[] = [];

  text(run: Omit<Run, "spacing" | "color"> & { spacing?: number; color?: string }): Run {
    const r: Run = { spacing: 0, color: "#111111", ...run };
    this.runs.push(r);
    return r;
  }

  shape(s: Shape): void {
    this.shapes.push(s);
  }

  /** Appends everything drawn on another canvas (a part laid out on its own). */
  absorb(other: Canvas): void {
    this.runs.push(...other.runs);
    this.shapes.push(...other.shapes);
  }
}

/** The em box of a drawn line. */
export function runBox(r: Run): Rect {
  const chars = [...r.text].length;
  const w = measure(r.text, r.font, r.size) + Math.max(0, chars - 1) * r.spacing;
  return { x: r.x, y: r.baseline - ASCENT * r.size, w, h: (ASCENT + DESCENT) * r.size };
}

export function shapeBox(s: Shape): Rect {
  if (s.kind === "rule") {
    const x = Math.min(s.x1, s.x2);
    const y = Math.min(s.y1, s.y2);
    return { x, y, w: Math.abs(s.x2 - s.x1), h: Math.abs(s.y2 - s.y1) };
  }
  return s.rect;
}

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

export function contains(outer: Rect, inner: Rect, tolerance = 0.5): boolean {
  return (
    inner.x >= outer.x - tolerance &&
    inner.y >= outer.y - tolerance &&
    inner.x + inner.w <= outer.x + outer.w + tolerance &&
    inner.y + inner.h <= outer.y + outer.h + tolerance
  );
}

export const round2 = (n: number) => Math.round(n * 100) / 100;

export function roundRect(r: Rect): Rect {
  return { x: round2(r.x), y: round2(r.y), w: round2(r.w), h: round2(r.h) };
}
