import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, HSTS_VALUE, isHttpsRequest, newNonce, securityHeaders, STATIC_SECURITY_HEADERS } from "./security-headers";

function directives(csp: string): Map<string, string> {
  return new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values.join(" ")]));
}

describe("security headers", () => {
  it("allows scripts only with the response's nonce, and nothing from elsewhere", () => {
    const csp = directives(contentSecurityPolicy({ nonce: "abc123==", https: false }));
    expect(csp.get("default-src")).toBe("'self'");
    expect(csp.get("script-src")).toBe("'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(csp.get("script-src")).not.toContain("unsafe-inline");
    expect(csp.get("script-src")).not.toContain("unsafe-eval");
    expect(csp.get("style-src")).toBe("'self' 'unsafe-inline'");
    expect(csp.get("img-src")).toBe("'self' data:");
    expect(csp.get("object-src")).toBe("'none'");
    expect(csp.get("base-uri")).toBe("'none'");
    expect(csp.get("frame-ancestors")).toBe("'none'");
    expect(csp.get("form-action")).toBe("'self'");
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
  });

  it("adds 'unsafe-eval' only for next dev and upgrade-insecure-requests only over https", () => {
    expect(contentSecurityPolicy({ nonce: "n", https: false, dev: true })).toContain("'strict-dynamic' 'unsafe-eval'");
    expect(directives(contentSecurityPolicy({ nonce: "n", https: true })).has("upgrade-insecure-requests")).toBe(true);
  });

  it("sends HSTS only over https", () => {
    expect(securityHeaders({ csp: "x", https: false })).not.toHaveProperty("strict-transport-security");
    expect(securityHeaders({ csp: "x", https: true })["strict-transport-security"]).toBe(HSTS_VALUE);
    expect(securityHeaders({ csp: "x", https: true })).toMatchObject(STATIC_SECURITY_HEADERS);
  });

  it("tells https from the forwarded protocol, the request URL or the public URL", () => {
    expect(isHttpsRequest({ forwardedProto: "https" })).toBe(true);
    expect(isHttpsRequest({ forwardedProto: "HTTPS, http" })).toBe(true);
    expect(isHttpsRequest({ forwardedProto: "http, https" })).toBe(false);
    expect(isHttpsRequest({ forwardedProto: null, url: "https://news.example.cn/" })).toBe(true);
    expect(isHttpsRequest({ forwardedProto: null, url: "http://localhost:3000/", publicUrl: "https://news.example.cn" })).toBe(true);
    expect(isHttpsRequest({ forwardedProto: null, url: "http://localhost:3000/" })).toBe(false);
  });

  it("makes a fresh 128-bit nonce each time, in the characters CSP and Next accept", () => {
    const a = newNonce();
    const b = newNonce();
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
