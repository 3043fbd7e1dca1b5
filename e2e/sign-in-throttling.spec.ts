import { and, countDistinct, eq, like } from "drizzle-orm";
import { auditLog } from "../db/schema";
import { auditActions, createTestUser } from "./support/db";
import { withDatabase } from "./support/database";
import { expect, signIn, test, pageAlert, REFUSED_SIGN_IN } from "./support/fixtures";
import { signInRaw } from "./support/http";

test("after five wrong passwords from one place, that place waits (even with the right one), told how long", async ({ page, browserErrors }) => {
  browserErrors.expect(REFUSED_SIGN_IN); // wrong passwords, then a throttled right one
  const user = await createTestUser("editor");
  for (let i = 0; i < 5; i++) {
    await signIn(page, user.email, `wrong password ${i}`, { expectDesk: false });
    await expect(pageAlert(page)).toHaveText("邮箱或密码不正确。");
  }
  await signIn(page, user.email, user.password, { expectDesk: false });
  // The wait counts from the fifth failure: 30 s, less the moments since.
  await expect(pageAlert(page)).toHaveText(/^登录失败次数过多，请 (2\d|30) 秒后再试。$/);
  await expect(page).toHaveURL(/\/login/);
  expect(await auditActions({ action: "auth.signin.throttled", actorEmail: user.email })).toHaveLength(1);
  expect(await auditActions({ action: "auth.signin.failure", actorEmail: user.email })).toHaveLength(5);
});

test("a stranger's wrong passwords from one address do not lock the account for the person elsewhere", async ({ baseURL, page }) => {
  const user = await createTestUser("editor");
  for (let i = 0; i < 8; i++) await signInRaw(baseURL!, user.email, `stranger guess ${i}`, { "x-forwarded-for": "198.51.100.9" });
  const stranger = await signInRaw(baseURL!, user.email, user.password, { "x-forwarded-for": "198.51.100.9" });
  expect(stranger).toMatchObject({ signedIn: false });
  expect(stranger.error).toMatch(/^Throttled/);
  // The person, at their own desk (another address), gets in at once.
  await signIn(page, user.email, user.password);
});

test("strangers from 150 addresses: after an hour's ceiling of 20 failures no new device gets in, but a device that signed in before does", async ({ baseURL, browser }) => {
  test.setTimeout(120_000);
  const user = await createTestUser("admin");
  // The person signed in on this browser earlier (and signed out): it is a known device now.
  const desk = await browser.newContext();
  const deskPage = await desk.newPage();
  await signIn(deskPage, user.email, user.password);
  await deskPage.getByRole("button", { name: "退出" }).click();
  await expect(deskPage).toHaveURL(/\/login/);
  // What makes it known: a signed cookie that only the sign-in routes see, and no script.
  const device = (await desk.cookies()).find((c) => c.name === "folio-device");
  expect(device).toMatchObject({ httpOnly: true, path: "/api/auth", sameSite: "Lax" });

  const answers: { error: string | null; signedIn: boolean; right: boolean }[] = [];
  for (let i = 0; i < 150; i++) {
    // Every tenth attempt from the twentieth on uses the right password.
    const right = i >= 20 && i % 10 === 0;
    const ip = `203.0.${Math.floor(i / 250)}.${(i % 250) + 1}`;
    const answer = await signInRaw(baseURL!, user.email, right ? user.password : `wrong guess ${i}`, { "x-forwarded-for": ip });
    answers.push({ error: answer.error, signedIn: answer.signedIn, right });
  }
  const last = await signInRaw(baseURL!, user.email, user.password, { "x-forwarded-for": "198.51.100.77" });
  answers.push({ error: last.error, signedIn: last.signedIn, right: true });

  expect(answers.slice(0, 20).map((a) => a.error)).toEqual(Array(20).fill("CredentialsSignin"));
  expect(answers.slice(20).every((a) => a.error?.startsWith("Throttled") && !a.signedIn)).toBe(true);
  expect(answers.filter((a) => a.right)).toHaveLength(14);
  expect(answers.some((a) => a.signedIn)).toBe(false);
  expect(await auditActions({ action: "auth.signin.failure", actorEmail: user.email })).toHaveLength(20);
  expect(await auditActions({ action: "auth.signin.throttled", actorEmail: user.email })).toHaveLength(131);
  // The addresses were taken as given (the audit log shows them all); they just do not reset the ceiling.
  const ips = await withDatabase(async (db) => (await db.select({ n: countDistinct(auditLog.ip) }).from(auditLog).where(and(eq(auditLog.actorEmail, user.email), like(auditLog.action, "auth.signin.%"))))[0]!);
  expect(ips.n).toBeGreaterThanOrEqual(151);

  // The person at their own desk still signs in: the locked-out admin is not locked out.
  await signIn(deskPage, user.email, user.password);
  await expect(deskPage.getByRole("heading", { level: 1 })).toBeVisible();
  await desk.close();
});
