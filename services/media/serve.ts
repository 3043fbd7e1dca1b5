import "server-only";
import { listMediaFiles } from "@/db/queries/media";
import type { Media } from "@/db/schema";
import { getMediaFile } from "@/db/queries/public/photos";
import { can } from "@/lib/auth/roles";
import { PHOTO_MIME_TYPES } from "@/lib/media/formats";
import { RENDITION_MIME_TYPES } from "@/lib/media/limits";
import { filePath, originalPath } from "@/lib/media/paths";
import { isMediaFileName, MEDIA_CACHE_CONTROL } from "@/lib/media/urls";
import { getCurrentUser } from "@/services/session";
import { mediaStore } from "./store";

/*
 * Sending photo files. A file's name is its content, so once sent it never needs asking again
 * (immutable, a year). Whether it may be sent is decided on every request all the same: a reader
 * gets a file only while a published article places its photo; the newsroom gets any. Caches
 * are told "private" so no shared cache keeps a photo past its story's withdrawal. `npm start`
 * answers readers' requests for public files before Next (lib/http/media-file-server.ts); the rest
 * (the newsroom's view of a draft's photo, unknown names) come here.
 */

function notFound(): Response {
  return new Response("Not found.\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": MEDIA_CACHE_CONTROL.refused } });
}

function bytesResponse(request: Request, body: Buffer, headers: Record<string, string>): Response {
  const etag = headers.etag;
  if (etag && request.headers.get("if-none-match")?.split(",").some((t) => t.trim() === etag)) {
    return new Response(null, { status: 304, headers: { etag, "cache-control": headers["cache-control"] ?? MEDIA_CACHE_CONTROL.file } });
  }
  return new Response(request.method === "HEAD" ? null : new Uint8Array(body), { status: 200, headers: { ...headers, "content-length": String(body.length) } });
}

/** GET /media/<name>: a reader's photo file, if a published article shows it (or the newsroom asks). */
export async function mediaFileResponse(request: Request, name: string): Promise<Response> {
  if (!isMediaFileName(name)) return notFound();
  const file = await getMediaFile({ name });
  if (!file) return notFound();
  if (!file.public) {
    // Drafts' photos: the newsroom's people see them in the editor and the library. For anyone
    // else the file does not exist (404, as a draft article's address is), however they got its name.
    const user = await getCurrentUser();
    if (!user || !can(user.role, "openArticles")) return notFound();
  }
  const body = await mediaStore()
    .read(filePath(name))
    .catch(() => null);
  if (!body) return notFound();
  return bytesResponse(request, body, {
    "content-type": RENDITION_MIME_TYPES[file.format],
    "cache-control": MEDIA_CACHE_CONTROL.file,
    etag: `"${name}"`,
  });
}

/** The desk's small picture of a photo (editor, library, picker): its 480-wide WebP, while it has one. */
export async function mediaPreviewResponse(request: Request, photo: Media): Promise<Response> {
  const files = await listMediaFiles({ mediaId: photo.id });
  const preview = files.find((f) => f.format === "webp" && f.width <= 480) ?? files.find((f) => f.format === "jpeg");
  if (!preview) return notFound();
  const body = await mediaStore()
    .read(filePath(preview.name))
    .catch(() => null);
  if (!body) return notFound();
  return bytesResponse(request, body, { "content-type": RENDITION_MIME_TYPES[preview.format], "cache-control": MEDIA_CACHE_CONTROL.desk, etag: `"${preview.name}"` });
}

/** The original as uploaded, for the archive: every byte and tag it came with (GPS too), so only for the newsroom. */
export async function mediaOriginalResponse(request: Request, photo: Media): Promise<Response> {
  const body = await mediaStore()
    .read(originalPath(photo.sha256, photo.format))
    .catch(() => null);
  if (!body) return notFound();
  const name = photo.fileName ?? `photo-${photo.id}`;
  return bytesResponse(request, body, {
    "content-type": PHOTO_MIME_TYPES[photo.format],
    "cache-control": MEDIA_CACHE_CONTROL.desk,
    "content-disposition": `attachment; filename="photo-${photo.id}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    etag: `"${photo.sha256}"`,
  });
}
