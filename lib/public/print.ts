import { lineBoxes, regionRects } from "@/lib/ingest/pdf/regions";
import type { LayoutLine, PageRect } from "@/lib/ingest/pdf/types";
import type { Span } from "@/lib/ingest/types";

/**
 * The printed page's regions for readers: each published story's lines (from the spans its
 * text was accepted from) as a few rectangles that stay clear of the other stories, in
 * percent of the page, so that plain positioned links over the page image need no script.
 */
/** One stored image of a printed page (its checksum names its file). */
export type PrintImage = { variant: "large" | "medium" | "thumb"; width: number; height: number; sha256: string };

/** What the reader's printed-page view shows: the page's size in points, its images, the stories' regions. */
export type PrintView = { width: number; height: number; images: PrintImage[]; regions: PrintRegion[] };

export type PrintRegion = { id: number; rects: { left: number; top: number; width: number; height: number }[]; box: { left: number; top: number; width: number; height: number } };

const pct = (v: number, of: number) => Math.round((v / of) * 100_000) / 1000;

export function printRegions(lines: readonly LayoutLine[], stories: readonly { id: number; spans: readonly Span[] }[], size: { width: number; height: number }): PrintRegion[] {
  const layout = { lines: [...lines] };
  const mine = stories.map((s) => lineBoxes(layout, s.spans));
  return stories.flatMap((s, i): PrintRegion[] => {
    const own = mine[i] as PageRect[];
    if (own.length === 0) return [];
    const rects = regionRects(
      own,
      mine.filter((_, k) => k !== i).flat(),
    );
    const x0 = Math.min(...rects.map((r) => r.x));
    const y0 = Math.min(...rects.map((r) => r.y));
    const x1 = Math.max(...rects.map((r) => r.x + r.w));
    const y1 = Math.max(...rects.map((r) => r.y + r.h));
    // Rectangles relative to the story's bounding box (its links sit in a box of their own).
    return [
      {
        id: s.id,
        box: { left: pct(x0, size.width), top: pct(y0, size.height), width: pct(x1 - x0, size.width), height: pct(y1 - y0, size.height) },
        rects: rects.map((r) => ({ left: pct(r.x - x0, x1 - x0), top: pct(r.y - y0, y1 - y0), width: pct(r.w, x1 - x0), height: pct(r.h, y1 - y0) })),
      },
    ];
  });
}
