import { DEMO_PASSWORD } from "./support/db";
import { expect, pageAlert, signIn, test, REFUSED_SIGN_IN } from "./support/fixtures";

test("an admin reads the audit log newest first and filters it by user and action", async ({ page, browserErrors }) => {
  browserErrors.expect(REFUSED_SIGN_IN); // a wrong password first, to have a failure to filter by
  await signIn(page, "editor@folio.local", "wrong password here", { expectDesk: false });
  await expect(pageAlert(page)).toHaveText("邮箱或密码不正确。");
  await signIn(page, "admin@folio.local", DEMO_PASSWORD);
  await page.goto("/desk/admin/audit");
  const rows = page.getByRole("row");
  // Newest first: the admin's own sign-in is the first entry.
  await expect(rows.nth(1)).toContainText("auth.signin.success");
  await expect(rows.nth(1)).toContainText("王主任");

  await page.getByLabel("按操作").selectOption("auth.signin.failure");
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/action=auth.signin.failure/);
  const failures = page.getByRole("row");
  expect(await failures.count()).toBeGreaterThan(1);
  for (const text of await failures.allInnerTexts()) {
    if (!text.includes("auth.signin")) continue;
    expect(text).toContain("auth.signin.failure");
  }
  await expect(page.getByRole("cell", { name: "李编辑" }).first()).toBeVisible();

  await page.getByLabel("按用户").selectOption({ label: "王主任 (admin@folio.local)" });
  await page.getByLabel("按操作").selectOption("");
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/user=\d+/);
  for (const text of (await page.getByRole("row").allInnerTexts()).slice(1)) expect(text).toContain("王主任");
  await expect(page.getByText(/第 1 \/ \d+ 页/)).toBeVisible();
});
