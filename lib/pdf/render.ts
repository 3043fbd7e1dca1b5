import { readFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { PAGE_IMAGE_VARIANTS, type PageImageVariant } from "@/lib/vocabulary";
import { run } from "./poppler";

/**
 * Page images for screens: each page rendered once by pdftoppm at the large width (an
 * uncompressed TIFF in the temporary folder: the fastest thing for sharp to read), then
 * WebP at two widths and a thumbnail. Widths and qualities were chosen by looking: the
 * medium width is what a phone gets, and its file is most of the reader's first screen.
 */
export const PAGE_IMAGE_SIZES: Record<PageImageVariant, { width: number; quality: number }> = {
  large: { width: 1400, quality: 62 },
  medium: { width: 720, quality: 55 },
  thumb: { width: 200, quality: 50 },
};

export type RenderedImage = { variant: PageImageVariant; width: number; height: number; bytes: Buffer };

export async function renderPage(pdf: string, dir: string, page: number): Promise<RenderedImage[]> {
  const root = path.join(dir, `page-${page}`);
  const largest = PAGE_IMAGE_SIZES.large.width;
  await run("pdftoppm", ["-f", String(page), "-l", String(page), "-singlefile", "-tiff", "-tiffcompression", "none", "-scale-to-x", String(largest), "-scale-to-y", "-1", pdf, root]);
  const source = sharp(await readFile(`${root}.tif`));
  const out: RenderedImage[] = [];
  for (const variant of PAGE_IMAGE_VARIANTS) {
    const { width, quality } = PAGE_IMAGE_SIZES[variant];
    const { data, info } = await source.clone().resize({ width, withoutEnlargement: true }).webp({ quality, effort: 2 }).toBuffer({ resolveWithObject: true });
    out.push({ variant, width: info.width, height: info.height, bytes: data });
  }
  return out;
}

/** The page alone as a PDF of its own (for 下载本版 PDF when the upload held several pages). */
export async function separatePage(pdf: string, dir: string, page: number): Promise<Buffer> {
  const file = path.join(dir, `alone-${page}.pdf`);
  await run("pdfseparate", ["-f", String(page), "-l", String(page), pdf, file]);
  return readFile(file);
}
