import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * Debian's poppler-utils (installed by .ci/run): pdftoppm renders pages, pdfseparate cuts a
 * page out of a file. pdf.js's own rendering needs a canvas that failed here with pdfjs-dist 5.
 */
export function run(cmd: string, args: readonly string[], timeoutMs = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: timeoutMs, maxBuffer: 1024 * 1024 }, (error, _stdout, stderr) => {
      if (error) reject(new Error(`${cmd} failed: ${String(stderr).trim() || error.message}`));
      else resolve();
    });
  });
}

/** A temporary folder holding the PDF as `in.pdf`, removed after `work`. */
export async function withPdfFile<T>(bytes: Uint8Array, work: (dir: string, pdf: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), "folio-pdf-"));
  try {
    const pdf = path.join(dir, "in.pdf");
    await writeFile(pdf, bytes);
    return await work(dir, pdf);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs `tasks` with at most `limit` at once (the machine has few cores; poppler uses one each). */
export async function inParallel<T>(tasks: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const out: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      out[i] = await (tasks[i] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return out;
}
