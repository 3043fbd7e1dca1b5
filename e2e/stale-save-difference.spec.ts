import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { DEMO_PASSWORD } from "./support/db";
import { expect, signIn, test, REFUSED_STALE_WORK } from "./support/fixtures";

const FRONT_PAGE = path.join(__dirname, "..", "db", "demo", "rongchang-2024-03-08-p1.md");

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, DEMO_PASSWORD);
  return page;
}

async function waitSaved(page: Page) {
  await expect(page.getByTestId("save-status")).toHaveText(/已保存 v\d+/, { timeout: 15_000 });
}

const staleAlert = (page: Page) => page.getByRole("alert").filter({ hasText: "您的保存被拒绝" });

test("a refused save's difference shows a change of the byline names and the section, not only the headline", async ({ browser }) => {
  const first = await signedIn(browser, "editor@folio.local");
  await first.goto("/desk/articles");
  await first.getByLabel("新稿件标题").fill("城区供水管网改造完工");
  await first.getByRole("button", { name: "新建稿件" }).click();
  await expect(first).toHaveURL(/\/desk\/articles\/\d+$/);
  const url = first.url();

  const second = await signedIn(browser, "editor2@folio.local");
  await second.goto(url);
  await expect(second.getByLabel("记者", { exact: true })).toBeVisible();

  // The first editor changes only the reporters and the section.
  await first.getByLabel("记者", { exact: true }).fill("张雪、李明");
  await first.getByLabel("栏目", { exact: true }).selectOption({ label: "民生" });
  await expect(first.getByTestId("save-status")).toHaveText(/已保存 v[2-9]/, { timeout: 15_000 });

  // The second editor's save, based on the older version, is refused.
  await second.getByLabel("通讯员", { exact: true }).fill("王强");
  await expect(staleAlert(second)).toBeVisible({ timeout: 15_000 });
  await expect(staleAlert(second)).toContainText("李编辑 在");
  await second.getByRole("button", { name: "查看差异" }).click();
  const diff = second.getByTestId("diff");
  // Theirs (struck out) has the names and the section; mine (inserted) has my correspondent.
  await expect(diff.locator("del")).toContainText(["记者: 张雪 李明", "栏目: 民生"]);
  await expect(diff.locator("ins")).toContainText(["通讯员: 王强"]);

  // My side follows what I type while the difference is open.
  await second.getByLabel("通讯员", { exact: true }).fill("王强 赵六");
  await expect(diff.locator("ins")).toContainText(["通讯员: 王强 赵六"]);

  // Loading theirs puts their fields on screen and says which version it is.
  await second.getByRole("button", { name: "载入对方版本（放弃我的）" }).click();
  await expect(second.getByLabel("记者", { exact: true })).toHaveValue("张雪 李明");
  await expect(second.getByText(/已载入服务器上的 v\d+/)).toBeVisible();
  await expect(staleAlert(second)).toHaveCount(0);
});

test("the workbench offers the same difference after a refused save", async ({ browser, browserErrors }) => {
  browserErrors.expect(REFUSED_STALE_WORK); // the second tab's save is refused as stale on purpose
  const first = await signedIn(browser, "editor@folio.local");
  await first.goto("/desk/imports/new");
  await first.getByLabel("上传文件").setInputFiles(FRONT_PAGE);
  await expect(first.getByText(/已识别：编码/)).toBeVisible();
  await first.getByLabel("出版日期", { exact: true }).fill("2024-06-03");
  await first.getByRole("button", { name: "创建导入" }).click();
  await expect(first).toHaveURL(/\/desk\/imports\/\d+$/);
  // Keys act where the cursor is: a click must have put it in the block (data-current) before a
  // key is pressed, or the key goes elsewhere (Ctrl+Shift+R left to Chromium is a hard reload).
  const putCursorIn = async (page: Page, text: string) => {
    const block = page.locator('[data-type="block"]').filter({ hasText: text }).first();
    await block.getByText(text).first().click();
    await expect(block).toHaveAttribute("data-current", /.*/);
  };

  const second = await signedIn(browser, "editor2@folio.local");
  await second.goto(first.url());
  await expect(second.locator("[data-article-id]").first()).toBeVisible();

  // The first editor merges the last article into the one before it, and that is saved; first
  // their workbench is drawn (in CI a keystroke sent before that was lost and nothing changed).
  await expect(first.locator("[data-article-id]").first()).toBeVisible();
  await expect(first.getByRole("status").filter({ hasText: /稿件 \d+ 篇/ })).toBeVisible();
  const status = first.getByTestId("save-status");
  const savedBefore = (await status.textContent()) ?? "";
  await putCursorIn(first, "荣昌高新区党群服务中心");
  await first.keyboard.press("Control+Shift+ArrowUp");
  await expect(status).not.toHaveText(savedBefore, { timeout: 15_000 });
  await waitSaved(first);

  // The second editor takes a block out of the bin into an article; that save is refused.
  await putCursorIn(second, "争做文明示范");
  await second.keyboard.press("Control+Shift+R");
  await expect(staleAlert(second)).toBeVisible({ timeout: 15_000 });
  await expect(staleAlert(second)).toContainText("您的划分仍在本页");
  await second.getByRole("button", { name: "查看差异" }).click();
  const diff = second.getByTestId("diff");
  await expect(diff).toBeVisible();
  // My articles hold the block I restored; theirs do not.
  await expect(diff.locator("ins")).toContainText(["争做文明示范"]);
});
