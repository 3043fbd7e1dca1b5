import { BlockList, isIP } from "node:net";

/*
 * Which proxies may tell Folio who a visitor is and how they reached it. X-Forwarded-Host,
 * -Proto and -For decide the site's links when SITE_URL is unset (canonical URLs, the feed, the
 * sitemap, robots.txt), whether cookies are Secure and HSTS is sent, the client address in the
 * audit log and the same-origin check of writes. Anyone can send those headers, so scripts/serve.ts
 * removes them from every request that does not come straight from a proxy named in TRUST_PROXY;
 * Next then fills them in from the connection itself (Host, the socket's address, http).
 */

/** Every header by which a client could claim another host, scheme or address. */
const FORWARDING_HEADERS = ["forwarded", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip"] as const;

export type TrustedProxies = { has(address: string): boolean; description: string };

const LOOPBACK = ["127.0.0.0/8", "::1/128"];

/** "::ffff:127.0.0.1" (an IPv4 peer of a dual-stack socket) is 127.0.0.1. */
export function plainAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? (mapped[1] as string) : address;
}

/**
 * TRUST_PROXY: a comma-separated list of addresses and CIDR ranges (`10.0.0.5`, `10.0.0.0/8`,
 * `fd00::/8`), or `loopback` for a proxy on the same machine. Throws a message naming the first
 * entry that is neither.
 */
export function parseTrustedProxies(value: string): TrustedProxies {
  const list = new BlockList();
  const entries = value
    .split(",")
    .map((e) => e.trim())
    .filter((e) => e !== "");
  if (entries.length === 0) throw new RangeError("lists no address");
  for (const entry of entries.flatMap((e) => (e.toLowerCase() === "loopback" ? LOOPBACK : [e]))) {
    const [address = "", prefix, ...rest] = entry.split("/");
    const family = isIP(address);
    const bits = prefix === undefined ? undefined : Number(prefix);
    const maxBits = family === 6 ? 128 : 32;
    if (family === 0 || rest.length > 0 || (bits !== undefined && (!/^\d{1,3}$/.test(prefix ?? "") || (bits as number) > maxBits))) {
      throw new RangeError(`"${entry}" is not an IP address, a CIDR range or "loopback"`);
    }
    const type = family === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, bits, type);
  }
  return {
    has(address: string) {
      const plain = plainAddress(address.trim());
      const family = isIP(plain);
      return family !== 0 && list.check(plain, family === 6 ? "ipv6" : "ipv4");
    },
    description: entries.join(", "),
  };
}

type Headers = Record<string, string | string[] | undefined>;

const values = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value.join(",") : (value ?? ""))
    .split(",")
    .map((v) => v.trim())
    .filter((v) => v !== "");

/**
 * Makes a request's forwarding headers say what can be trusted, in place. From a peer that is not
 * a trusted proxy (or with none configured) they are removed. From a trusted proxy, X-Forwarded-For
 * becomes the one client address: the nearest one, walking back from the proxy, that is not itself
 * a trusted proxy (a client can put anything at the front of the list, and a proxy that appends
 * keeps it there). X-Forwarded-Host and -Proto become the value the nearest proxy added, the last.
 */
export function applyForwarding(headers: Headers, peer: string | undefined, trusted: TrustedProxies | null): void {
  if (!trusted || peer === undefined || !trusted.has(peer)) {
    for (const name of FORWARDING_HEADERS) delete headers[name];
    return;
  }
  const chain = values(headers["x-forwarded-for"]);
  if (chain.length > 0) {
    const client = [...chain].reverse().find((address) => !trusted.has(address)) ?? chain[0];
    headers["x-forwarded-for"] = plainAddress(client as string);
  }
  for (const name of ["x-forwarded-host", "x-forwarded-proto"] as const) {
    const last = values(headers[name]).at(-1);
    if (last === undefined) delete headers[name];
    else headers[name] = last;
  }
}
