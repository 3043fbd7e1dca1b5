import { auditActions } from "./support/db";
import { deskNav, expect, signIn, test } from "./support/fixtures";

test("an admin creates a user who can then sign in, with bad input refused clearly", async ({ pageAs, browser }) => {
  const page = await pageAs("admin");
  await page.goto("/desk/admin/users");
  const form = page.getByRole("region", { name: "新建用户" });
  const email = `new-${Date.now()}@test.folio`;

  // Empty form: every field says what is missing, nothing is created.
  await form.getByRole("button", { name: "新建用户" }).click();
  await expect(form.getByText("必填。").first()).toBeVisible();

  await form.getByLabel("姓名").fill("新编辑");
  await form.getByLabel("电子邮箱").fill(email);
  await form.getByLabel("角色").selectOption("editor");
  await form.getByLabel("初始密码").fill("short");
  await form.getByRole("button", { name: "新建用户" }).click();
  await expect(form.getByText("密码至少 12 个字符。")).toBeVisible();

  // The refused form kept what was typed (but not the password).
  await expect(form.getByLabel("姓名")).toHaveValue("新编辑");
  await expect(form.getByLabel("初始密码")).toHaveValue("");
  await form.getByLabel("电子邮箱").fill("editor@folio.local");
  await form.getByLabel("初始密码").fill("a long enough password");
  await form.getByRole("button", { name: "新建用户" }).click();
  await expect(form.getByText("该邮箱已被使用。")).toBeVisible();

  await form.getByLabel("电子邮箱").fill(email);
  await form.getByLabel("初始密码").fill("a long enough password");
  await form.getByRole("button", { name: "新建用户" }).click();
  await expect(form.getByText(`已创建用户 ${email}。`)).toBeVisible();
  await expect(page.getByTestId(`user-${email}`)).toBeVisible();
  expect((await auditActions({ action: "user.create", actorEmail: "admin@folio.local" })).length).toBeGreaterThan(0);

  const other = await browser.newContext();
  const newcomer = await other.newPage();
  await signIn(newcomer, email, "a long enough password");
  await expect(deskNav(newcomer).getByRole("link", { name: "导入" })).toBeVisible();

  // A password reset by the admin ends the newcomer's session and the old password.
  const row = page.getByTestId(`user-${email}`);
  await row.getByLabel(`新密码 ${email}`).fill("reset by the admin 42");
  await row.getByRole("button", { name: "重置密码" }).click();
  await expect(row.getByText(`已重置 ${email} 的密码。`)).toBeVisible();
  await newcomer.goto("/desk");
  await expect(newcomer).toHaveURL(/\/login/);
  await signIn(newcomer, email, "reset by the admin 42");
  await other.close();
});
