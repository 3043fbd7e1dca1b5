import { NextResponse, type NextRequest } from "next/server";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

/**
 * Comfort only: sends visitors without a session cookie to sign-in and tells desk
 * pages their own path. Every page and action still checks the session itself.
 */
export function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname + request.nextUrl.search;
  const hasCookie = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!hasCookie && request.method === "GET") {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", path);
    return NextResponse.redirect(login);
  }
  const headers = new Headers(request.headers);
  headers.set("x-folio-path", path);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/desk", "/desk/:path*"] };
