/**
 * pdf.js (pdfjs-dist 5, the legacy build: the modern one needs Node 22), loaded once per
 * process with its worker running in this thread.
 */
export type Pdfjs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

let loaded: Promise<Pdfjs> | undefined;

export function loadPdfjs(): Promise<Pdfjs> {
  if (!loaded) {
    // The legacy build's core-js replaces Array.prototype.push with a JavaScript version on
    // Node 20 (its check of a length-setting corner case fails), which slows every array in
    // the process. Node's own push does all pdf.js needs, so it is put back once the library
    // and its worker (loaded up front so it cannot replace push again later) are in.
    const nativePush = Array.prototype.push;
    loaded = (async () => {
      const lib = await import("pdfjs-dist/legacy/build/pdf.mjs");
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await import("pdfjs-dist/legacy/build/pdf.worker.mjs");
      if (Array.prototype.push !== nativePush) Object.defineProperty(Array.prototype, "push", { value: nativePush, writable: true, configurable: true, enumerable: false });
      return lib;
    })();
  }
  return loaded;
}
