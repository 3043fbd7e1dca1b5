import { describe, expect, it } from "vitest";
import { segmentPdf } from "@/lib/ingest/pdf";
import type { TextRun } from "@/lib/ingest/pdf/types";
import { articlesOf, fromSegmentation } from "./index";
import { withPrintedPhotos } from "./printed-photos";

const run = (text: string, x: number, baseline: number, size = 10): TextRun => ({ text, x, y: baseline - 8.8, w: [...text].length * size, h: size, baseline, size, bold: size > 12, font: size > 12 || size < 10 ? "Sans" : "Serif", vertical: false });

describe("withPrintedPhotos", () => {
  it("attaches the caption printed under a photo to the photo stored from the PDF, and nothing else", () => {
    const body = Array.from({ length: 12 }, (_, i) => run(i === 0 ? "　　正文正文正文正文正文正文正文正文" : "正文正文正文正文正文正文正文正文正文正", 40, 200 + i * 15));
    const seg = segmentPdf([
      {
        number: 1,
        width: 600,
        height: 800,
        runs: [run("新闻主题", 60, 80, 28), run("新修的道路已经通车。", 40, 186, 8.5), ...body],
        images: [{ x: 40, y: 100, w: 200, h: 75, ref: "img_1", pixelWidth: 200, pixelHeight: 75 }],
        rules: [],
        boxes: [],
      },
    ]);
    expect(seg.layout.images[0]).toMatchObject({ article: 0, caption: "新修的道路已经通车。" });
    seg.layout.images[0]!.mediaId = 42;
    const doc = withPrintedPhotos(fromSegmentation(seg), seg);
    const blocks = articlesOf(doc)[0]!.content;
    expect(blocks.filter((b) => b.attrs.mediaId === 42).map((b) => b.attrs.role)).toEqual(["caption"]);
    // Without a stored photo nothing is attached.
    seg.layout.images[0]!.mediaId = null;
    expect(articlesOf(withPrintedPhotos(fromSegmentation(seg), seg))[0]!.content.some((b) => b.attrs.mediaId)).toBe(false);
  });
});
