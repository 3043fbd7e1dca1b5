/**
 * The HTTP security policy for every response. Pure data and functions: next.config.ts
 * (static files and anything proxy.ts does not see) and proxy.ts (pages, route handlers,
 * its own redirects and 410 pages) both read it, so there is one list.
 */

/** Headers that do not depend on the request. */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  // frame-ancestors 'none' says the same to current browsers; this is for older ones.
  "x-frame-options": "DENY",
  // Nothing in Folio uses these; a script that got in could not either.
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=()",
  // A window Folio opens, or that opens Folio, gets no handle on the other.
  "cross-origin-opener-policy": "same-origin",
};

/**
 * One year; no includeSubDomains and no preload, because Folio may live under a path of
 * a domain whose other hosts are not ours to force onto https (SITE_URL allows that).
 */
export const HSTS_VALUE = "max-age=31536000";

/**
 * The Content-Security-Policy. Scripts run only with this response's nonce ('strict-dynamic'
 * lets those scripts load Next's chunks); Next reads the nonce from the request's CSP header
 * and puts it on its own scripts, so no 'unsafe-inline' for scripts. Without a nonce no script
 * runs at all: the public pages as served (lib/http/page-cache.ts) have none. Styles keep
 * 'unsafe-inline': Tiptap/ProseMirror and React write style attributes, which a nonce
 * cannot cover. `next dev` needs 'unsafe-eval' for its error overlay; production does not.
 */
export function contentSecurityPolicy({ nonce, https, dev = false }: { nonce: string | null; https: boolean; dev?: boolean }): string {
  const directives = [
    "default-src 'self'",
    nonce === null ? "script-src 'none'" : `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ];
  // Over plain http (a local demo) it would send the page's own scripts to an https port that is not there.
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** A fresh, unguessable nonce per response (128 bits, base64 as CSP expects). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Whether the visitor reached us over https: the proxy in front says so (X-Forwarded-Proto,
 * first hop), the request itself is https, or the configured public URL is https.
 */
export function isHttpsRequest({
  forwardedProto,
  url,
  publicUrl,
}: {
  forwardedProto: string | null | undefined;
  url?: string | null;
  publicUrl?: string | null;
}): boolean {
  const first = forwardedProto?.split(",")[0]?.trim().toLowerCase();
  if (first === "https") return true;
  if (url?.startsWith("https:")) return true;
  return Boolean(publicUrl?.startsWith("https:"));
}

/** Every header of the policy for one response, given its Content-Security-Policy. */
export function securityHeaders({ csp, https }: { csp: string; https: boolean }): Record<string, string> {
  return {
    ...STATIC_SECURITY_HEADERS,
    "content-security-policy": csp,
    ...(https ? { "strict-transport-security": HSTS_VALUE } : {}),
  };
}
