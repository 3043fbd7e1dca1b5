import "server-only";
import { AppError, HTTP_STATUS, isAppError } from "@/lib/errors";

/**
 * A cross-site page cannot write through our route handlers: browsers send Origin on
 * every non-GET fetch, and it must name this host.
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (origin === null) return;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = null;
  }
  if (!host || originHost !== host) throw new AppError("forbidden", "cross-origin request");
}

/** Reads a JSON body without trusting its declared size. */
export async function readJson(request: Request, maxBytes: number): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw new AppError("too_large");
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) throw new AppError("too_large");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("invalid", "The request body is not valid JSON.");
  }
}

/** Maps AppError to its status with a JSON body; anything else is logged and answered 500 without detail. */
export async function handleRoute(body: () => Promise<Response>): Promise<Response> {
  try {
    return await body();
  } catch (e) {
    if (isAppError(e)) {
      return Response.json({ error: e.code, message: e.message }, { status: HTTP_STATUS[e.code], headers: { "cache-control": "no-store" } });
    }
    console.error("route failed", e);
    return Response.json({ error: "unexpected" }, { status: 500 });
  }
}
