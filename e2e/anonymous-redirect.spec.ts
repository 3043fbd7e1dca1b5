import { DEMO_PASSWORD } from "./support/db";
import { expect, test } from "./support/fixtures";

test("anonymous visitors are sent to sign-in and brought back to where they were going", async ({ page }) => {
  await page.goto("/desk/admin/audit?page=1");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdesk%2Fadmin%2Faudit%3Fpage%3D1/);
  await page.getByLabel("电子邮箱").fill("admin@folio.local");
  await page.getByLabel("密码", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/desk\/admin\/audit\?page=1$/);
  await expect(page.getByRole("heading", { name: "审计日志" })).toBeVisible();
});

test("a sign-in page never redirects off-site", async ({ page }) => {
  await page.goto("/login?callbackUrl=https%3A%2F%2Fevil.example%2F");
  await page.getByLabel("电子邮箱").fill("editor@folio.local");
  await page.getByLabel("密码", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/localhost:\d+\/desk$/);
});

test("a tampered session cookie is treated as signed out, never as an error", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "next-auth.session-token", value: "forged.token.value", url: baseURL! }]);
  const response = await page.goto("/desk");
  expect(response?.status()).toBeLessThan(500);
  await expect(page).toHaveURL(/\/login/);
});

test("the health check answers ok", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ ok: true });
});
