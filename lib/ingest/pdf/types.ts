/**
 * What the geometry layer reads: the content of PDF pages as positioned text runs, images
 * and drawn rules and boxes, in PDF points from each page's top-left corner, y downwards
 * (PDF's own y runs upwards). Produced by lib/pdf/read.ts (pdf.js); plain data, so the
 * layout analysis is pure and testable without a PDF.
 */
export type Rect = { x: number; y: number; w: number; h: number };

import type { Span } from "../types";

/** A rectangle on a page of the import (1-based page index in the PDF). */
export type PageRect = Rect & { page: number };

/** One piece of text as drawn (pdf.js gives a line or part of one). */
export type TextRun = {
  text: string;
  /** The em box: left, top (baseline − ascent), advance width, ascent + descent. */
  x: number;
  y: number;
  w: number;
  h: number;
  baseline: number;
  /** Font size in points (the text matrix's scale). */
  size: number;
  bold: boolean;
  /** The font's PostScript name without its subset prefix, "" when unknown. */
  font: string;
  /** Drawn rotated or in a vertical writing mode: kept, but never part of a column. */
  vertical: boolean;
};

export type PageImage = Rect & {
  /** pdf.js's object id, to fetch the pixels for a photo. */
  ref: string;
  pixelWidth: number;
  pixelHeight: number;
};

export type PageContent = {
  /** 1-based page index in the PDF. */
  number: number;
  width: number;
  height: number;
  runs: TextRun[];
  images: PageImage[];
  /** Thin drawn lines (column and band rules), as their bounding rectangles. */
  rules: Rect[];
  /** Drawn rectangles wider and taller than a rule (frames of boxed stories, ads). */
  boxes: Rect[];
};

export type PdfPageInfo = { number: number; width: number; height: number };

/** A printed line: its span in the segmentation's text and its box. */
export type LayoutLine = Span & PageRect;

export type LayoutImage = PageRect & {
  ref: string;
  pixelWidth: number;
  pixelHeight: number;
  /** Index of the article whose region holds it (null: outside every story). */
  article: number | null;
  /** The caption printed under it, as read. */
  caption: string | null;
  /** The photo in the media library it was stored as, when the PDF was uploaded. */
  mediaId?: number | null;
};

/** What a PDF import adds to the Segmentation: its pages, every line's box, its images. */
export type PdfLayout = { pages: PdfPageInfo[]; lines: LayoutLine[]; images: LayoutImage[] };

