import type { PageContent, PageImage, Rect, TextRun } from "@/lib/ingest/pdf/types";
import { PDF_UPLOAD_BYTES } from "@/lib/limits";
import { loadPdfjs } from "./pdfjs";

/**
 * Reads a PDF's pages with pdf.js: the text with positions, sizes and fonts, where images
 * are placed, and the rules and boxes drawn. Refusals are PdfErrors with a stable code.
 */
export type PdfErrorCode = "encrypted" | "broken" | "too_many_pages" | "too_large" | "no_text" | "not_pdf" | "empty";

export class PdfError extends Error {
  constructor(
    readonly code: PdfErrorCode,
    message: string,
    /** The PDF's page count, when it was read that far. */
    readonly pages: number | null = null,
  ) {
    super(message);
    this.name = "PdfError";
  }
}

type Matrix = [number, number, number, number, number, number];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** The axis-aligned box of a rectangle (x0,y0)-(x1,y1) in user space under `m`. */
function boxUnder(m: Matrix, x0: number, y0: number, x1: number, y1: number): Rect {
  const pts = [apply(m, x0, y0), apply(m, x1, y0), apply(m, x0, y1), apply(m, x1, y1)];
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y };
}

const round = (n: number) => Math.round(n * 100) / 100;
const roundRect = <T extends Rect>(r: T): T => ({ ...r, x: round(r.x), y: round(r.y), w: round(r.w), h: round(r.h) });

/** Thinner than this (points) and a drawn shape is a rule, not a box. */
const RULE_THICKNESS = 2.5;

type PdfDocument = Awaited<ReturnType<Awaited<ReturnType<typeof loadPdfjs>>["getDocument"]>["promise"]>;
type PdfPage = Awaited<ReturnType<PdfDocument["getPage"]>>;

/** Opens a document, turning pdf.js's exceptions into PdfErrors. The caller destroys it. */
export async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  const pdfjs = await loadPdfjs();
  // pdf.js transfers (detaches) the buffer it is given: hand it a copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    isOffscreenCanvasSupported: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    return await task.promise;
  } catch (e) {
    const name = (e as { name?: string }).name;
    if (name === "PasswordException") throw new PdfError("encrypted", "the PDF is protected by a password");
    throw new PdfError("broken", `the PDF cannot be read (${e instanceof Error ? e.message : String(e)})`);
  }
}

async function fontNames(page: PdfPage, ids: Iterable<string>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const id of ids) {
    let name = "";
    try {
      // Font objects (and their names) are loaded by the operator list.
      name = String((page.commonObjs.get(id) as { name?: string }).name ?? "");
    } catch {
      name = "";
    }
    out.set(id, name.replace(/^[A-Z]{6}\+/, ""));
  }
  return out;
}

const BOLD = /bold|black|heavy|semibold|demi/i;

/** An image's decoded pixels as pdf.js gives them (kind 2: RGB, 3: RGBA; 1: one bit a pixel). */
export type ImagePixels = { width: number; height: number; kind: number; data: Uint8Array | Uint8ClampedArray };

/** The decoded pixels of an image of a page whose operator list was read; null when pdf.js has none. */
async function pixelsOf(page: PdfPage, ref: string): Promise<ImagePixels | null> {
  if (!ref) return null;
  try {
    const o = (await new Promise<unknown>((resolve) => page.objs.get(ref, resolve))) as Partial<ImagePixels> | null;
    if (!o || !o.data || !o.width || !o.height || !o.kind) return null;
    return { width: o.width, height: o.height, kind: o.kind, data: o.data };
  } catch {
    return null;
  }
}

/** One page: text runs, images, rules and boxes, in points from the top-left corner. */
export async function readPage(doc: PdfDocument, number: number, opts: { pixels?: Map<string, ImagePixels> } = {}): Promise<PageContent> {
  const pdfjs = await loadPdfjs();
  const page = await doc.getPage(number);
  const viewport = page.getViewport({ scale: 1 });
  const vt = viewport.transform as Matrix;
  const [content, ops] = await Promise.all([page.getTextContent(), page.getOperatorList()]);
  const OPS = pdfjs.OPS;

  const images: PageImage[] = [];
  const rules: Rect[] = [];
  const boxes: Rect[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = vt;
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? vt;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      const m = args[0] as Matrix | null;
      if (m) ctm = multiply(ctm, m);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? vt;
    else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject) {
      const r = boxUnder(ctm, 0, 0, 1, 1);
      const ref = fn === OPS.paintImageXObject ? String(args[0]) : "";
      const pw = Number(fn === OPS.paintImageXObject ? args[1] : (args[0] as { width?: number }).width) || 0;
      const ph = Number(fn === OPS.paintImageXObject ? args[2] : (args[0] as { height?: number }).height) || 0;
      if (r.w > 1 && r.h > 1) images.push(roundRect({ ...r, ref, pixelWidth: pw, pixelHeight: ph }));
    } else if (fn === OPS.constructPath) {
      const minMax = args[2] as ArrayLike<number> | null | undefined;
      if (!minMax || !Number.isFinite(minMax[0])) continue;
      const r = boxUnder(ctm, minMax[0] as number, minMax[1] as number, minMax[2] as number, minMax[3] as number);
      if (Math.max(r.w, r.h) < 4) continue;
      if (Math.min(r.w, r.h) < RULE_THICKNESS) rules.push(roundRect(r));
      else boxes.push(roundRect(r));
    }
  }

  const items = content.items.filter((it): it is Extract<(typeof content.items)[number], { str: string }> => "str" in it);
  const names = await fontNames(page, new Set(items.map((it) => it.fontName)));
  const runs: TextRun[] = [];
  for (const it of items) {
    // Whitespace items carry nothing printed (pdf.js also makes them up to fill gaps on a baseline).
    if (!it.str.trim()) continue;
    const t = multiply(vt, it.transform as Matrix);
    // Text space: x along the baseline, y up; in page space y runs down, so d is negative.
    const size = Math.hypot(t[2], t[3]);
    if (!(size > 0)) continue;
    const style = content.styles[it.fontName];
    const vertical = Boolean(style?.vertical) || Math.abs(t[1]) > 0.01 * size || Math.abs(t[2]) > 0.01 * size || it.dir === "ttb";
    // The em box (0.88 above the baseline, 0.12 below, as CJK faces draw it) rather than the
    // font's own ascent and descent, which make room for accents and overlap the next line.
    const [ascent, descent] = [0.88, 0.12];
    const [bx, by] = [t[4], t[5]];
    const font = names.get(it.fontName) ?? "";
    runs.push({
      text: it.str,
      x: round(bx),
      y: round(by - ascent * size),
      w: round(it.width),
      h: round((ascent + descent) * size),
      baseline: round(by),
      size: round(size),
      bold: BOLD.test(font),
      font,
      vertical,
    });
  }
  if (opts.pixels) {
    for (const im of images) {
      const px = await pixelsOf(page, im.ref);
      if (px) opts.pixels.set(`${number}:${im.ref}`, px);
    }
  }
  page.cleanup();
  return { number, width: round(viewport.width), height: round(viewport.height), runs, images, rules, boxes };
}

export const MAX_PDF_PAGES = 64;
export const MAX_PDF_BYTES = PDF_UPLOAD_BYTES;

/**
 * Reads every page (after the refusals: not a PDF, too large, too many pages, encrypted, broken).
 * With `pixels`, the decoded pixels of every placed image go there, keyed "page:ref".
 */
export async function readPdf(bytes: Uint8Array, opts: { maxPages?: number; maxBytes?: number; pixels?: Map<string, ImagePixels> } = {}): Promise<PageContent[]> {
  checkPdfBytes(bytes, opts.maxBytes ?? MAX_PDF_BYTES);
  const doc = await openPdf(bytes);
  try {
    const max = opts.maxPages ?? MAX_PDF_PAGES;
    if (doc.numPages > max) throw new PdfError("too_many_pages", `the PDF has ${doc.numPages} pages; at most ${max} are imported at once`, doc.numPages);
    const pages: PageContent[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      try {
        pages.push(await readPage(doc, n, { pixels: opts.pixels }));
      } catch (e) {
        if (e instanceof PdfError) throw e;
        throw new PdfError("broken", `page ${n} of the PDF cannot be read (${e instanceof Error ? e.message : String(e)})`);
      }
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** Refusals that need no parsing: empty, too large, not a PDF at all. */
export function checkPdfBytes(bytes: Uint8Array, maxBytes: number = MAX_PDF_BYTES): void {
  if (bytes.length === 0) throw new PdfError("empty", "the file is empty");
  if (bytes.length > maxBytes) throw new PdfError("too_large", `the PDF is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; at most ${maxBytes / 1024 / 1024} MB are accepted`);
  if (!isPdf(bytes)) throw new PdfError("not_pdf", "the file is not a PDF (it does not start with %PDF-)");
}

/** A PDF starts with "%PDF-" within its first 1024 bytes (some writers put junk before it). */
export function isPdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  return head.includes("%PDF-");
}
