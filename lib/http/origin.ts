/**
 * Whether a request may change something, judged by where it was sent from. Browsers send
 * Origin on every cross-site POST/PUT/DELETE (and on same-site ones from fetch and forms);
 * it must name the host this request was addressed to, which a reverse proxy passes on as
 * Host or X-Forwarded-Host (first hop, as Next's own server-action check reads it). Without
 * Origin the request did not come from a browser page, so it carries no victim's cookies
 * (SameSite=Lax keeps them off cross-site POSTs anyway) and is let through, as Next does.
 */
export function isSameOriginRequest(get: (name: string) => string | null | undefined): boolean {
  const origin = get("origin");
  if (origin === null || origin === undefined) return true;
  const forwarded = get("x-forwarded-host")?.split(",")[0]?.trim();
  const host = forwarded || get("host");
  if (!host) return false;
  try {
    // "null" (sandboxed frames, some redirects) is not a URL and is refused.
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export const SAFE_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "OPTIONS"]);
