import { removeTemporaryDatabase } from "@/db/testing/temporary-database";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEntries } from "@/db/queries/audit";
import { endSession, getSession } from "@/db/queries/sessions";
import { backdateSessions } from "@/db/testing/builders";
import { createUser, getUserByEmail, updateUser } from "@/db/queries/users";
import { hashPassword } from "@/lib/auth/password";
import { SIGNIN_ERROR } from "@/lib/auth/signin-errors";
import { authorizeCredentials, sessionLives, type SignedIn } from "./auth";

afterAll(removeTemporaryDatabase);

const PASSWORD = "a perfectly fine passphrase";

beforeAll(async () => {
  const passwordHash = await hashPassword(PASSWORD);
  await createUser({ email: "Editor@Paper.cn", name: "E", role: "editor", passwordHash });
  await createUser({ email: "gone@paper.cn", name: "G", role: "editor", passwordHash });
  await updateUser({ id: (await getUserByEmail({ email: "gone@paper.cn" }))!.id, changes: { active: false }, endSessions: true });
  await createUser({ email: "locked@paper.cn", name: "L", role: "editor", passwordHash });
});

const at = (ip: string | null) => ({ ip });

describe("credentials sign-in", () => {
  it("accepts the right password, with the email in any case", async () => {
    const signedIn = await authorizeCredentials({ email: " editor@PAPER.cn ", password: PASSWORD }, at("10.0.0.1"));
    expect(signedIn?.user.email).toBe("editor@paper.cn");
    const { rows } = await listAuditEntries({ action: "auth.signin.success", page: 1, pageSize: 10 });
    expect(rows[0]?.ip).toBe("10.0.0.1");
  });

  it("gives the same answer for an unknown email, a wrong password and a deactivated user", async () => {
    expect(await authorizeCredentials({ email: "nobody@paper.cn", password: PASSWORD }, at(null))).toBeNull();
    expect(await authorizeCredentials({ email: "editor@paper.cn", password: "wrong password!!" }, at(null))).toBeNull();
    expect(await authorizeCredentials({ email: "gone@paper.cn", password: PASSWORD }, at(null))).toBeNull();
    const { rows } = await listAuditEntries({ action: "auth.signin.failure", page: 1, pageSize: 10 });
    expect(rows.map((r) => r.detail?.reason).sort()).toEqual(["deactivated", "unknown_email", "wrong_password"]);
  });

  it("refuses malformed input without throwing", async () => {
    expect(await authorizeCredentials(undefined, at(null))).toBeNull();
    expect(await authorizeCredentials({ email: "", password: "" }, at(null))).toBeNull();
    expect(await authorizeCredentials({ email: "x@y.z", password: "p".repeat(10_000) }, at(null))).toBeNull();
  });

  it("makes one address wait after five failures there, even for the right password, and records the refusal", async () => {
    for (let i = 0; i < 5; i++) {
      expect(await authorizeCredentials({ email: "locked@paper.cn", password: `wrong ${i} attempt` }, at("10.0.0.5"))).toBeNull();
    }
    await expect(authorizeCredentials({ email: "locked@paper.cn", password: PASSWORD }, at("10.0.0.5"))).rejects.toThrow(/^Throttled:(29|30)$/);
    // An unknown email is throttled the same way, so throttling reveals nothing.
    for (let i = 0; i < 5; i++) await authorizeCredentials({ email: "ghost@paper.cn", password: "nope nope nope" }, at(null));
    await expect(authorizeCredentials({ email: "ghost@paper.cn", password: "nope" }, at(null))).rejects.toThrow(SIGNIN_ERROR.throttled);
    expect((await listAuditEntries({ action: "auth.signin.throttled", page: 1, pageSize: 10 })).total).toBe(2);
    // Elsewhere, the person still signs in.
    expect(await authorizeCredentials({ email: "locked@paper.cn", password: PASSWORD }, at("10.9.9.9"))).not.toBeNull();
  });
});

// Each wrong password costs a real argon2 check (about 0.1 s, more under load).
describe("strangers cannot lock the person out", { timeout: 60_000 }, () => {
  async function account() {
    const email = `owner-${Math.random().toString(36).slice(2)}@paper.cn`;
    await createUser({ email, name: "O", role: "admin", passwordHash: await hashPassword(PASSWORD) });
    return email;
  }
  /** Wrong passwords from as many addresses, one each (those past the ceiling are refused unchecked). */
  async function strangers(email: string, n: number) {
    for (let i = 0; i < n; i++) await authorizeCredentials({ email, password: `guess ${i} of many` }, at(`203.0.113.${i + 1}`)).catch(() => null);
  }

  it("refuses every unknown device once 20 failures fell within the hour, the right password too", async () => {
    const email = await account();
    await strangers(email, 20);
    await expect(authorizeCredentials({ email, password: PASSWORD }, at("198.51.100.1"))).rejects.toThrow(SIGNIN_ERROR.throttled);
    const refusal = (await listAuditEntries({ action: "auth.signin.throttled", page: 1, pageSize: 1 })).rows[0];
    expect(refusal?.detail).toMatchObject({ scope: "account", knownDevice: false });
  });

  it("lets a device that signed in to the account before in with the right password, and remembers it again", async () => {
    const email = await account();
    const first = await authorizeCredentials({ email, password: PASSWORD }, at("192.0.2.10"));
    if (!first) throw new Error("sign-in failed");
    await strangers(email, 25);
    const again = await authorizeCredentials({ email, password: PASSWORD }, { ip: "192.0.2.10", device: first.device });
    expect(again?.user.email).toBe(email);
    expect(again?.device.id).toBe(first.device.id);
    // The device's own failures still slow it down.
    for (let i = 0; i < 5; i++) expect(await authorizeCredentials({ email, password: `my own typo ${i}` }, { ip: "192.0.2.10", device: first.device })).toBeNull();
    await expect(authorizeCredentials({ email, password: PASSWORD }, { ip: "192.0.2.10", device: first.device })).rejects.toThrow(SIGNIN_ERROR.throttled);
  });

  it("does not let a device known to another account past this one's ceiling", async () => {
    const mine = await account();
    const theirs = await account();
    const other = await authorizeCredentials({ email: theirs, password: PASSWORD }, at("192.0.2.20"));
    await strangers(mine, 20);
    await expect(authorizeCredentials({ email: mine, password: PASSWORD }, { ip: "192.0.2.20", device: other!.device })).rejects.toThrow(SIGNIN_ERROR.throttled);
  });
});

describe("sessions end on the server", () => {
  const MIN = 60_000;
  async function signedIn() {
    const email = `session-${Math.random().toString(36).slice(2)}@paper.cn`;
    await createUser({ email, name: "S", role: "editor", passwordHash: await hashPassword(PASSWORD) });
    const signedIn = await authorizeCredentials({ email, password: PASSWORD }, { ip: "10.0.0.7", userAgent: "Test Browser" });
    if (!signedIn) throw new Error("sign-in failed");
    return signedIn.user;
  }
  /** Moves the person's (only) session back in time. */
  const age = async (user: SignedIn, { signedInMinutesAgo = 0, lastSeenMinutesAgo = 0 }) => {
    const now = Date.now();
    await backdateSessions({ userId: Number(user.id), signedInAt: new Date(now - signedInMinutesAgo * MIN), lastSeenAt: new Date(now - lastSeenMinutesAgo * MIN) });
  };

  it("starts one for each sign-in, known by a hash of the cookie's id", async () => {
    const user = await signedIn();
    expect(user.sid).toMatch(/^[\w-]{43}$/);
    const row = await getSession({ sessionId: user.sid });
    expect(row).toMatchObject({ userId: Number(user.id), ip: "10.0.0.7", userAgent: "Test Browser", endedAt: null });
    expect(row?.id).not.toContain(user.sid);
    expect(await sessionLives(user.sid, { activity: true })).toBe(true);
  });

  it("ends it at sign-out for good", async () => {
    const user = await signedIn();
    expect(await endSession({ sessionId: user.sid, reason: "sign_out" })).toBe(true);
    expect(await sessionLives(user.sid, { activity: true })).toBe(false);
    expect(await getSession({ sessionId: user.sid })).toMatchObject({ endReason: "sign_out" });
  });

  it("ends one left idle past SESSION_IDLE_MINUTES (30), recording why", async () => {
    const user = await signedIn();
    await age(user, { signedInMinutesAgo: 40, lastSeenMinutesAgo: 29 });
    expect(await sessionLives(user.sid, { activity: true })).toBe(true);
    await age(user, { signedInMinutesAgo: 40, lastSeenMinutesAgo: 31 });
    expect(await sessionLives(user.sid, { activity: true })).toBe(false);
    expect(await getSession({ sessionId: user.sid })).toMatchObject({ endReason: "idle" });
    expect((await listAuditEntries({ action: "auth.session.idle", page: 1, pageSize: 10 })).rows.some((r) => r.actorId === Number(user.id))).toBe(true);
    // Even a fresh last-seen time does not bring it back.
    await age(user, { signedInMinutesAgo: 40, lastSeenMinutesAgo: 0 });
    expect(await sessionLives(user.sid, { activity: true })).toBe(false);
  });

  it("ends every one SESSION_MAX_HOURS (12) after sign-in, however active", async () => {
    const user = await signedIn();
    await age(user, { signedInMinutesAgo: 12 * 60 - 1, lastSeenMinutesAgo: 0 });
    expect(await sessionLives(user.sid, { activity: true })).toBe(true);
    await age(user, { signedInMinutesAgo: 12 * 60, lastSeenMinutesAgo: 0 });
    expect(await sessionLives(user.sid, { activity: true })).toBe(false);
    expect(await getSession({ sessionId: user.sid })).toMatchObject({ endReason: "expired" });
  });

  it("renews the idle limit only for the person's own requests, not for a heartbeat", async () => {
    const user = await signedIn();
    await age(user, { signedInMinutesAgo: 20, lastSeenMinutesAgo: 20 });
    const before = (await getSession({ sessionId: user.sid }))!.lastSeenAt;
    expect(await sessionLives(user.sid, { activity: false })).toBe(true);
    expect((await getSession({ sessionId: user.sid }))!.lastSeenAt).toEqual(before);
    expect(await sessionLives(user.sid, { activity: true })).toBe(true);
    expect((await getSession({ sessionId: user.sid }))!.lastSeenAt.getTime()).toBeGreaterThan(before.getTime());
  });

  it("knows no session for a missing or made-up id", async () => {
    expect(await sessionLives(undefined, { activity: true })).toBe(false);
    expect(await sessionLives("not-a-session", { activity: true })).toBe(false);
  });
});

describe("a session while another process holds the write lock", () => {
  // SQLite's write lock held by a second connection (as a backup or a script could); on
  // PostgreSQL "busy" is a row lock past lock_timeout, tested in db/postgres-busy.test.ts.
  it.skipIf(process.env.FOLIO_TEST_ENGINE === "postgres")("still lives, its last-seen time left for the next request", { timeout: 30_000 }, async () => {
    const email = `busy-${Math.random().toString(36).slice(2)}@paper.cn`;
    await createUser({ email, name: "B", role: "editor", passwordHash: await hashPassword(PASSWORD) });
    const user = (await authorizeCredentials({ email, password: PASSWORD }, at("10.0.0.8")))!.user;
    const now = Date.now();
    await backdateSessions({ userId: Number(user.id), signedInAt: new Date(now - 20 * 60_000), lastSeenAt: new Date(now - 20 * 60_000) });
    const before = (await getSession({ sessionId: user.sid }))!.lastSeenAt;
    const other = new Database(process.env.DATABASE_PATH!);
    other.exec("BEGIN EXCLUSIVE");
    try {
      expect(await sessionLives(user.sid, { activity: true })).toBe(true);
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
    expect((await getSession({ sessionId: user.sid }))!.lastSeenAt).toEqual(before);
    expect(await sessionLives(user.sid, { activity: true })).toBe(true);
    expect((await getSession({ sessionId: user.sid }))!.lastSeenAt.getTime()).toBeGreaterThan(before.getTime());
  });
});
