/**
 * Raw HTTP against the test server, with no browser: what curl would see. Cookies are
 * carried by hand so a test can read every Set-Cookie attribute.
 */

export type RawResponse = { status: number; headers: Headers; body: string; setCookies: string[] };

export async function raw(
  baseURL: string,
  path: string,
  { cookies = [], ...init }: RequestInit & { cookies?: string[] } = {},
): Promise<RawResponse> {
  const headers = new Headers(init.headers);
  if (cookies.length) headers.set("cookie", cookies.join("; "));
  const res = await fetch(new URL(path, baseURL), { ...init, headers, redirect: "manual" });
  return { status: res.status, headers: res.headers, body: await res.text(), setCookies: res.headers.getSetCookie() };
}

export type Cookie = { name: string; value: string; attributes: Map<string, string> };

export function parseSetCookie(line: string): Cookie {
  const [pair = "", ...parts] = line.split(";").map((p) => p.trim());
  const eq = pair.indexOf("=");
  const attributes = new Map<string, string>();
  for (const part of parts) {
    const i = part.indexOf("=");
    attributes.set((i < 0 ? part : part.slice(0, i)).toLowerCase(), i < 0 ? "" : part.slice(i + 1));
  }
  return { name: pair.slice(0, eq), value: pair.slice(eq + 1), attributes };
}

export function cookieNamed(res: RawResponse, name: string): Cookie | undefined {
  return res.setCookies.map(parseSetCookie).find((c) => c.name === name);
}

/** `name=value` pairs to send back, from the Set-Cookie lines of earlier responses. */
export function cookiePairs(...responses: RawResponse[]): string[] {
  return responses.flatMap((r) => r.setCookies.map(parseSetCookie).filter((c) => c.value !== "").map((c) => `${c.name}=${c.value}`));
}

export type SignInAnswer = { signedIn: boolean; error: string | null; response: RawResponse; cookies: string[] };

/**
 * Signs in the way a script would: a CSRF token from /api/auth/csrf, then the credentials
 * callback. `headers` go on both requests (X-Forwarded-For, X-Forwarded-Proto…).
 */
export async function signInRaw(baseURL: string, email: string, password: string, headers: Record<string, string> = {}): Promise<SignInAnswer> {
  const csrf = await raw(baseURL, "/api/auth/csrf", { headers });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const response = await raw(baseURL, "/api/auth/callback/credentials", {
    method: "POST",
    headers: { ...headers, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: "/desk", json: "true" }).toString(),
    cookies: cookiePairs(csrf),
  });
  // With json=true next-auth answers { url } (status 200, or 401 for refused credentials), as its own client reads it.
  const url = response.headers.get("content-type")?.includes("json")
    ? (JSON.parse(response.body) as { url?: string }).url
    : response.headers.get("location");
  const error = url ? new URL(url, baseURL).searchParams.get("error") : null;
  const signedIn = response.setCookies.some((c) => /^(__Secure-)?next-auth\.session-token=./.test(c));
  return { signedIn, error, response, cookies: [...cookiePairs(csrf), ...cookiePairs(response)] };
}
