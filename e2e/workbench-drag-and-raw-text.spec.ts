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

test("a block dragged by its role label lands in the bin, and the move can be undone", async ({ page }) => {
  await openImport(page);
  const bin = page.locator('[data-type="bin"]');
  const block = page.locator('[data-type="block"]').filter({ hasText: "区人大常委会副主任邓启才" }).first();
  // Dropped onto the text already in the bin (the slogan), as a person would aim.
  const handle = block.locator("[draggable=true]").first();
  const target = bin.locator('[data-type="block"]').first().getByText("争做文明示范");
  await handle.hover();
  await page.mouse.down();
  const box = (await target.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height - 2, { steps: 12 });
  await page.mouse.up();
  await expect(bin).toContainText("区人大常委会副主任邓启才");
  await expect(page.getByRole("status").filter({ hasText: "稿件 8 篇" })).toContainText("未归属 0 字");
  await page.locator('[data-type="block"]').filter({ hasText: "唐成军到荣峰河巡河时指出" }).first().click();
  await page.keyboard.press("Control+z");
  await expect(bin).not.toContainText("区人大常委会副主任邓启才");
});
