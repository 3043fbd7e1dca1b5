import { DEMO_PASSWORD } from "./support/db";
import { deskNav, expect, signIn, test, pageAlert, REFUSED_SIGN_IN } from "./support/fixtures";

const NAV = {
  "admin@folio.local": { shows: ["导入", "报纸期次", "稿件", "图片库", "审核队列", "用户", "栏目", "报纸模型", "审计日志"], hides: [] },
  "editor@folio.local": { shows: ["导入", "报纸期次", "稿件", "图片库"], hides: ["审核队列", "用户", "栏目", "报纸模型", "审计日志"] },
  "reviewer@folio.local": { shows: ["报纸期次", "稿件", "审核队列"], hides: ["导入", "图片库", "用户", "报纸模型", "审计日志"] },
};

for (const [email, { shows, hides }] of Object.entries(NAV)) {
  test(`${email} signs in, sees the navigation of their role, and signs out`, async ({ page }) => {
    await signIn(page, email, DEMO_PASSWORD);
    const nav = deskNav(page);
    await expect(nav.getByRole("link")).toHaveText(shows);
    for (const item of hides) await expect(nav.getByRole("link", { name: item })).toHaveCount(0);
    await expect(page.getByText("演示账户已启用")).toBeVisible();

    await page.getByRole("button", { name: "退出" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/desk");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdesk/);
  });
}

test("a wrong password gets one plain message that does not say whether the email exists", async ({ page, browserErrors }) => {
  browserErrors.expect(REFUSED_SIGN_IN); // wrong passwords on purpose
  await signIn(page, "editor@folio.local", "not the password", { expectDesk: false });
  await expect(pageAlert(page)).toHaveText("邮箱或密码不正确。");
  await signIn(page, "nobody-here@folio.local", "not the password", { expectDesk: false });
  await expect(pageAlert(page)).toHaveText("邮箱或密码不正确。");
});
