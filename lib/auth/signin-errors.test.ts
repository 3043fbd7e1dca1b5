import { describe, expect, it } from "vitest";
import { readSigninError, throttledError } from "./signin-errors";

describe("sign-in error codes", () => {
  it("carry a throttled attempt's wait in whole seconds, never zero", () => {
    expect(throttledError(29_001)).toBe("Throttled:30");
    expect(throttledError(0)).toBe("Throttled:1");
    expect(readSigninError(throttledError(15 * 60_000))).toEqual({ kind: "throttled", waitSeconds: 900 });
  });

  it("read the other codes, and anything else as a plain failure", () => {
    expect(readSigninError("CredentialsSignin")).toEqual({ kind: "invalid" });
    expect(readSigninError("Throttled")).toEqual({ kind: "throttled", waitSeconds: null });
    expect(readSigninError("Throttled:abc")).toEqual({ kind: "error" });
    expect(readSigninError("Configuration")).toEqual({ kind: "error" });
  });
});
