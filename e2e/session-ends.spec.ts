import { and, eq, isNull } from "drizzle-orm";
import { sessions, users } from "../db/schema";
import { auditActions, createTestUser } from "./support/db";
import { withDatabase } from "./support/database";
import { expect, signIn, test } from "./support/fixtures";
import { raw } from "./support/http";
import { SESSION_IDLE_MINUTES_IN_TESTS as IDLE } from "./support/server-settings";

test("signing out ends the session on the server: a copy of the cookie no longer opens the desk", async ({ browser, baseURL }) => {
  const user = await createTestUser("editor");
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, user.email, user.password);
  const copied = (await context.cookies()).filter((c) => c.name.endsWith("next-auth.session-token")).map((c) => `${c.name}=${c.value}`);
  expect(copied).toHaveLength(1);
  // The copy works while the session lives, from anywhere (no browser, no other cookie).
  expect((await raw(baseURL!, "/desk", { cookies: copied })).status).toBe(200);

  await page.getByRole("button", { name: "退出" }).click();
  await expect(page).toHaveURL(/\/login/);

  const after = await raw(baseURL!, "/desk", { cookies: copied });
  expect(after.status).toBe(307);
  expect(after.headers.get("location")).toContain("/login");
  expect(await auditActions({ action: "auth.signout", actorEmail: user.email })).toHaveLength(1);
  await context.close();
});

/** Moves the person's open session back in time, as if they had signed in or last been seen that many minutes ago. */
async function ageSession(email: string, { signedIn, lastSeen }: { signedIn: number; lastSeen: number }) {
  await withDatabase(async (db) => {
    const user = (await db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!;
    const now = Date.now();
    await db.update(sessions)
      .set({ createdAt: new Date(now - signedIn * 60_000), lastSeenAt: new Date(now - lastSeen * 60_000) })
      .where(and(eq(sessions.userId, user.id), isNull(sessions.endedAt)))
      ;
  });
}

test("a session ends after SESSION_IDLE_MINUTES without use, and 12 hours after sign-in however busy", async ({ browser }) => {
  const user = await createTestUser("editor");
  const context = await browser.newContext();
  const page = await context.newPage();

  await signIn(page, user.email, user.password);
  await ageSession(user.email, { signedIn: IDLE + 10, lastSeen: IDLE - 1 });
  await page.goto("/desk");
  await expect(page).toHaveURL(/\/desk$/);
  await ageSession(user.email, { signedIn: IDLE + 10, lastSeen: IDLE + 1 });
  await page.goto("/desk");
  await expect(page).toHaveURL(/\/login/);
  expect((await auditActions({ action: "auth.session.idle" })).length).toBeGreaterThanOrEqual(1);

  await signIn(page, user.email, user.password);
  await ageSession(user.email, { signedIn: 12 * 60 + 1, lastSeen: 0 });
  await page.goto("/desk");
  await expect(page).toHaveURL(/\/login/);
  expect((await auditActions({ action: "auth.session.expired" })).length).toBeGreaterThanOrEqual(1);
  await context.close();
});
