import "server-only";
import { headers } from "next/headers";

export function clientIpFrom(get: (name: string) => string | null | undefined): string | null {
  const forwarded = get("x-forwarded-for");
  if (forwarded) return forwarded.split(",")[0]?.trim() || null;
  return get("x-real-ip") ?? null;
}

export async function requestIp(): Promise<string | null> {
  const h = await headers();
  return clientIpFrom((n) => h.get(n));
}

/** Set by proxy.ts on desk requests so pages can send people back after sign-in. */
export async function requestPath(): Promise<string | null> {
  return (await headers()).get("x-folio-path");
}
