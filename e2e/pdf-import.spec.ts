import fs from "node:fs";
import { count, eq, inArray } from "drizzle-orm";
import type { Page } from "@playwright/test";
import { articles, importPageImages, imports, media, pages, pdfFiles } from "../db/schema";
import { withDatabase } from "./support/database";
import { expect, test } from "./support/fixtures";
import { photoCaption, TEST_ISSUE, testIssuePdf } from "./support/pdfs";

/** The centre of an article's first region on the printed page, in the viewport. */
async function regionCentre(page: Page, index: number): Promise<{ x: number; y: number }> {
  const box = await page.getByTestId("page-regions").locator(`g[data-article-index="${index}"] rect`).last().boundingBox();
  if (!box) throw new Error(`article ${index} has no region`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

test("an editor uploads a four-page issue PDF and gets one import a page, its articles with their regions on the printed page", async ({ pageAs }) => {
  test.setTimeout(180_000);
  const file = await testIssuePdf();
  const page = await pageAs("editor");
  await page.goto("/desk/imports/new");
  await page.getByLabel("上传文件").setInputFiles(file);
  await expect(page.getByText("已选择 PDF：test-issue.pdf")).toBeVisible();
  await page.getByRole("button", { name: "上传 PDF" }).click();

  const links = page.getByTestId("pdf-uploads").getByRole("link");
  await expect(links).toHaveCount(4, { timeout: 120_000 });
  await expect(links).toHaveText(TEST_ISSUE.pages.map((p) => new RegExp(`^第${p.page}版（导入 #\\d+，3 篇稿件）$`)));

  // The file is kept once, byte for byte; each page is an import with its page and its images.
  const ids = (await links.evaluateAll((as) => as.map((a) => Number(a.getAttribute("href")?.split("/").pop())))) as number[];
  const stored = await withDatabase(async (db) => {
    const rows = (await db.select({ file: imports.pdfFileId, page: imports.pdfPage, date: imports.issueDate, number: imports.pageNumber }).from(imports).where(inArray(imports.id, ids)));
    const pdf = (await db.select({ bytes: pdfFiles.bytes, pageCount: pdfFiles.pageCount, status: pdfFiles.status }).from(pdfFiles).where(eq(pdfFiles.id, rows[0]!.file!)))[0]!;
    const images = (await db.select({ n: count() }).from(importPageImages).where(inArray(importPageImages.importId, ids)))[0]!.n;
    return { rows, pdf, images };
  });
  expect(stored.pdf.bytes.equals(fs.readFileSync(file))).toBe(true);
  expect(stored.pdf).toMatchObject({ pageCount: 4, status: "pages" });
  // (Rows in page order: PostgreSQL returns them in no set order without an ORDER BY.)
  const byPage = [...stored.rows].sort((a, b) => (a.page ?? 0) - (b.page ?? 0));
  expect(byPage.map((r) => [r.page, r.date, r.number])).toEqual(TEST_ISSUE.pages.map((p) => [p.page, TEST_ISSUE.date, p.page]));
  expect(stored.images).toBe(4 * 3);
  // The photo printed on each page is in the media library, with its caption.
  const photos = await withDatabase(async (db) => (await db.select({ id: media.id, caption: media.caption }).from(media).where(inArray(media.caption, TEST_ISSUE.pages.map((p) => photoCaption(p.page))))));
  expect(photos.map((p) => p.caption).sort()).toEqual(TEST_ISSUE.pages.map((p) => photoCaption(p.page)).sort());

  // The workbench shows the printed page beside the editor, one region an article.
  await links.first().click();
  await expect(page).toHaveURL(new RegExp(`/desk/imports/${ids[0]}$`));
  const pane = page.getByTestId("page-pane");
  await expect(pane).toBeVisible();
  const image = pane.getByRole("img", { name: /第1版版面图/ });
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(1000);
  const regions = page.getByTestId("page-regions").locator("g[data-article-index]");
  await expect(regions).toHaveCount(3);
  await expect(page.locator("[data-article-id]").first()).toContainText("第1版测试稿件之1");
  // Its caption starts attached to the photo taken out of the page.
  const pagePhoto = photos.find((p) => p.caption === photoCaption(1))!;
  await expect(page.locator("[data-article-id]").nth(1)).toContainText(`配图 #${pagePhoto.id}`);

  // Hovering an article in the editor outlines its region on the page.
  await page.locator("[data-article-id]").nth(1).hover();
  await expect(regions.nth(1)).toHaveClass(/stroke-2/);
  await expect(regions.nth(0)).not.toHaveClass(/stroke-2/);

  // Clicking a region goes to its block in the editor.
  const third = await regionCentre(page, 2);
  await page.mouse.click(third.x, third.y);
  const article3 = page.locator("[data-article-id]").nth(2);
  await expect(article3.locator("[data-current]")).toHaveCount(1);
  const clicked = (await article3.locator("[data-current]").innerText()).replace(/^\S+\s+/, "").slice(0, 12);

  // A region is reassigned by clicking it: move it to article 2.
  await pane.getByLabel("点击区域改归到").selectOption({ label: "稿件 2 · 第1版测试稿件之2" });
  await page.mouse.click(third.x, third.y);
  await expect(page.locator("[data-article-id]").nth(1)).toContainText(clicked);
  await expect(article3).not.toContainText(clicked);
  // The page follows: that line is now outlined as article 2's.
  await expect(page.getByTestId("page-regions").locator('g[data-article-index="1"] rect')).not.toHaveCount(0);
  // The click hands the keyboard to the editor a frame later (Tiptap focuses in an animation
  // frame): undo once it has it, as a person would (CI under load pressed it before, on the page).
  await expect(page.locator(".ProseMirror")).toBeFocused();
  await page.keyboard.press("Control+z");
  await expect(article3).toContainText(clicked);

  // Accepting makes the drafts and makes this import the page's printed view.
  await page.getByRole("button", { name: "接受划分，生成稿件" }).click();
  await expect(page.getByText("已接受：新建 3 篇，更新 0 篇，删除 0 篇草稿。")).toBeVisible({ timeout: 30_000 });
  const printed = await withDatabase(async (db) => (await db.select({ number: pages.number }).from(pages).where(eq(pages.printImportId, ids[0]!))));
  expect(printed).toEqual([{ number: 1 }]);
  // The story with the photo has it in its body, its caption as printed.
  const body = await withDatabase(async (db) => (await db.select({ body: articles.body }).from(articles).where(eq(articles.title, "第1版测试稿件之2")))[0]!.body);
  expect(JSON.stringify(body)).toContain(`"mediaId":${pagePhoto.id}`);
});

test("a PDF page's image and the page itself are the editors' to see", async ({ pageAs, browser }) => {
  const editor = await pageAs("editor");
  const demoPdfImport = await withDatabase(async (db) => (await db.select({ id: imports.id }).from(imports).where(eq(imports.format, "pdf")).orderBy(imports.id))[0]!.id);
  const image = await editor.request.get(`/api/imports/${demoPdfImport}/print/medium.webp`);
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toBe("image/webp");
  const pdf = await editor.request.get(`/api/imports/${demoPdfImport}/print/page.pdf`);
  expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const stranger = await (await browser.newContext()).request.get(`/api/imports/${demoPdfImport}/print/medium.webp`);
  expect(stranger.status()).toBe(401);
});
