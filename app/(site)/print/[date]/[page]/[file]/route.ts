import { createHash } from "node:crypto";
import { getImportPagePdf } from "@/db/queries/pdf-imports";
import { getPublicPrintImage, getPublicPrintImportId } from "@/db/queries/public/print";
import { parseIssueDateParam, parsePageParam, parsePrintFileParam } from "@/lib/public";
import { contentDisposition } from "@/lib/http/content-disposition";
import { PUBLIC_CACHE_CONTROL } from "../../../../_lib/cache";
import { bytesResponse } from "../../../../_lib/text-response";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ date: string; page: string; file: string }> };

const notFound = () => new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

/**
 * A public printed page's image (its name carries its checksum: an older name is gone) or its
 * PDF (下载本版 PDF). Only for a page of a public issue with a published story on it.
 */
export async function GET(request: Request, { params }: Params) {
  const p = await params;
  const date = parseIssueDateParam(p.date);
  const number = parsePageParam(p.page);
  const file = parsePrintFileParam(p.file);
  if (!date || number === null || !file) return notFound();
  if (file.kind === "image") {
    const image = await getPublicPrintImage({ date, number, variant: file.variant });
    if (!image || !image.sha256.startsWith(file.sha8)) return notFound();
    return bytesResponse(request, image.bytes, image.sha256, "image/webp", PUBLIC_CACHE_CONTROL.printImage);
  }
  const importId = await getPublicPrintImportId({ date, number });
  const pdf = importId === null ? undefined : await getImportPagePdf({ importId });
  if (!pdf) return notFound();
  const sha = createHash("sha256").update(pdf.bytes).digest("hex");
  return bytesResponse(request, pdf.bytes, sha, "application/pdf", PUBLIC_CACHE_CONTROL.printPdf, {
    "content-disposition": contentDisposition(`${date}-${number}.pdf`),
  });
}
