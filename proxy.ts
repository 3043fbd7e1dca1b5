import { NextResponse, type NextRequest } from "next/server";
import { PUBLIC_CACHE_CONTROL } from "@/app/(site)/_lib/cache";
import { goneArticleResponse } from "@/app/(site)/_lib/gone";
import { getArticleAvailability } from "@/db/queries/public";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { parseArticleParam } from "@/lib/public";

/**
 * Tells desk pages their own path (for the way back after sign-in). It does not redirect:
 * every page checks the session itself, and its refusal is audited there.
 */
function deskProxy(request: NextRequest) {
  const path = request.nextUrl.pathname + request.nextUrl.search;
  const headers = new Headers(request.headers);
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
function siteProxy(request: NextRequest) {
  if (request.method !== "GET" && request.method !== "HEAD") return NextResponse.next();
  const article = ARTICLE_PATH.exec(request.nextUrl.pathname);
  const id = article?.[1] ? parseArticleParam(article[1]) : null;
  const availability = id === null ? null : getArticleAvailability({ id }).kind;
  if (availability === "gone") return goneArticleResponse(request.cookies.get(LOCALE_COOKIE)?.value, request.method);
  if (article && (id === null || availability === "missing")) {
    // notFound() thrown by a page is rendered client-side only (vercel/next.js#62228): the HTML
    // is an empty error shell without JavaScript. An unmatched path gets the server-rendered
    // not-found page with status 404, so unknown articles are sent there.
    return NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url));
  }
  const response = NextResponse.next();
  response.headers.set("cache-control", PUBLIC_CACHE_CONTROL.page);
  return response;
}

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  return pathname === "/desk" || pathname.startsWith("/desk/") ? deskProxy(request) : siteProxy(request);
}

export const config = {
  matcher: ["/desk", "/desk/:path*", "/", "/articles/:param", "/issues", "/issues/:path*", "/sections/:path*", "/search"],
};
