import crypto from "node:crypto";

/*
 * A device that recently signed in to an account. After a successful sign-in the browser gets a
 * cookie, signed with a key derived from AUTH_SECRET, naming a random device id and the accounts
 * signed in from it with when. At the next sign-in it lets that account's attempts from this
 * device past the per-account ceiling that strangers' failures can fill (lib/auth/throttle.ts):
 * whoever tries a hundred passwords elsewhere does not lock the person out of their own desk.
 * It grants nothing else: the password is still checked, and the device's own failures still
 * slow it down. It is sent only to /api/auth (its path) and outlives sign-out on purpose.
 */

export const KNOWN_DEVICE_COOKIE = "folio-device";
/** How long after its last sign-in to an account a device stays known to it. */
export const KNOWN_DEVICE_DAYS = 30;
/** Accounts one browser remembers (a shared newsroom machine), the most recent first. */
const MAX_ACCOUNTS = 5;

/** The cookie's name and attributes: Secure (and so `__Secure-`) over https, sent only to next-auth's routes. */
export function knownDeviceCookie(https: boolean) {
  return {
    name: https ? `__Secure-${KNOWN_DEVICE_COOKIE}` : KNOWN_DEVICE_COOKIE,
    options: { httpOnly: true, sameSite: "lax" as const, secure: https, path: "/api/auth", maxAge: KNOWN_DEVICE_DAYS * 24 * 60 * 60 },
  };
}

export type KnownDevice = { id: string; accounts: { userId: number; signedInAt: number }[] };

const KNOWN_MS = KNOWN_DEVICE_DAYS * 24 * 60 * 60 * 1000;

// Its own key, so this signature can never be mistaken for (or help forge) anything else signed with AUTH_SECRET.
const keyOf = (secret: string) => crypto.createHash("sha256").update(`folio known device\0${secret}`).digest();
const sign = (payload: string, secret: string) => crypto.createHmac("sha256", keyOf(secret)).update(payload).digest("base64url");

export function encodeKnownDevice(device: KnownDevice, secret: string): string {
  const payload = Buffer.from(JSON.stringify({ d: device.id, a: device.accounts.map((a) => [a.userId, a.signedInAt]) })).toString("base64url");
  return `${payload}.${sign(payload, secret)}`;
}

/** The device a cookie names, or null when it is missing, malformed or not signed by us. */
export function decodeKnownDevice(value: string | undefined, secret: string): KnownDevice | null {
  if (!value || value.length > 2000) return null;
  const [payload, mac, ...rest] = value.split(".");
  if (!payload || !mac || rest.length > 0) return null;
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  try {
    const data = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { d?: unknown; a?: unknown };
    if (typeof data.d !== "string" || !Array.isArray(data.a)) return null;
    const accounts = data.a.flatMap((e: unknown) =>
      Array.isArray(e) && Number.isInteger(e[0]) && Number.isFinite(e[1]) ? [{ userId: e[0] as number, signedInAt: e[1] as number }] : [],
    );
    return { id: data.d, accounts };
  } catch {
    return null;
  }
}

/** Whether this device signed in to this account within KNOWN_DEVICE_DAYS. */
export function isKnownFor(device: KnownDevice | null, userId: number, now: number): boolean {
  return device?.accounts.some((a) => a.userId === userId && a.signedInAt <= now && now - a.signedInAt < KNOWN_MS) ?? false;
}

/** The device after a successful sign-in to this account (a new device id for a browser without one). */
export function rememberSignIn(device: KnownDevice | null, userId: number, now: number): KnownDevice {
  const others = (device?.accounts ?? []).filter((a) => a.userId !== userId && now - a.signedInAt < KNOWN_MS);
  return {
    id: device?.id ?? crypto.randomBytes(12).toString("base64url"),
    accounts: [{ userId, signedInAt: now }, ...others].slice(0, MAX_ACCOUNTS),
  };
}
