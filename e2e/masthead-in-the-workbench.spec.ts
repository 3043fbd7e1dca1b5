import { and, eq } from "drizzle-orm";
import { articles, auditLog, imports, issues, pages } from "../db/schema";
import { withDatabase } from "./support/database";
import { expect, test } from "./support/fixtures";
import { FEATURE_PAGE, importThroughDesk, workbenchSaved, workbenchVersion } from "./support/imports";

/*
 * Trap: an import whose masthead the engine did not read could be corrected in full, and then
 * accept refused it for want of a date and page, with no way to fill them in but a new import.
 */

test.use({ signedInAs: "editor" });

test("a page without a masthead: the desk asks for it before correcting, the workbench takes it at any time, and accept keeps every correction", async ({ page }) => {
  // The new-import form says so before anything is created.
  await page.goto("/desk/imports/new");
  await page.getByLabel("上传文件").setInputFiles(FEATURE_PAGE);
  await expect(page.getByText("没有从文字中读出出版日期或版次")).toBeVisible();
  await expect(page.getByText("rongchang-feature-page.txt")).toBeVisible();

  const id = await importThroughDesk(page, { file: FEATURE_PAGE });
  const masthead = page.getByTestId("workbench-masthead");
  const accept = page.getByRole("button", { name: "接受划分，生成稿件" });
  // The workbench opens with the masthead form open and highlighted, and says why.
  await expect(masthead).toHaveAttribute("data-needed", "true");
  await expect(masthead).toContainText("接受划分需要出版日期和版次");
  await expect(masthead.getByLabel("出版日期", { exact: true })).toBeVisible();
  await expect(accept).toBeDisabled();
  await expect(page.getByText("填写报头的出版日期和版次后才能接受。")).toBeVisible();

  // The editor corrects first anyway: a caption goes to the bin.
  // A block's text is its one div (the role label is a span, a doubt note a p).
  const captionBlock = page.locator('[data-type="block"][data-role="caption"]').first();
  const caption = captionBlock.locator(":scope > div");
  const opened = await workbenchVersion(page);
  const captionText = ((await caption.textContent()) ?? "").trim().slice(0, 12);
  expect(captionText.length).toBeGreaterThan(3);
  await caption.click();
  // The key acts where the cursor is: the click must have put it in the caption first.
  await expect(captionBlock).toHaveAttribute("data-current", /.*/);
  await page.keyboard.press("Control+Shift+Backspace");
  await expect(page.locator('[data-type="bin"]')).toContainText(captionText);
  await workbenchSaved(page, { past: opened });

  // Then fills the masthead in the workbench: nothing of the correction is lost.
  await masthead.getByLabel("出版日期", { exact: true }).fill("2024-03-19");
  await masthead.getByLabel("版次", { exact: true }).fill("3");
  await masthead.getByLabel("版名", { exact: true }).fill("专题");
  await masthead.getByRole("button", { name: "保存报头" }).click();
  await expect(masthead.getByText("报头已保存。")).toBeVisible();
  await expect(masthead).not.toHaveAttribute("data-needed", /.*/);
  await expect(masthead).toContainText("2024-03-19 第3版 专题");
  await page.reload();
  await expect(page.locator('[data-type="bin"]')).toContainText(captionText);

  await accept.click();
  await expect(page.getByText("已接受：新建 1 篇")).toBeVisible();
  const filed = await withDatabase(async (db) =>
    (await db
      .select({ date: issues.date, page: pages.number, bodyText: articles.bodyText })
      .from(articles)
      .innerJoin(issues, eq(issues.id, articles.issueId))
      .innerJoin(pages, eq(pages.id, articles.pageId))
      .where(eq(articles.importId, id))
      ),
  );
  expect(filed).toHaveLength(1);
  expect(filed[0]).toMatchObject({ date: "2024-03-19", page: 3 });
  expect(filed[0]!.bodyText).not.toContain(captionText);

  // Every masthead the import had is in its audit trail, with what it was before.
  const change = await withDatabase(async (db) => (await db.select().from(auditLog).where(and(eq(auditLog.action, "import.masthead"), eq(auditLog.targetId, String(id)))))[0]);
  expect(change?.detail).toMatchObject({ was: { issueDate: null, pageNumber: null }, now: { issueDate: "2024-03-19", pageNumber: 3 } });
});

test("abandoned imports are archived or deleted from the list; a deleted one's raw text stays in the audit log", async ({ page }) => {
  const raw = `# 一篇没人要的稿件${Date.now()}\n\n本报讯 这段文字来自一个被放弃的导入，删除以后只在审计日志里。\n`;
  const id = await importThroughDesk(page, { text: raw, masthead: { 出版日期: "2024-03-16", 版次: "2" } });

  await page.goto("/desk/imports");
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: String(id), exact: true }) });
  await expect(row).toContainText("校对中");
  await row.getByRole("button", { name: `归档导入 #${id}` }).click();
  await expect(page.getByRole("link", { name: String(id), exact: true })).toHaveCount(0);

  await page.getByRole("link", { name: "显示已归档的导入" }).click();
  await expect(row).toContainText("已归档");
  await row.getByRole("button", { name: `删除导入 #${id}` }).click();
  await expect(row).toContainText("原文会保存在审计日志中");
  await row.getByRole("button", { name: "确认删除" }).click();
  await expect(page.getByRole("link", { name: String(id), exact: true })).toHaveCount(0);

  expect(await withDatabase(async (db) => (await db.select().from(imports).where(eq(imports.id, id)))[0])).toBeUndefined();
  const entry = await withDatabase(async (db) => (await db.select().from(auditLog).where(and(eq(auditLog.action, "import.delete"), eq(auditLog.targetId, String(id)))))[0]);
  // As the bytes came in: the browser sends a pasted text's line breaks as CRLF.
  expect((entry?.detail as { rawText?: string } | null)?.rawText?.replaceAll("\r\n", "\n")).toBe(raw);

  // An accepted import made articles: it offers neither.
  const demoRow = page.getByRole("row").filter({ has: page.getByRole("link", { name: "1", exact: true }) });
  await expect(demoRow).toContainText("已接受");
  await expect(demoRow.getByRole("button")).toHaveCount(0);
});
