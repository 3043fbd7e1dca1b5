import { describe, expect, it } from "vitest";
import { decideThrottle, SIGN_IN_THROTTLE, sourceDelayMs, type SignInAttempt } from "./throttle";

const S = 1_000;
const MIN = 60 * S;
const now = 10_000 * MIN;
const fail = (at: number, source = "ip:203.0.113.1", knownDevice = false): SignInAttempt => ({ at, source, knownDevice, success: false });
const ok = (at: number, source = "ip:203.0.113.1", knownDevice = false): SignInAttempt => ({ at, source, knownDevice, success: true });
const from = (source: string, knownDevice = false) => ({ source, knownDevice });
const HOME = from("ip:203.0.113.1");

describe("per account and source: a progressive delay", () => {
  it("lets five failures in a row through, then waits 30 s, 1 min, 2 min … up to 15 min after the last one", () => {
    expect([4, 5, 6, 7, 8, 9, 10, 11, 20].map((n) => sourceDelayMs(n) / S)).toEqual([0, 30, 60, 120, 240, 480, 900, 900, 900]);
    const five = [1, 2, 3, 4, 5].map((i) => fail(now - (10 - i) * S));
    expect(decideThrottle(five.slice(0, 4), HOME, now)).toEqual({ throttled: false });
    const lastAt = now - 5 * S;
    expect(decideThrottle(five, HOME, now)).toEqual({ throttled: true, retryAt: lastAt + 30 * S, scope: "source" });
    expect(decideThrottle(five, HOME, lastAt + 30 * S)).toEqual({ throttled: false });
    const six = [...five, fail(lastAt + 30 * S)];
    expect(decideThrottle(six, HOME, lastAt + 60 * S)).toMatchObject({ throttled: true, retryAt: lastAt + 90 * S });
  });

  it("counts only this source: another address of the same account is not slowed", () => {
    const five = [1, 2, 3, 4, 5].map((i) => fail(now - i * S));
    expect(decideThrottle(five, from("ip:198.51.100.7"), now)).toEqual({ throttled: false });
  });

  it("wipes a source's slate at its next success, and forgets failures older than a day", () => {
    const before = [1, 2, 3, 4, 5].map((i) => fail(now - (20 - i) * S));
    expect(decideThrottle([...before, ok(now - 10 * S)], HOME, now)).toEqual({ throttled: false });
    const old = [1, 2, 3, 4, 5].map((i) => fail(now - SIGN_IN_THROTTLE.sourceMemoryMs - i * S));
    expect(decideThrottle(old, HOME, now)).toEqual({ throttled: false });
  });
});

describe("per account: a ceiling over all unknown devices", () => {
  /** n failures from n different addresses, one a minute, the newest a minute ago. */
  const spread = (n: number) => Array.from({ length: n }, (_, i) => fail(now - (i + 1) * MIN, `ip:10.0.${i >> 8}.${i & 255}`));

  it("refuses every unknown device once 20 failures fell within the hour, until the oldest of them is an hour old", () => {
    expect(decideThrottle(spread(19), from("ip:192.0.2.1"), now)).toEqual({ throttled: false });
    const twenty = spread(20);
    expect(decideThrottle(twenty, from("ip:192.0.2.1"), now)).toEqual({ throttled: true, retryAt: now - 20 * MIN + 60 * MIN, scope: "account" });
    expect(decideThrottle(twenty, from("ip:192.0.2.1"), now + 40 * MIN).throttled).toBe(false);
  });

  it("uses the newest twenty when there are more", () => {
    expect(decideThrottle(spread(30), from("ip:192.0.2.1"), now)).toMatchObject({ retryAt: now - 20 * MIN + 60 * MIN });
  });

  it("does not hold a known device: only its own failures slow it down", () => {
    const device = from("device:abc", true);
    expect(decideThrottle(spread(100), device, now)).toEqual({ throttled: false });
    const own = [1, 2, 3, 4, 5].map((i) => fail(now - i * S, "device:abc", true));
    expect(decideThrottle([...spread(100), ...own], device, now)).toMatchObject({ throttled: true, scope: "source" });
  });

  it("does not count a known device's failures against the ceiling", () => {
    const own = Array.from({ length: 30 }, (_, i) => fail(now - (i + 1) * MIN, "device:abc", true));
    expect(decideThrottle(own, from("ip:192.0.2.1"), now)).toEqual({ throttled: false });
  });
});
