import { writeFile } from "node:fs/promises";
import path from "node:path";
import { EXTRACTORS, PAGE_FILES, type ExtractorName } from "../truth";
import { markdownFromItems } from "./markdown";
import { pdftotext } from "./poppler";
import { pdfjsItems, pdfjsText } from "./pdfjs";

/**
 * Every raw text of one page, the way editors get them from a PDF:
 *   pdftotext         poppler's default reading-order analysis
 *   pdftotext-raw     poppler in content-stream order
 *   pdftotext-layout  poppler keeping the physical layout (columns side by side)
 *   pdfjs             pdf.js text content, in content-stream order
 *   markdown          a PDF-to-Markdown rendering made from pdf.js's items (see markdown.ts)
 */
export async function extractAll(pdfFile: string, pdf: Uint8Array): Promise<Record<ExtractorName, string>> {
  const [plain, raw, layout, items] = await Promise.all([pdftotext(pdfFile, "default"), pdftotext(pdfFile, "raw"), pdftotext(pdfFile, "layout"), pdfjsItems(pdf)]);
  return { pdftotext: plain, "pdftotext-raw": raw, "pdftotext-layout": layout, pdfjs: pdfjsText(items), markdown: markdownFromItems(items) };
}

export async function writeExtractions(dir: string, texts: Record<ExtractorName, string>): Promise<void> {
  await Promise.all(EXTRACTORS.map((x) => writeFile(path.join(dir, PAGE_FILES.text(x)), texts[x])));
}
