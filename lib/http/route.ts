import "server-only";
import { getTranslations } from "next-intl/server";
import { AppError, expectedError, HTTP_STATUS } from "@/lib/errors";
import { isSameOriginRequest } from "@/lib/http/origin";

/**
 * A cross-site page cannot write through our route handlers: browsers send Origin on
 * every non-GET fetch, and it must name this host. (proxy.ts refuses such requests
 * before they get here; this keeps each handler safe on its own.)
 */
export function assertSameOrigin(request: Request): void {
  if (!isSameOriginRequest((name) => request.headers.get(name))) throw new AppError("forbidden", "cross-origin request");
}

/**
 * A body that stopped arriving: the browser went away mid-request (a page left or reloaded during
 * an autosave). Node reports it as ECONNRESET, which must not read as a busy database in the log.
 */
function cutOff(e: unknown): never {
  throw new AppError("invalid", `The request was cut off before its body arrived (${e instanceof Error ? e.message : String(e)}).`);
}

/** Reads a JSON body without trusting its declared size. */
export async function readJson(request: Request, maxBytes: number): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw new AppError("too_large");
  const text = await request.text().catch(cutOff);
  if (Buffer.byteLength(text) > maxBytes) throw new AppError("too_large");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("invalid", "The request body is not valid JSON.");
  }
}

/**
 * A request's body as bytes, refused (413) as soon as it passes `maxBytes`: the declared length
 * is checked first, then every chunk as it arrives, so an endless body is never held whole.
 */
export async function readBytes(request: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw new AppError("too_large");
  if (!request.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let total = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read().catch(cutOff);
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new AppError("too_large");
    }
    chunks.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
  }
  return Buffer.concat(chunks, total);
}

/**
 * Maps AppError (and a busy database) to its status with a JSON body; anything else is logged
 * and answered 500 without detail. An error without its own message gets the translated one,
 * which the desk shows as is.
 */
export async function handleRoute(body: () => Promise<Response>): Promise<Response> {
  try {
    return await body();
  } catch (e) {
    const expected = expectedError(e);
    if (expected) {
      const message = expected.message === expected.code ? (await getTranslations("errors"))(expected.code) : expected.message;
      const headers: Record<string, string> = { "cache-control": "no-store" };
      if (expected.code === "busy") headers["retry-after"] = "2";
      return Response.json({ error: expected.code, message }, { status: HTTP_STATUS[expected.code], headers });
    }
    console.error("route failed", e);
    return Response.json({ error: "unexpected" }, { status: 500 });
  }
}
