import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { plainAddress } from "@/lib/http/forwarded";
import { isHttpsRequest } from "@/lib/http/security-headers";

/** The client's address as the audit log records it: an IPv4 peer of a dual-stack socket as plain IPv4. */
export function clientIpFrom(get: (name: string) => string | null | undefined): string | null {
  const forwarded = get("x-forwarded-for");
  const address = forwarded ? forwarded.split(",")[0]?.trim() || null : (get("x-real-ip") ?? null);
  return address === null ? null : plainAddress(address);
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
