import { NextResponse, type NextRequest } from "next/server";
import { PUBLIC_CACHE_CONTROL } from "@/app/(site)/_lib/cache";
import { goneArticleResponse } from "@/app/(site)/_lib/gone";
import { getArticleAvailability } from "@/db/queries/public/articles";
import { env } from "@/lib/env";
import { isSameOriginRequest, SAFE_METHODS } from "@/lib/http/origin";
import { JSON_DEPTH_REFUSAL, nestsDeeperThan } from "@/lib/http/request-body";
import { PDF_UPLOAD_PATH, PHOTO_UPLOAD_PATH } from "@/lib/limits";
import { contentSecurityPolicy, isHttpsRequest, newNonce, securityHeaders } from "@/lib/http/security-headers";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { isSitePagePath, parseArticleParam } from "@/lib/public";

/**
 * Tells desk pages their own path (for the way back after sign-in). It does not redirect:
 * every page checks the session itself, and its refusal is audited there.
 */
function deskProxy(request: NextRequest, headers: Headers) {
  const path = request.nextUrl.pathname + request.nextUrl.search;
  headers.set("x-folio-path", path);
  return NextResponse.next({ request: { headers } });
}

const ARTICLE_PATH = /^\/articles\/([^/]+)\/?$/;
/** No route matches this path, so Next answers it with app/not-found.tsx, rendered on the server. */
const NOT_FOUND_PATH = "/_folio/not-found";

/**
 * The public site's HTTP policy. A withdrawn article answers 410 Gone here,
 * because an App Router page cannot set that status (its only status
 * fallbacks are notFound/forbidden/unauthorized); Node is proxy.ts's runtime
 * in Next 16, so this is one indexed SQLite read. Pages get Cache-Control
 * before they render: production Next keeps a Cache-Control a dynamic page
 * already has (`next dev` always sends no-store).
 */
async function siteProxy(request: NextRequest, headers: Headers) {
  if (request.method !== "GET" && request.method !== "HEAD") return NextResponse.next({ request: { headers } });
  const article = ARTICLE_PATH.exec(request.nextUrl.pathname);
  const id = article?.[1] ? parseArticleParam(article[1]) : null;
  const availability = id === null ? null : (await getArticleAvailability({ id })).kind;
  if (availability === "gone") return await goneArticleResponse(request.cookies.get(LOCALE_COOKIE)?.value, request.method);
  if (article && (id === null || availability === "missing")) {
    // notFound() thrown by a page is rendered client-side only (vercel/next.js#62228): the HTML
    // is an empty error shell without JavaScript. An unmatched path gets the server-rendered
    // not-found page with status 404, so unknown articles are sent there.
    return NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url), { request: { headers } });
  }
  const response = NextResponse.next({ request: { headers } });
  if (isSitePagePath(request.nextUrl.pathname)) response.headers.set("cache-control", PUBLIC_CACHE_CONTROL.page);
  return response;
}

/**
 * A write sent from another site's page: a server action, a route handler, a sign-in. Next
 * refuses such server actions itself (with a 500 and a logged stack) and route handlers call
 * assertSameOrigin; answering here gives one clear 403 for all of them.
 */
function crossOriginRefusal(): Response {
  return new Response("Cross-origin request refused.\n", {
    status: 403,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}

/**
 * Whether a write's body nests brackets deeper than lib/limits.ts allows. React decodes a server
 * action's arguments with a recursive JSON reviver, so 200,000 levels (a few hundred KB, sent by
 * anyone: the action need not exist) overflowed the stack and logged a stack trace per request.
 * Counted in one pass over each text field, before Next decodes anything; files are not JSON.
 * Next's proxy holds its own copy of the body, so reading it here leaves the route's intact.
 */
async function nestsTooDeeply(request: NextRequest): Promise<boolean> {
  if (SAFE_METHODS.has(request.method) || request.body === null) return false;
  // A file upload's body is the file's bytes (a photo, a print PDF), read as bytes and never decoded
  // as JSON; a JPEG's or a PDF's bytes hold any number of bracket codes.
  if (PHOTO_UPLOAD_PATH.test(request.nextUrl.pathname) || PDF_UPLOAD_PATH.test(request.nextUrl.pathname)) return false;
  const copy = request.clone();
  if ((request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data")) {
    let form: FormData;
    try {
      form = await copy.formData();
    } catch {
      return false; // malformed: Next refuses it without decoding anything
    }
    for (const value of form.values()) if (typeof value === "string" && nestsDeeperThan(value)) return true;
    return false;
  }
  return nestsDeeperThan(await copy.text());
}

function tooDeepRefusal(): Response {
  return new Response(`${JSON_DEPTH_REFUSAL.message}\n`, {
    status: JSON_DEPTH_REFUSAL.status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}

/**
 * Every response but static files passes here and leaves with the security headers
 * (lib/http/security-headers.ts): a Content-Security-Policy with a fresh nonce, and HSTS
 * when the visitor came over https. Next reads the nonce from the request's CSP header and
 * puts it on its own scripts, which is why the request gets the header too. The reader's
 * pages leave Next this way too, but the server in front (lib/http/public-page-server.ts)
 * serves them without scripts and with a policy that allows none.
 */
export async function proxy(request: NextRequest) {
  const { NEXTAUTH_URL, NODE_ENV } = env();
  const https = isHttpsRequest({ forwardedProto: request.headers.get("x-forwarded-proto"), url: request.url, publicUrl: NEXTAUTH_URL });
  const csp = contentSecurityPolicy({ nonce: newNonce(), https, dev: NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  const { pathname } = request.nextUrl;
  let response: Response;
  if (!SAFE_METHODS.has(request.method) && !isSameOriginRequest((name) => request.headers.get(name))) response = crossOriginRefusal();
  else if (await nestsTooDeeply(request)) response = tooDeepRefusal();
  else if (pathname === "/desk" || pathname.startsWith("/desk/")) response = deskProxy(request, headers);
  else response = await siteProxy(request, headers);
  for (const [name, value] of Object.entries(securityHeaders({ csp, https }))) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything except build output (hashed JS/CSS, which next.config.ts headers() covers).
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
