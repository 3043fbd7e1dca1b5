import { describe, expect, it } from "vitest";
import { decodeKnownDevice, encodeKnownDevice, isKnownFor, KNOWN_DEVICE_DAYS, rememberSignIn } from "./known-device";

const SECRET = "a".repeat(48);
const DAY = 24 * 60 * 60 * 1000;
const now = Date.UTC(2024, 2, 8);

describe("known devices", () => {
  it("remembers an account signed in from this browser for 30 days", () => {
    const device = rememberSignIn(null, 7, now);
    const cookie = encodeKnownDevice(device, SECRET);
    const read = decodeKnownDevice(cookie, SECRET);
    expect(read).toEqual(device);
    expect(isKnownFor(read, 7, now + 10 * DAY)).toBe(true);
    expect(isKnownFor(read, 7, now + KNOWN_DEVICE_DAYS * DAY)).toBe(false);
    expect(isKnownFor(read, 8, now)).toBe(false);
  });

  it("keeps its id and the other accounts (at most five, newest first) at the next sign-in", () => {
    let device = rememberSignIn(null, 1, now);
    for (const userId of [2, 3, 4, 5, 6, 2]) device = rememberSignIn(device, userId, now + userId * 1000);
    expect(device.accounts.map((a) => a.userId)).toEqual([2, 6, 5, 4, 3]);
    expect(rememberSignIn(device, 9, now).id).toBe(device.id);
  });

  it("refuses a cookie that was changed, made with another secret, or is not one", () => {
    const cookie = encodeKnownDevice(rememberSignIn(null, 7, now), SECRET);
    const [payload, mac] = cookie.split(".") as [string, string];
    const forged = Buffer.from(JSON.stringify({ d: "x", a: [[1, now]] })).toString("base64url");
    for (const bad of [`${forged}.${mac}`, `${payload}.${mac.slice(1)}x`, `${payload}.`, "", "a.b.c", "%%%", "x".repeat(3000)]) {
      expect(decodeKnownDevice(bad, SECRET)).toBeNull();
    }
    expect(decodeKnownDevice(cookie, "b".repeat(48))).toBeNull();
    expect(decodeKnownDevice(undefined, SECRET)).toBeNull();
  });
});
