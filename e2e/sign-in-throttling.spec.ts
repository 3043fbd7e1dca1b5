import { and, countDistinct, eq, like } from "drizzle-orm";
import { auditLog } from "../db/schema";
import { auditActions, createTestUser, withTestDb } from "./support/db";
import { expect, signIn, test, pageAlert, REFUSED_SIGN_IN } from "./support/fixtures";
import { signInRaw } from "./support/http";

test("after five wrong passwords, even the right one is refused with a clear message", async ({ page, browserErrors }) => {
  browserErrors.expect(REFUSED_SIGN_IN); // wrong passwords, then a throttled right one
  const user = await createTestUser("editor");
  for (let i = 0; i < 5; i++) {
    await signIn(page, user.email, `wrong password ${i}`, { expectDesk: false });
    await expect(pageAlert(page)).toHaveText("邮箱或密码不正确。");
  }
  await signIn(page, user.email, user.password, { expectDesk: false });
  await expect(pageAlert(page)).toHaveText("登录失败次数过多，请 15 分钟后再试。");
  await expect(page).toHaveURL(/\/login/);
  expect(auditActions({ action: "auth.signin.throttled", actorEmail: user.email })).toHaveLength(1);
  expect(auditActions({ action: "auth.signin.failure", actorEmail: user.email })).toHaveLength(5);
});

test("150 attempts from 150 different X-Forwarded-For addresses: after five failures even the right password is refused", async ({ baseURL }) => {
  test.setTimeout(120_000);
  const user = await createTestUser("editor");
  const answers: { error: string | null; signedIn: boolean; right: boolean }[] = [];
  for (let i = 0; i < 150; i++) {
    // Every tenth attempt after the fifth uses the right password.
    const right = i >= 5 && i % 10 === 0;
    const ip = `203.0.${Math.floor(i / 250)}.${(i % 250) + 1}`;
    const answer = await signInRaw(baseURL!, user.email, right ? user.password : `wrong guess ${i}`, { "x-forwarded-for": ip });
    answers.push({ error: answer.error, signedIn: answer.signedIn, right });
  }
  const last = await signInRaw(baseURL!, user.email, user.password, { "x-forwarded-for": "198.51.100.77" });
  answers.push({ error: last.error, signedIn: last.signedIn, right: true });

  expect(answers.slice(0, 5).map((a) => a.error)).toEqual(Array(5).fill("CredentialsSignin"));
  expect(answers.slice(5).every((a) => a.error === "Throttled" && !a.signedIn)).toBe(true);
  expect(answers.filter((a) => a.right)).toHaveLength(15);
  expect(answers.some((a) => a.signedIn)).toBe(false);

  expect(auditActions({ action: "auth.signin.failure", actorEmail: user.email })).toHaveLength(5);
  expect(auditActions({ action: "auth.signin.throttled", actorEmail: user.email })).toHaveLength(146);
  expect(auditActions({ action: "auth.signin.success", actorEmail: user.email })).toHaveLength(0);
  // The addresses were taken as given (the audit log shows 151 different ones); they just do not reset the count.
  const ips = withTestDb((db) => db.select({ n: countDistinct(auditLog.ip) }).from(auditLog).where(and(eq(auditLog.actorEmail, user.email), like(auditLog.action, "auth.signin.%"))).get()!);
  expect(ips.n).toBe(151);
});
