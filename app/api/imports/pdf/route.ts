import { getTranslations } from "next-intl/server";
import { importPdfUpload } from "@/services/pdf-import";
import { requireUser } from "@/services/session";
import { AppError } from "@/lib/errors";
import { assertSameOrigin, handleRoute } from "@/lib/http/route";
import { PDF_UPLOAD_BYTES } from "@/lib/limits";
import { cutToChars } from "@/lib/text-length";
import { importMastheadSchema } from "@/lib/validations/imports";

export const dynamic = "force-dynamic";

/** A name as the person's computer called it, without folders or control characters. */
function fileNameOf(header: string | null): string | null {
  if (!header) return null;
  let name: string;
  try {
    name = decodeURIComponent(header);
  } catch {
    name = header;
  }
  const base = name.replace(/\\/g, "/").split("/").pop() ?? "";
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return clean ? cutToChars(clean, 255) : null;
}

/**
 * Uploads a print PDF (a page or a whole issue) as the raw body; the masthead the editor typed
 * comes as query parameters (all optional: the pages' own mastheads and running heads fill the
 * rest). 201 with the imports made, one per page; refusals are 4xx with a message to show.
 */
export function POST(request: Request) {
  return handleRoute(async () => {
    assertSameOrigin(request);
    const user = await requireUser("importPages", "route:POST /api/imports/pdf");
    const t = await getTranslations("imports.pdfErrors");
    const refuse = (status: number, code: string, message: string, extra: Record<string, unknown> = {}) =>
      Response.json({ error: code, message, ...extra }, { status, headers: { "cache-control": "no-store" } });

    if (Number(request.headers.get("content-length") ?? 0) > PDF_UPLOAD_BYTES) return refuse(413, "too_large", t("too_large"));
    const bytes = new Uint8Array(await request.arrayBuffer());
    if (bytes.length > PDF_UPLOAD_BYTES) return refuse(413, "too_large", t("too_large"));

    const query = Object.fromEntries(new URL(request.url).searchParams);
    const masthead = importMastheadSchema.partial().safeParse(query);
    if (!masthead.success) throw new AppError("invalid", masthead.error.issues[0]?.message);

    const outcome = await importPdfUpload({ bytes, fileName: fileNameOf(request.headers.get("x-file-name")), form: masthead.data, actor: { id: user.id, email: user.email } });
    if (!outcome.ok) {
      const status = outcome.code === "too_large" ? 413 : 422;
      return refuse(status, outcome.code, t(outcome.code, { pages: outcome.pages ?? 0, id: outcome.fileId ?? 0 }), outcome.fileId ? { fileId: outcome.fileId } : {});
    }
    return Response.json(outcome, { status: 201, headers: { "cache-control": "no-store" } });
  });
}
