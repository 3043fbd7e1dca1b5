import { and, count, eq } from "drizzle-orm";
import { users } from "../db/schema";
import { createTestUser } from "./support/db";
import { withDatabase } from "./support/database";
import { expect, signIn, test, pageAlert, REFUSED_SIGN_IN } from "./support/fixtures";

test("a user the admin deactivates is signed out on their next request and cannot sign in", async ({ pageAs, browser, browserErrors }) => {
  browserErrors.expect(REFUSED_SIGN_IN); // the deactivated user's sign-in is refused
  const victim = await createTestUser("editor");
  const victimContext = await browser.newContext();
  const victimPage = await victimContext.newPage();
  await signIn(victimPage, victim.email, victim.password);
  await expect(victimPage.getByRole("heading", { level: 1 })).toBeVisible();

  const admin = await pageAs("admin");
  const adminContext = admin.context();
  await admin.goto("/desk/admin/users");
  const row = admin.getByTestId(`user-${victim.email}`);
  await row.getByRole("button", { name: "停用" }).click();
  await expect(row.getByText(`已停用 ${victim.email}。`)).toBeVisible();
  await expect(row.getByRole("cell", { name: "已停用" })).toBeVisible();

  // The victim's existing session: the very next request lands on sign-in.
  await victimPage.goto("/desk/imports");
  await expect(victimPage).toHaveURL(/\/login/);
  await signIn(victimPage, victim.email, victim.password, { expectDesk: false });
  await expect(pageAlert(victimPage)).toHaveText("邮箱或密码不正确。");

  // Reactivated, they can sign in again.
  await row.getByRole("button", { name: "重新启用" }).click();
  await expect(row.getByText(`已重新启用 ${victim.email}。`)).toBeVisible();
  await signIn(victimPage, victim.email, victim.password);
  await victimContext.close();
  await adminContext.close();
});

test("a role change takes effect on the next request of an existing session", async ({ pageAs, browser }) => {
  const user = await createTestUser("editor");
  const userContext = await browser.newContext();
  const userPage = await userContext.newPage();
  await signIn(userPage, user.email, user.password);
  expect((await userPage.goto("/desk/imports"))?.status()).toBe(200);

  const admin = await pageAs("admin");
  const adminContext = admin.context();
  await admin.goto("/desk/admin/users");
  const row = admin.getByTestId(`user-${user.email}`);
  await row.getByLabel(`角色 ${user.email}`).selectOption("reviewer");
  await row.getByRole("button", { name: "修改角色" }).click();
  await expect(row.getByText(`${user.email} 的角色改为`, { exact: false })).toBeVisible();

  // Their old token no longer counts: they must sign in again, and then are a reviewer.
  await userPage.goto("/desk/imports");
  await expect(userPage).toHaveURL(/\/login/);
  await signIn(userPage, user.email, user.password);
  expect((await userPage.goto("/desk/imports"))?.status()).toBe(403);
  await userContext.close();
  await adminContext.close();
});

test("the last active admin cannot deactivate themselves", async ({ pageAs }) => {
  const admins = await withDatabase(async (db) => (await db.select({ n: count() }).from(users).where(and(eq(users.role, "admin"), eq(users.active, true))))[0]!);
  expect(admins.n, "no other spec creates an admin").toBe(1);
  const page = await pageAs("admin");
  await page.goto("/desk/admin/users");
  const row = page.getByTestId("user-admin@folio.local");
  await row.getByRole("button", { name: "停用" }).click();
  await expect(row.getByText("必须至少保留一名启用的管理员。")).toBeVisible();
  await page.reload();
  await expect(row.getByRole("cell", { name: "启用", exact: true })).toBeVisible();
});
