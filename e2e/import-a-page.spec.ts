import fs from "node:fs";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { imports } from "../db/schema";
import { readAcross } from "../lib/ingest/read-across.fixture";
import { withDatabase } from "./support/database";
import { expect, test } from "./support/fixtures";

const FRONT_PAGE = path.join(__dirname, "..", "db", "demo", "rongchang-2024-03-08-p1.md");
const GB18030_PAGE = path.join(__dirname, "fixtures", "front-page-gb18030.txt");
/** The feature page's text, which the read-across stories deal into columns read in turns. */
const feature = fs.readFileSync(path.join(__dirname, "..", "db", "demo", "rongchang-feature-page.txt"), "utf8");

async function importCount(): Promise<number> {
  const row = await withDatabase(async (db) => (await db.select({ n: count() }).from(imports))[0]!);
  return row.n;
}

test("an editor uploads the front page, confirms the detected masthead and creates the import", async ({ pageAs }) => {
  const page = await pageAs("editor");
  await page.goto("/desk/imports/new");
  await page.getByLabel("上传文件").setInputFiles(FRONT_PAGE);

  await expect(page.getByText(/已识别：编码 utf-8，\d+ 篇稿件。/)).toBeVisible();
  await expect(page.getByLabel("报名")).toHaveValue("荣昌报");
  await expect(page.getByLabel("出版日期")).toHaveValue("2024-03-08");
  await expect(page.getByLabel("总期号")).toHaveValue("273");
  await expect(page.getByLabel("期号", { exact: true })).toHaveValue("27");
  await expect(page.getByLabel("版数")).toHaveValue("4");
  await expect(page.getByLabel("版次")).toHaveValue("1");
  await page.getByLabel("版名").fill("要闻");
  await expect(page.getByRole("listitem").filter({ hasText: "重庆将实施五大行动加速创新要素向企业集聚" })).toBeVisible();

  await page.getByRole("button", { name: "创建导入" }).click();
  await expect(page).toHaveURL(/\/desk\/imports\/\d+$/);
  const firstId = page.url().split("/").pop();
  await expect(page.getByRole("heading", { name: `导入 #${firstId}` })).toBeVisible();
  await expect(page.getByTestId("workbench-masthead")).toContainText("荣昌报 2024-03-08 第1版 要闻");
  await expect(page.locator("[data-article-id]").first()).toContainText("重庆将实施五大行动加速创新要素向企业集聚");
  await expect(page.getByRole("region", { name: "原文" })).toContainText("区委书记高洪波调研我区妇字号企业");

  // The bytes are stored exactly as uploaded.
  const stored = await withDatabase(async (db) =>
    (await db.select({ raw_bytes: imports.rawBytes, file_name: imports.fileName, encoding: imports.encoding }).from(imports).where(eq(imports.id, Number(firstId))))[0]!,
  );
  expect(stored.raw_bytes.equals(fs.readFileSync(FRONT_PAGE))).toBe(true);
  expect(stored.file_name).toBe("rongchang-2024-03-08-p1.md");

  // Importing the same page of the same issue again is allowed and says what it supersedes.
  await page.goto("/desk/imports/new");
  await page.getByLabel("上传文件").setInputFiles(FRONT_PAGE);
  await expect(page.getByLabel("版次")).toHaveValue("1");
  await page.getByRole("button", { name: "创建导入" }).click();
  await expect(page.getByText(`此导入取代了 导入 #${firstId}。`)).toBeVisible();
  await page.goto(`/desk/imports/${firstId}`);
  await expect(page.getByText(/此导入已被 导入 #\d+ 取代。/)).toBeVisible();
});

test("what the editor types into the masthead stays while the text is edited and read again", async ({ pageAs }) => {
  const page = await pageAs("editor");
  await page.goto("/desk/imports/new");
  const text = page.getByLabel("或粘贴文字");
  // A story with no masthead over it: the page's date and number are the editor's to give.
  await text.fill("乡村振兴见实效\n本报讯（记者 张三）近日，我区多个村庄的产业项目陆续投用，带动村民增收。");
  await expect(page.getByText(/已识别：编码/)).toBeVisible();
  await page.getByLabel("出版日期", { exact: true }).fill("2024-03-21");
  await page.getByLabel("版次").fill("2");
  // Each edit of the text reads it again; the reading finds no masthead and must not empty the typed one.
  await text.press("End");
  await text.pressSequentially("村民说，日子越过越有奔头。");
  await expect(page.getByRole("listitem").filter({ hasText: "乡村振兴见实效" })).toBeVisible();
  await expect(page.getByLabel("出版日期", { exact: true })).toHaveValue("2024-03-21");
  await expect(page.getByLabel("版次")).toHaveValue("2");
  await page.getByRole("button", { name: "创建导入" }).click();
  await expect(page).toHaveURL(/\/desk\/imports\/\d+$/);
  await expect(page.getByTestId("workbench-masthead")).toContainText("2024-03-21 第2版");
});

test("a GB18030 file is decoded right and says so", async ({ pageAs }) => {
  const page = await pageAs("editor");
  await page.goto("/desk/imports/new");
  await page.getByLabel("上传文件").setInputFiles(GB18030_PAGE);
  await expect(page.getByText(/已识别：编码 gb18030/)).toBeVisible();
  await expect(page.getByLabel("报名")).toHaveValue("荣昌报");
  await page.getByRole("button", { name: "创建导入" }).click();
  await expect(page).toHaveURL(/\/desk\/imports\/\d+$/);
  await expect(page.getByText("gb18030", { exact: true })).toBeVisible();
  await expect(page.locator("[data-article-id]").first()).toContainText("重庆将实施五大行动加速创新要素向企业集聚");
});

test("text whose columns were read across is flagged before and after the import is created; read column by column it is not", async ({ pageAs }) => {
  const page = await pageAs("editor");
  await page.goto("/desk/imports/new");
  await page.getByLabel("或粘贴文字").fill(readAcross(feature));
  await expect(page.getByTestId("import-notices")).toContainText("这份文字的栏似乎被横着读乱了");
  await page.getByRole("button", { name: "创建导入" }).click();
  await expect(page).toHaveURL(/\/desk\/imports\/\d+$/);
  // Over the workbench too, with the way out: the PDF, or another extraction.
  await expect(page.getByTestId("import-notices")).toContainText("请改为导入这一版的 PDF");

  await page.goto("/desk/imports/new");
  await page.getByLabel("或粘贴文字").fill(feature);
  await expect(page.getByText(/已识别：编码 utf-8，\d+ 篇稿件。/)).toBeVisible();
  await expect(page.getByTestId("import-notices")).toHaveCount(0);
});

test("an issue's text is judged page by page: the one page read across is named", async ({ pageAs }) => {
  const page = await pageAs("editor");
  await page.goto("/desk/imports/new");
  // As pdftotext prints an issue's PDF: a form feed after every page.
  const issue = `${[feature, readAcross(feature), feature].join("\f")}\f`;
  await page.getByLabel("上传文件").setInputFiles({ name: "issue.txt", mimeType: "text/plain", buffer: Buffer.from(issue, "utf8") });
  await expect(page.getByTestId("import-notices")).toContainText("第 2 版的栏似乎被横着读乱了");
  await expect(page.getByTestId("import-notices")).toContainText("其他版读得正常");
});

test("empty, oversized and binary input each get a clear message and store nothing", async ({ pageAs }) => {
  const page = await pageAs("editor");
  await page.goto("/desk/imports/new");
  const before = await importCount();
  const create = page.getByRole("button", { name: "创建导入" });
  const alert = page.locator("main").getByRole("alert");

  await expect(create).toBeDisabled();
  await page.getByLabel("或粘贴文字").fill("   \n\u3000 \n");
  await expect(alert).toHaveText("没有可导入的文字：内容为空。");
  await expect(create).toBeDisabled();
  await page.getByLabel("或粘贴文字").fill("");

  await page.getByLabel("上传文件").setInputFiles({
    name: "huge.txt",
    mimeType: "text/plain",
    buffer: Buffer.alloc(6 * 1024 * 1024, "荣昌报".repeat(10)),
  });
  await expect(alert).toHaveText("文件超过 5 MB，无法导入。请按版面分开导入。");
  await expect(create).toBeDisabled();

  const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  await page.getByLabel("上传文件").setInputFiles({ name: "photo.txt", mimeType: "text/plain", buffer: binary });
  await expect(alert).toHaveText("这不是文本文件（看起来是二进制数据）。请导出为 .txt 或 .md 后再导入。");
  await expect(create).toBeDisabled();

  expect(await importCount()).toBe(before);
});

test("a reviewer cannot reach the import page", async ({ pageAs }) => {
  const page = await pageAs("reviewer");
  expect((await page.goto("/desk/imports/new"))?.status()).toBe(403);
  expect((await page.goto("/desk/imports"))?.status()).toBe(403);
});
