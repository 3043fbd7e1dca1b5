import { getTranslations } from "next-intl/server";
import { listMedia } from "@/db/queries/media";
import { AppError } from "@/lib/errors";
import { assertSameOrigin, handleRoute, readBytes } from "@/lib/http/route";
import { MAX_PHOTO_BYTES } from "@/lib/media/limits";
import { isPhotoRefused, REFUSAL_LIMITS, type PhotoRefusalCode } from "@/lib/media/refusals";
import { audit } from "@/services/audit";
import { mediaSummary } from "@/services/media/summary";
import { addPhoto } from "@/services/media/library";
import { requireUser } from "@/services/session";

export const dynamic = "force-dynamic";

/** Refusals that mean "this is not a kind of file we take" rather than "this file is broken". */
const STATUS: Partial<Record<PhotoRefusalCode, number>> = { too_large: 413, not_image: 415, svg: 415, unsupported: 415 };

/**
 * Upload one photo: the file's bytes as the body (the browser's File, sent as is, so the page can
 * show progress), its name in X-File-Name (URI-encoded). 201 with the photo, still processing; the
 * same file again answers 200 with the photo already in the library. A file that is not a photo
 * Folio takes is refused with a sentence saying why, and nothing is stored.
 */
export function POST(request: Request) {
  return handleRoute(async () => {
    assertSameOrigin(request);
    const user = await requireUser("managePhotos", "route:POST /api/media");
    const t = await getTranslations("media");
    let fileName: string | null = null;
    try {
      fileName = decodeURIComponent(request.headers.get("x-file-name") ?? "");
    } catch {
      throw new AppError("invalid", t("badFileName"));
    }
    try {
      const bytes = await readBytes(request, MAX_PHOTO_BYTES).catch((e: unknown) => {
        if (e instanceof AppError && e.code === "too_large") throw new AppError("too_large", t("refusals.too_large", REFUSAL_LIMITS));
        throw e;
      });
      const { media, duplicate } = await addPhoto({ bytes, fileName, uploadedById: user.id });
      return Response.json({ photo: mediaSummary(media), duplicate }, { status: duplicate ? 200 : 201, headers: { "cache-control": "no-store" } });
    } catch (e) {
      if (!isPhotoRefused(e)) throw e;
      await audit({ action: "media.refused", actorId: user.id, actorEmail: user.email, targetType: "media", detail: { code: e.code, fileName } });
      const message = t(`refusals.${e.code}`, { ...REFUSAL_LIMITS, ...e.values });
      return Response.json({ error: e.code, message }, { status: STATUS[e.code] ?? 400, headers: { "cache-control": "no-store" } });
    }
  });
}

/** The library for the photo picker: `?q=` words of caption, credit or alt text, newest first. */
export function GET(request: Request) {
  return handleRoute(async () => {
    await requireUser("managePhotos", "route:GET /api/media");
    const url = new URL(request.url);
    const q = url.searchParams.get("q")?.slice(0, 200) ?? "";
    const page = Math.max(1, Math.min(1000, Number(url.searchParams.get("page")) || 1));
    const { items, total } = await listMedia({ q, page, pageSize: 24 });
    return Response.json({ photos: items.map(mediaSummary), total, page }, { headers: { "cache-control": "no-store" } });
  });
}
