/**
 * pdf.js (pdfjs-dist 5, legacy build for Node 20): the page's text content in
 * content-stream order, each item with its position, size and font.
 */
export type PdfItem = {
  str: string;
  /** Left and baseline in PDF points from the top-left corner. */
  x: number;
  y: number;
  width: number;
  size: number;
  bold: boolean;
  hasEOL: boolean;
};

type PdfjsModule = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
let pdfjs: Promise<PdfjsModule> | undefined;

function load(): Promise<PdfjsModule> {
  if (!pdfjs) {
    // The legacy build's core-js replaces Array.prototype.push with a JavaScript version
    // on Node 20 (its check of a length-setting corner case fails), which slowed every
    // array in the process, typesetting included. Node's own push does all pdf.js needs,
    // so it is put back once the library and its worker (run in this thread, loaded up
    // front so it cannot replace push again later) are in.
    const nativePush = Array.prototype.push;
    pdfjs = (async () => {
      const lib = await import("pdfjs-dist/legacy/build/pdf.mjs");
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await import("pdfjs-dist/legacy/build/pdf.worker.mjs");
      if (Array.prototype.push !== nativePush) Object.defineProperty(Array.prototype, "push", { value: nativePush, writable: true, configurable: true, enumerable: false });
      return lib;
    })();
  }
  return pdfjs;
}

export async function pdfjsVersion(): Promise<string> {
  return (await load()).version;
}

/** Items of the first page of `data`, with each font's bold flag read from its PostScript name. */
export async function pdfjsItems(data: Uint8Array): Promise<PdfItem[]> {
  const lib = await load();
  const doc = await lib.getDocument({ data, disableFontFace: true, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const page = await doc.getPage(1);
    const height = page.view[3] as number;
    const content = await page.getTextContent();
    // Font objects (and their names) are only loaded by the operator list.
    await page.getOperatorList();
    const bold = new Map<string, boolean>();
    const items: PdfItem[] = [];
    for (const it of content.items) {
      if (!("str" in it)) continue;
      let b = bold.get(it.fontName);
      if (b === undefined) {
        let name = "";
        try {
          name = String((page.commonObjs.get(it.fontName) as { name?: string }).name ?? "");
        } catch {
          name = "";
        }
        b = /bold|black|heavy/i.test(name);
        bold.set(it.fontName, b);
      }
      const t = it.transform as number[];
      items.push({ str: it.str, x: t[4] as number, y: height - (t[5] as number), width: it.width, size: Math.abs(t[3] as number) || it.height, bold: b, hasEOL: it.hasEOL });
    }
    return items;
  } finally {
    await doc.destroy();
  }
}

/** The text as pdf.js gives it: items in content-stream order, a line break where pdf.js marks the end of a line. */
export function pdfjsText(items: readonly PdfItem[]): string {
  return items.map((i) => i.str + (i.hasEOL ? "\n" : "")).join("");
}
