import { removeTemporaryDatabase } from "@/db/testing/temporary-database";
import { afterAll, describe, expect, it } from "vitest";
import { aUser } from "@/db/testing/builders";
import { countActiveAdmins, getUserById, listUsers, updateUserKeepingAnAdmin } from "./users";

afterAll(removeTemporaryDatabase);

/*
 * There is always an active admin (lib/auth/user-rules.ts). The count and the change are one
 * transaction, so two admins taking each other's rights at the same moment cannot both succeed.
 */
describe("updateUserKeepingAnAdmin", () => {
  it("refuses to demote or deactivate the only active admin, and changes nothing", async () => {
    const others = await countActiveAdmins();
    const admin = await aUser({ role: "admin" });
    // Only meaningful when this admin is the only one: the temporary database starts with none.
    expect(others).toBe(0);
    expect(await updateUserKeepingAnAdmin({ id: admin.id, changes: { role: "editor" }, endSessions: true })).toEqual({ ok: false, reason: "last_admin" });
    expect(await updateUserKeepingAnAdmin({ id: admin.id, changes: { active: false }, endSessions: true })).toEqual({ ok: false, reason: "last_admin" });
    expect(await getUserById({ id: admin.id })).toMatchObject({ role: "admin", active: true, version: admin.version, sessionVersion: admin.sessionVersion });

    const second = await aUser({ role: "admin" });
    const demoted = await updateUserKeepingAnAdmin({ id: admin.id, changes: { role: "editor" }, endSessions: true });
    expect(demoted).toMatchObject({ ok: true, before: { role: "admin" }, user: { role: "editor", sessionVersion: admin.sessionVersion + 1 } });
    // Back to one admin (the second) for the next test.
    expect(await countActiveAdmins()).toBe(1);
    expect(await updateUserKeepingAnAdmin({ id: second.id, changes: { active: false }, endSessions: true })).toEqual({ ok: false, reason: "last_admin" });
  });

  it("a change that changes nothing is no write; a user that is gone is not found", async () => {
    const editor = await aUser({ role: "editor" });
    const same = await updateUserKeepingAnAdmin({ id: editor.id, changes: { role: "editor" }, endSessions: true });
    expect(same).toMatchObject({ ok: true, user: { version: editor.version, sessionVersion: editor.sessionVersion } });
    expect(await updateUserKeepingAnAdmin({ id: 987654, changes: { active: false }, endSessions: true })).toEqual({ ok: false, reason: "not_found" });
  });

  it("two admins demoting each other at once leave one of them admin", async () => {
    const a = await aUser({ role: "admin" });
    const b = await aUser({ role: "admin" });
    // Exactly these two admins: the others (from the tests above) step down while a and b stay.
    for (const other of (await listUsers()).filter((u) => u.role === "admin" && u.active && u.id !== a.id && u.id !== b.id))
      expect(await updateUserKeepingAnAdmin({ id: other.id, changes: { role: "editor" }, endSessions: true })).toMatchObject({ ok: true });
    expect(await countActiveAdmins()).toBe(2);
    for (let round = 0; round < 4; round++) {
      // Each demotes the other (one by role, one by signing in no more), in the same moment.
      const outcomes = await Promise.all([
        updateUserKeepingAnAdmin({ id: a.id, changes: { role: "editor" }, endSessions: true }),
        updateUserKeepingAnAdmin({ id: b.id, changes: { active: false }, endSessions: true }),
      ]);
      expect(outcomes.map((o) => (o.ok ? "ok" : o.reason)).sort()).toEqual(["last_admin", "ok"]);
      expect(await countActiveAdmins()).toBe(1);
      // Both admins again for the next round (a promotion never leaves the paper without one).
      expect(await updateUserKeepingAnAdmin({ id: a.id, changes: { role: "admin" }, endSessions: true })).toMatchObject({ ok: true });
      expect(await updateUserKeepingAnAdmin({ id: b.id, changes: { active: true }, endSessions: true })).toMatchObject({ ok: true });
    }
  });
});
