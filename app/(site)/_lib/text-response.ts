import "server-only";
import crypto from "node:crypto";
import { etagMatches } from "@/lib/public";

/**
 * A text body with a strong ETag; an If-None-Match for the same bytes gets an
 * empty 304. With `no-cache` every reuse is revalidated, so a publish or
 * unpublish shows at once while unchanged feeds cost one query and no transfer.
 */
export function textResponse(request: Request, body: string, contentType: string, cacheControl: string): Response {
  const etag = `"${crypto.createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  const headers = { "content-type": contentType, "cache-control": cacheControl, etag, "x-content-type-options": "nosniff" };
  if (etagMatches(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(request.method === "HEAD" ? null : body, { status: 200, headers });
}

/**
 * Bytes (a page image, a PDF) with the strong ETag of their checksum, answered 304 to a
 * matching If-None-Match; extra headers (a download's file name) as given.
 */
export function bytesResponse(request: Request, body: Buffer, sha256: string, contentType: string, cacheControl: string, extra: Record<string, string> = {}): Response {
  const etag = `"${sha256.slice(0, 27)}"`;
  const headers = { "content-type": contentType, "cache-control": cacheControl, etag, "x-content-type-options": "nosniff", ...extra };
  if (etagMatches(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(request.method === "HEAD" ? null : new Uint8Array(body), { status: 200, headers: { ...headers, "content-length": String(body.length) } });
}
