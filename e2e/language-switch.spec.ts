import { deskNav, expect, test } from "./support/fixtures";

test.use({ signedInAs: "reviewer" });

test("the language switch changes the interface text and is remembered", async ({ page }) => {
  await page.goto("/desk");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(deskNav(page).getByRole("link", { name: "审核队列" })).toBeVisible();

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("navigation", { name: "Desk navigation" }).getByRole("link", { name: "Review queue" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.goto("/desk/review");
  await expect(page.getByRole("heading", { name: "Review queue" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();

  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("button", { name: "退出" })).toBeVisible();
});
