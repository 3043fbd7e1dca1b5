import { createTestUser } from "./support/db";
import { expect, signIn, test, pageAlert, REFUSED_SIGN_IN } from "./support/fixtures";

test("a user changes their own password: old one required, policy enforced, every session ended", async ({ page, browser, browserErrors }) => {
  browserErrors.expect(REFUSED_SIGN_IN); // the old password is refused after the change
  const user = await createTestUser("reviewer");
  const elsewhere = await (await browser.newContext()).newPage();
  await signIn(elsewhere, user.email, user.password);
  await signIn(page, user.email, user.password);
  await page.goto("/desk/account");
  const current = page.getByLabel("当前密码");
  const next = page.getByLabel("新密码", { exact: true });
  const confirm = page.getByLabel("确认新密码");
  const submit = page.getByRole("button", { name: "修改密码" });

  await current.fill("not my password");
  await next.fill("a brand new passphrase");
  await confirm.fill("a brand new passphrase");
  await submit.click();
  await expect(page.getByText("当前密码不正确。")).toBeVisible();

  await current.fill(user.password);
  await next.fill("too short");
  await confirm.fill("too short");
  await submit.click();
  await expect(page.getByText("密码至少 12 个字符。")).toBeVisible();

  await current.fill(user.password);
  await next.fill("a brand new passphrase");
  await confirm.fill("a different passphrase");
  await submit.click();
  await expect(page.getByText("两次输入的新密码不一致。")).toBeVisible();

  await current.fill(user.password);
  await next.fill("a brand new passphrase");
  await confirm.fill("a brand new passphrase");
  await submit.click();
  // Both sessions end: this one is sent to sign in again, the other is refused on its next request.
  await expect(page).toHaveURL(/\/login\?passwordChanged=1/);
  await expect(page.getByText("密码已修改，请用新密码登录。")).toBeVisible();
  await elsewhere.goto("/desk");
  await expect(elsewhere).toHaveURL(/\/login/);
  await signIn(page, user.email, user.password, { expectDesk: false });
  await expect(pageAlert(page)).toHaveText("邮箱或密码不正确。");
  await signIn(page, user.email, "a brand new passphrase");
});
