import { describe, expect, it } from "vitest";
import { checkPasswordPolicy, hashPassword, isCommonPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("hashes with argon2id at or above OWASP's parameters and verifies", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash.startsWith("$argon2id$")).toBe(true);
    const params = Object.fromEntries(hash.split("$")[3]!.split(",").map((kv) => kv.split("=")));
    expect(Number(params.m)).toBeGreaterThanOrEqual(19 * 1024);
    expect(Number(params.t)).toBeGreaterThanOrEqual(2);
    expect(await verifyPassword(hash, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(hash, "correct horse battery stapl")).toBe(false);
  });

  it("does not truncate long passwords", async () => {
    const long = "长".repeat(40) + "x".repeat(40);
    const hash = await hashPassword(long);
    expect(await verifyPassword(hash, long)).toBe(true);
    expect(await verifyPassword(hash, long.slice(0, -1))).toBe(false);
  });

  it("treats a malformed hash as a mismatch", async () => {
    expect(await verifyPassword("not-a-hash", "whatever")).toBe(false);
  });
});

describe("password policy", () => {
  it("requires at least 12 characters, counting CJK characters as one each", () => {
    expect(checkPasswordPolicy("short")).toBe("too_short");
    expect(checkPasswordPolicy("abcdefghijk")).toBe("too_short");
    expect(checkPasswordPolicy("这是一个很长的中文密码啊啊")).toBeNull();
    expect(checkPasswordPolicy("tangerine-lamp-42")).toBeNull();
  });

  it("refuses very long input", () => {
    expect(checkPasswordPolicy("x".repeat(257))).toBe("too_long");
  });

  it("knows the most common passwords, case-insensitively", () => {
    expect(isCommonPassword("123456")).toBe(true);
    expect(isCommonPassword("Password")).toBe(true);
    expect(isCommonPassword("qwertyuiop")).toBe(true);
    expect(isCommonPassword("tangerine-lamp-42")).toBe(false);
  });
});
