import { describe, expect, it } from "vitest";
import { applyForwarding, parseTrustedProxies } from "./forwarded";

const HOSTILE = {
  host: "news.example.cn",
  "x-forwarded-host": "evil.example",
  "x-forwarded-proto": "https",
  "x-forwarded-for": "203.0.113.9",
  "x-forwarded-port": "443",
  "x-real-ip": "203.0.113.9",
  forwarded: "for=203.0.113.9;host=evil.example",
};

function forwarded(headers: Record<string, string>, peer: string | undefined, trust: string | null) {
  const copy: Record<string, string | string[] | undefined> = { ...headers };
  applyForwarding(copy, peer, trust === null ? null : parseTrustedProxies(trust));
  return copy;
}

describe("trusted proxies", () => {
  it("reads addresses, ranges and loopback", () => {
    const trusted = parseTrustedProxies("loopback, 10.0.0.0/8, 192.168.1.5, fd00::/8");
    for (const a of ["127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1", "10.200.3.4", "192.168.1.5", "fd00::7"]) expect(trusted.has(a), a).toBe(true);
    for (const a of ["192.168.1.6", "11.0.0.1", "::2", "fe80::1", "", "nonsense", "::ffff:8.8.8.8"]) expect(trusted.has(a), a).toBe(false);
  });

  it("refuses what is not an address or a range", () => {
    for (const bad of ["nginx", "10.0.0.0/33", "10.0.0.0/", "10.0.0.0/8/1", "::1/129", "300.1.1.1", "*"]) expect(() => parseTrustedProxies(bad), bad).toThrow(RangeError);
    expect(() => parseTrustedProxies(",")).toThrow(/no address/);
  });
});

describe("forwarding headers", () => {
  it("are removed when no proxy is trusted: a visitor cannot name the host, the scheme or their address", () => {
    const result = forwarded(HOSTILE, "127.0.0.1", null);
    expect(result).toEqual({ host: "news.example.cn" });
  });

  it("are removed when the peer is not a trusted proxy", () => {
    expect(forwarded(HOSTILE, "203.0.113.50", "10.0.0.0/8")).toEqual({ host: "news.example.cn" });
    expect(forwarded(HOSTILE, undefined, "loopback")).toEqual({ host: "news.example.cn" });
  });

  it("from a trusted proxy, name the client it saw and the host and scheme it set", () => {
    const result = forwarded({ host: "127.0.0.1:3000", "x-forwarded-host": "news.example.cn", "x-forwarded-proto": "https", "x-forwarded-for": "198.51.100.7" }, "::ffff:127.0.0.1", "loopback");
    expect(result).toMatchObject({ "x-forwarded-host": "news.example.cn", "x-forwarded-proto": "https", "x-forwarded-for": "198.51.100.7" });
  });

  it("skip what a client put in front of a proxy that appends: the nearest untrusted address is the client", () => {
    // nginx's $proxy_add_x_forwarded_for appends the address it saw to whatever the client sent.
    const result = forwarded({ host: "x", "x-forwarded-for": "6.6.6.6, 198.51.100.7, 10.0.0.2", "x-forwarded-host": "evil.example, news.example.cn", "x-forwarded-proto": "http, https" }, "10.0.0.3", "10.0.0.0/8");
    expect(result["x-forwarded-for"]).toBe("198.51.100.7");
    expect(result["x-forwarded-host"]).toBe("news.example.cn");
    expect(result["x-forwarded-proto"]).toBe("https");
  });

  it("from a trusted proxy that sent none, stay absent; a chain of trusted proxies only names its first", () => {
    expect(forwarded({ host: "x" }, "127.0.0.1", "loopback")).toEqual({ host: "x" });
    expect(forwarded({ host: "x", "x-forwarded-for": "10.0.0.9, 10.0.0.2" }, "10.0.0.3", "10.0.0.0/8")["x-forwarded-for"]).toBe("10.0.0.9");
  });
});
