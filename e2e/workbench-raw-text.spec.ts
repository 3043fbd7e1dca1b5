import path from "node:path";
import type { Page } from "@playwright/test";
import { DEMO_PASSWORD } from "./support/db";
import { expect, signIn, test } from "./support/fixtures";

const FRONT_PAGE = path.join(__dirname, "..", "db", "demo", "rongchang-2024-03-08-p1.md");

async function openImport(page: Page) {
  await signIn(page, "editor@folio.local", DEMO_PASSWORD);
  await page.goto("/desk/imports/new");
  await page.getByLabel("上传文件").setInputFiles(FRONT_PAGE);
  await page.getByLabel("出版日期", { exact: true }).fill("2024-02-25");
  await page.getByRole("button", { name: "创建导入" }).click();
  await expect(page.locator("[data-article-id]")).toHaveCount(8);
}

test("clicking the raw text selects its block, and selecting a block marks its raw text", async ({ page }) => {
  await openImport(page);
  const raw = page.getByRole("region", { name: "原文" });
  const run = raw.locator("[data-block]").filter({ hasText: "荣昌下达财政衔接资金6256万元" }).first();
  const blockId = await run.getAttribute("data-block");
  await run.click();
  const block = page.locator(`[data-block-id="${blockId}"]`);
  await expect(block).toHaveAttribute("data-current", /.*/);
  await expect(block).toBeInViewport();

  // And back: putting the cursor in a block marks its run in the raw pane.
  const other = page.locator('[data-type="block"]').filter({ hasText: "安富普陀村水涵养地项目投用" }).first();
  await other.getByText("安富普陀村水涵养地项目投用").click();
  const otherId = await other.getAttribute("data-block-id");
  await expect(raw.locator(`[data-block="${otherId}"]`).first()).toHaveAttribute("data-selected", /.*/);
});
