import { auditActions, createTestUser } from "./support/db";
import { expect, signIn, test, pageAlert } from "./support/fixtures";

test("after five wrong passwords, even the right one is refused with a clear message", async ({ page }) => {
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
