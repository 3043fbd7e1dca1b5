import { describe, expect, it } from "vitest";
import { decideThrottle, THROTTLE_WINDOW_MS } from "./throttle";

const MIN = 60_000;

describe("sign-in throttling", () => {
  const now = 1_000 * MIN;

  it("allows up to four recent failures", () => {
    expect(decideThrottle([now - 4 * MIN, now - 3 * MIN, now - 2 * MIN, now - MIN], now).throttled).toBe(false);
  });

  it("refuses after five failures within 15 minutes, until the oldest of them leaves the window", () => {
    const failures = [now - 10 * MIN, now - 4 * MIN, now - 3 * MIN, now - 2 * MIN, now - MIN];
    const d = decideThrottle(failures, now);
    expect(d).toEqual({ throttled: true, retryAt: now - 10 * MIN + THROTTLE_WINDOW_MS });
    expect(decideThrottle(failures, now + 5 * MIN - 1).throttled).toBe(true);
    expect(decideThrottle(failures, now + 5 * MIN).throttled).toBe(false);
  });

  it("ignores failures older than the window", () => {
    const failures = [now - 20 * MIN, now - 16 * MIN, now - 3 * MIN, now - 2 * MIN, now - MIN];
    expect(decideThrottle(failures, now).throttled).toBe(false);
  });

  it("uses the newest five when there are more", () => {
    const failures = Array.from({ length: 8 }, (_, i) => now - (i + 1) * MIN);
    expect(decideThrottle(failures, now)).toEqual({ throttled: true, retryAt: now - 5 * MIN + THROTTLE_WINDOW_MS });
  });
});
