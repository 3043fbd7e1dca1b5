import PDFDocument from "pdfkit";
import { printableFont, type FontKey } from "./fonts";
import { placeholderPng } from "./image";
import type { Canvas } from "./model";

/**
 * Writes a page with pdfkit: CJK text in embedded, subset Noto CJK faces (CID fonts with
 * a ToUnicode map, so pdftotext and pdf.js read the characters back), one text object
 * per line, frames in the given order (the content-stream order extractors see).
 */
export type PdfMeta = { title: string; subject: string };

// A fixed date keeps the same page byte-for-byte the same.
const FIXED_DATE = new Date(Date.UTC(2026, 0, 1));

export function renderPdf(size: { width: number; height: number }, canvas: Canvas, frameOrder: readonly string[], meta: PdfMeta): Promise<Buffer> {
  const doc = new PDFDocument({
    size: [size.width, size.height],
    margin: 0,
    compress: true,
    autoFirstPage: true,
    info: { Title: meta.title, Subject: meta.subject, Producer: "Folio segmentation lab", Creator: "Folio segmentation lab", CreationDate: FIXED_DATE, ModDate: FIXED_DATE },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const registered = new Set<FontKey>();
  const selectFont = (key: FontKey, sizePt: number) => {
    if (!registered.has(key)) {
      // pdfkit takes a fontkit font object as it is (typed as a path or buffer).
      doc.registerFont(key, printableFont(key) as unknown as Buffer);
      registered.add(key);
    }
    doc.font(key).fontSize(sizePt);
  };
  const rank = new Map(frameOrder.map((f, i) => [f, i]));
  const order = (frame: string) => rank.get(frame) ?? frameOrder.length;
  const shapes = [...canvas.shapes].map((s, i) => ({ s, i })).sort((a, b) => order(a.s.frame) - order(b.s.frame) || a.i - b.i);
  const runs = [...canvas.runs].map((r, i) => ({ r, i })).sort((a, b) => order(a.r.frame) - order(b.r.frame) || a.i - b.i);
  // Shapes (rules, boxes, photos) go under the text: draw them first, in frame order too.
  for (const { s } of shapes) {
    if (s.kind === "rule") {
      doc.save().lineWidth(s.width).strokeColor(s.color).moveTo(s.x1, s.y1).lineTo(s.x2, s.y2).stroke().restore();
    } else if (s.kind === "box") {
      doc.save().lineWidth(s.lineWidth);
      if (s.fill && s.stroke) doc.rect(s.rect.x, s.rect.y, s.rect.w, s.rect.h).fillAndStroke(s.fill, s.stroke);
      else if (s.fill) doc.rect(s.rect.x, s.rect.y, s.rect.w, s.rect.h).fill(s.fill);
      else if (s.stroke) doc.rect(s.rect.x, s.rect.y, s.rect.w, s.rect.h).stroke(s.stroke);
      doc.restore();
    } else {
      const px = Math.max(16, Math.round(s.rect.w / 3));
      const py = Math.max(12, Math.round(s.rect.h / 3));
      doc.image(placeholderPng(s.seed, px, py), s.rect.x, s.rect.y, { width: s.rect.w, height: s.rect.h });
    }
  }
  for (const { r } of runs) {
    selectFont(r.font, r.size);
    doc.fillColor(r.color).text(r.text, r.x, r.baseline, { lineBreak: false, baseline: "alphabetic", characterSpacing: r.spacing });
  }
  doc.end();
  return done;
}
