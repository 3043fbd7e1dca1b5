import { createHash } from "node:crypto";
import { getImportPageImage, getImportPagePdf } from "@/db/queries/pdf-imports";
import { requireUser } from "@/services/session";
import { AppError } from "@/lib/errors";
import { contentDisposition } from "@/lib/http/content-disposition";
import { handleRoute } from "@/lib/http/route";
import { PAGE_IMAGE_VARIANTS, type PageImageVariant } from "@/lib/vocabulary";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string; file: string }> };

// An import's page images never change (a re-import is another import): the browser keeps them.
const CACHE = "private, max-age=31536000, immutable";

/** A PDF import's page image (large.webp, medium.webp, thumb.webp) or the page's PDF (page.pdf), for the desk. */
export function GET(request: Request, { params }: Params) {
  return handleRoute(async () => {
    await requireUser("importPages", "route:GET /api/imports/[id]/print/[file]");
    const { id, file } = await params;
    const importId = Number(id);
    if (!Number.isInteger(importId) || importId < 1) throw new AppError("not_found");
    const variant = /^(\w+)\.webp$/.exec(file)?.[1];
    if (variant && (PAGE_IMAGE_VARIANTS as readonly string[]).includes(variant)) {
      const image = await getImportPageImage({ importId, variant: variant as PageImageVariant });
      if (!image) throw new AppError("not_found");
      return new Response(new Uint8Array(image.bytes), { headers: { "content-type": "image/webp", "cache-control": CACHE, etag: `"${image.sha256.slice(0, 27)}"`, "x-content-type-options": "nosniff" } });
    }
    if (file !== "page.pdf") throw new AppError("not_found");
    const pdf = await getImportPagePdf({ importId });
    if (!pdf) throw new AppError("not_found");
    const name = (pdf.fileName ?? `import-${importId}.pdf`).replace(/\.pdf$/i, "");
    return new Response(new Uint8Array(pdf.bytes), {
      headers: {
        "content-type": "application/pdf",
        "cache-control": "private, no-cache",
        etag: `"${createHash("sha256").update(pdf.bytes).digest("hex").slice(0, 27)}"`,
        "content-disposition": contentDisposition(`${name}-${importId}.pdf`, request.headers.get("sec-fetch-dest") === "document" ? "inline" : "attachment"),
        "x-content-type-options": "nosniff",
      },
    });
  });
}
