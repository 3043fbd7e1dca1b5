import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { isHttpsRequest } from "@/lib/http/security-headers";

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

/** Whether this request came over https (directly, through a proxy, or by configuration): cookies get Secure then. */
export async function requestIsHttps(): Promise<boolean> {
  return isHttpsRequest({ forwardedProto: (await headers()).get("x-forwarded-proto"), publicUrl: env().NEXTAUTH_URL });
}
