import { describe, expect, it } from "vitest";
import { ACTION_BODY_BYTES, IMPORT_WORK_BODY_BYTES } from "../limits";
import { bodyRefusal, nestsDeeperThan } from "./request-body";

const refusal = (method: string, pathname: string, headers: Record<string, string>) => bodyRefusal({ method, pathname, header: (name) => headers[name] });

describe("bodies refused on their headers", () => {
  it("a body longer than its route's limit: 413 naming the limit", () => {
    expect(refusal("POST", "/desk/imports/new", { "content-length": String(ACTION_BODY_BYTES) })).toBeNull();
    expect(refusal("POST", "/desk/imports/new", { "content-length": String(ACTION_BODY_BYTES + 1) })).toEqual({ status: 413, message: expect.stringContaining("8 MB") });
    // The workbench save may carry more than an action: 11–23 MB of valid JSON goes through.
    expect(refusal("PUT", "/api/imports/3/work", { "content-length": String(23 * 1024 * 1024) })).toBeNull();
    expect(refusal("PUT", "/api/imports/3/work", { "content-length": String(IMPORT_WORK_BODY_BYTES + 1) })?.status).toBe(413);
    expect(refusal("POST", "/api/auth/callback/credentials", { "content-length": String(1024 * 1024) })?.status).toBe(413);
  });

  it("a body of unknown length: 411; none at all: let through", () => {
    expect(refusal("POST", "/", { "transfer-encoding": "chunked" })?.status).toBe(411);
    expect(refusal("GET", "/", {})).toBeNull();
    expect(refusal("POST", "/", { "content-length": "0" })).toBeNull();
  });
});

describe("nesting depth", () => {
  it("counts brackets and braces in one pass, outside strings", () => {
    expect(nestsDeeperThan('{"a":[{"b":[1]}]}', 4)).toBe(false);
    expect(nestsDeeperThan('{"a":[{"b":[[1]]}]}', 4)).toBe(true);
    expect(nestsDeeperThan(`["${"[".repeat(1000)}"]`, 4)).toBe(false);
    expect(nestsDeeperThan(`["\\"${"[".repeat(10)}"]`, 4)).toBe(false);
    expect(nestsDeeperThan(`["\\\\", ${"[".repeat(10)}`, 4)).toBe(true);
    // Siblings do not add up.
    expect(nestsDeeperThan("[[1],[2],[3],[4],[5],[6]]", 2)).toBe(false);
    // Stray closers do not go below zero and then hide depth.
    expect(nestsDeeperThan(`${"]".repeat(10)}${"[".repeat(5)}`, 4)).toBe(true);
  });

  it("refuses 200,000 levels without recursion, and lets a body through", () => {
    expect(nestsDeeperThan("[".repeat(200_000) + "]".repeat(200_000))).toBe(true);
    expect(nestsDeeperThan(JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "荣昌" }] }] }))).toBe(false);
  });
});
