import { describe, expect, it } from "vitest";
import { isSameOriginRequest } from "./origin";

const from = (headers: Record<string, string>) => isSameOriginRequest((n) => headers[n] ?? null);

describe("same-origin check", () => {
  it("lets a request from our own pages through", () => {
    expect(from({ origin: "http://localhost:3000", host: "localhost:3000" })).toBe(true);
    expect(from({ origin: "https://news.example.cn", host: "127.0.0.1:3000", "x-forwarded-host": "news.example.cn" })).toBe(true);
    expect(from({ origin: "https://news.example.cn", host: "x", "x-forwarded-host": "news.example.cn, proxy.internal" })).toBe(true);
  });

  it("lets a request without Origin through (not sent by a browser page)", () => {
    expect(from({ host: "localhost:3000" })).toBe(true);
  });

  it("refuses a foreign, opaque or malformed Origin, and a request with no host to compare", () => {
    expect(from({ origin: "https://evil.example", host: "localhost:3000" })).toBe(false);
    expect(from({ origin: "http://localhost:3001", host: "localhost:3000" })).toBe(false);
    expect(from({ origin: "https://evil.example", host: "evil.example.localhost:3000" })).toBe(false);
    expect(from({ origin: "null", host: "localhost:3000" })).toBe(false);
    expect(from({ origin: "not a url", host: "localhost:3000" })).toBe(false);
    expect(from({ origin: "http://localhost:3000" })).toBe(false);
  });
});
