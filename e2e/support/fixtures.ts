import { expect, type Page } from "@playwright/test";

export { expect, test } from "@playwright/test";

/** Signs in through the real form (zh-CN, the default interface language), as a person would. */
export async function signIn(page: Page, email: string, password: string, { expectDesk = true } = {}) {
  await page.goto("/login");
  await page.getByLabel("电子邮箱").fill(email);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  if (expectDesk) await expect(page).toHaveURL(/\/desk/);
}

export function deskNav(page: Page) {
  return page.getByRole("navigation", { name: "编辑部导航" });
}

/** The page's own error message (Next.js also keeps an empty route announcer with role=alert). */
export function pageAlert(page: Page) {
  return page.locator("main").getByRole("alert");
}
