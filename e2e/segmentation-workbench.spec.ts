import fs from "node:fs";
import path from "node:path";
import type { Page, Request } from "@playwright/test";
import { and, count, eq, sql } from "drizzle-orm";
import { articles as articlesTable, auditLog, importWork } from "../db/schema";
import { escapeRegExp } from "../lib/public/search";
import { auditActions } from "./support/db";
import { withDatabase } from "./support/database";
import { expect, test, type DemoAccount, REFUSED_STALE_WORK } from "./support/fixtures";

const DEMO = path.join(__dirname, "..", "db", "demo");
const FRONT_PAGE = path.join(DEMO, "rongchang-2024-03-08-p1.md");
const FEATURE_PAGE = path.join(DEMO, "rongchang-feature-page.txt");
const EXPECTED = JSON.parse(fs.readFileSync(path.join(DEMO, "rongchang-2024-03-08-p1.expected.json"), "utf8")) as {
  articles: { title: string; kicker?: string | null; subtitle?: string | null }[];
};

async function importFile(page: Page, file: string, masthead: Record<string, string> = {}): Promise<number> {

  await page.goto("/desk/imports/new");
  await page.getByLabel("上传文件").setInputFiles(file);
  await expect(page.getByText(/已识别：编码/)).toBeVisible();
  for (const [label, value] of Object.entries(masthead)) await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole("button", { name: "创建导入" }).click();
  await expect(page).toHaveURL(/\/desk\/imports\/\d+$/);
  await expect(articles(page).first()).toBeVisible();
  return Number(page.url().split("/").pop());
}

const articles = (page: Page) => page.locator("[data-article-id]");
const article = (page: Page, title: string) => articles(page).filter({ hasText: title });
const block = (page: Page, text: string) => page.locator('[data-type="block"]').filter({ hasText: text });
const bin = (page: Page) => page.locator('[data-type="bin"]');

/** Puts the cursor inside a block, as a person clicking into its text would. */
async function clickInto(page: Page, text: string) {
  const target = block(page, text).first();
  await target.getByText(text, { exact: false }).first().click();
  // The keystroke that follows acts on the editor's selection, which it takes from the browser's
  // a moment after the click: wait until the editor marks this block as the cursor's (CI under
  // load once merged the block before it instead).
  await expect(target).toHaveAttribute("data-current", "true");
}

async function waitSaved(page: Page) {
  await expect(page.getByTestId("save-status")).toHaveText(/已保存 v\d+/, { timeout: 15_000 });
}

/** textContent, not innerText: articles far from the viewport are not rendered (content-visibility), and innerText reads only rendered text. */
async function lastBlockText(page: Page, title: string): Promise<string> {

  return ((await article(page, title).locator('[data-type="block"]').last().textContent()) ?? "").trim();
}

test("front page: 8 proposed articles, merge, split, move by keyboard, discard, undo/redo, reload, accept into 8 drafts", async ({ pageAs }) => {
  const page = await pageAs("editor");
  await importFile(page, FRONT_PAGE, { 版名: "要闻" });

  await expect(articles(page)).toHaveCount(8);
  for (const [i, a] of EXPECTED.articles.entries()) await expect(articles(page).nth(i)).toContainText(a.title);

  // Merge the last article into the one before it, then split it off again at its kicker.
  await clickInto(page, "荣昌高新区党群服务中心");
  await page.keyboard.press("Control+Shift+ArrowUp");
  await expect(articles(page)).toHaveCount(7);
  await clickInto(page, "荣昌高新区党群服务中心");
  await page.keyboard.press("Control+Shift+S");
  await expect(articles(page)).toHaveCount(8);
  await expect(articles(page).nth(7)).toContainText("供电服务窗口入驻");

  // The fragment the engine attached (排污管网工程…) goes to the end of the 河长制 article by keyboard; undo and redo that step.
  const river = "认真落实落细“河长制”";
  await clickInto(page, "排污管网工程");
  await page.keyboard.press("Alt+ArrowDown");
  await expect.poll(() => lastBlockText(page, river)).toContain("排污管网工程");
  await page.keyboard.press("Control+z");
  await expect.poll(() => lastBlockText(page, river)).toContain("区人大常委会副主任邓启才");
  await page.keyboard.press("Control+Shift+z");
  await expect.poll(() => lastBlockText(page, river)).toContain("排污管网工程");

  // The slogan: restore it from the bin, then discard it again by keyboard.
  await expect(bin(page)).toContainText("争做文明示范 创建文明城区");
  await clickInto(page, "争做文明示范");
  await page.keyboard.press("Control+Shift+R");
  await expect(bin(page)).not.toContainText("争做文明示范");
  await clickInto(page, "争做文明示范");
  await page.keyboard.press("Control+Shift+Backspace");
  await expect(bin(page)).toContainText("争做文明示范 创建文明城区");

  // The status line counts it all, and nothing is unassigned.
  await expect(page.getByRole("status").filter({ hasText: "稿件 8 篇" })).toContainText("未归属 0 字");
  await waitSaved(page);

  // A reload restores exactly the saved state.
  await page.reload();
  await expect(articles(page)).toHaveCount(8);
  await expect.poll(() => lastBlockText(page, river)).toContain("排污管网工程");
  await expect(bin(page)).toContainText("争做文明示范 创建文明城区");

  await page.getByRole("button", { name: "接受划分，生成稿件" }).click();
  await expect(page.getByText("已接受：新建 8 篇")).toBeVisible();
  await page.getByRole("link", { name: "查看本期" }).click();
  await expect(page).toHaveURL(/\/desk\/issues\/2024-03-08$/);
  // This import's drafts: other specs put drafts of their own on this page for a moment (CI's
  // SQLite pass counted 9 or 10), so a row counts when it is a draft with one of these titles.
  const titled = new RegExp(EXPECTED.articles.map((a) => escapeRegExp(a.title)).join("|"));
  const drafts = page.getByRole("list", { name: "第1版的稿件" }).getByTestId("desk-article").filter({ hasText: "草稿" }).filter({ hasText: titled });
  await expect(drafts).toHaveCount(8);
  for (const [i, a] of EXPECTED.articles.entries()) {
    const row = drafts.nth(i);
    await expect(row).toContainText(a.title);
    if (a.kicker) await expect(row).toContainText(a.kicker);
    if (a.subtitle) await expect(row).toContainText(a.subtitle);
  }
});

test("feature page: headings moved by keyboard keep their order, accepted article has subheads and a caption", async ({ pageAs }) => {
  const page = await pageAs("editor");
  await importFile(page, FEATURE_PAGE, { 出版日期: "2024-03-09", 版次: "3", 版名: "专题", 报名: "荣昌报" });
  await expect(articles(page)).toHaveCount(1);
  const headings = page.locator('[data-type="block"][data-role="heading"]');
  await expect(headings).toHaveCount(3);
  const order = await headings.allInnerTexts();
  // Move the second section heading down and back up: the three sections stay in print order.
  // Its own text (the block's innerText also holds its label and doubt note, outside the editor's text).
  const second = (await headings.nth(1).locator(":scope > div").innerText()).trim();
  await clickInto(page, second.slice(-6));
  await page.keyboard.press("Alt+ArrowDown");
  await page.keyboard.press("Alt+ArrowUp");
  expect(await headings.allInnerTexts()).toEqual(order);
  await expect(page.locator('[data-type="block"][data-role="caption"]').first()).toBeVisible();
  await waitSaved(page);
  await page.getByRole("button", { name: "接受划分，生成稿件" }).click();
  await expect(page.getByText("已接受：新建 1 篇")).toBeVisible();

  // The body as stored (JSON text, on both engines), not as drizzle would parse it.
  const row = await withDatabase(async (db) =>
    (await db
      .select({ id: articlesTable.id, body: sql<string>`cast(${articlesTable.body} as text)` })
      .from(articlesTable)
      .where(eq(articlesTable.importId, Number(page.url().split("/").pop())))
      )[0]!,
  );
  const body = JSON.parse(row.body) as { content: { type: string }[] };
  expect(body.content.filter((n) => n.type === "heading")).toHaveLength(3);
  expect(body.content.some((n) => n.type === "caption")).toBe(true);
  await page.goto(`/desk/articles/${row.id}`);
  await expect(page.getByRole("textbox", { name: "正文" }).locator("h2")).toHaveCount(3);
  await expect(page.getByRole("textbox", { name: "正文" }).locator("p.caption").first()).toBeVisible();
});

async function openAs(pageAs: (account: DemoAccount) => Promise<Page>, account: DemoAccount, url: string): Promise<Page> {

  const page = await pageAs(account);
  await page.goto(url);
  await expect(articles(page).first()).toBeVisible();
  return page;
}

test("two editors on one import: the later stale save is refused with who and when, and no text is lost", async ({ pageAs, browserErrors }) => {
  browserErrors.expect(REFUSED_STALE_WORK); // the later save is refused as stale on purpose
  const first = await pageAs("editor");
  const id = await importFile(first, FRONT_PAGE, { 版名: "要闻" });
  const second = await openAs(pageAs, "editor2", `/desk/imports/${id}`);

  await clickInto(first, "荣昌高新区党群服务中心");
  await first.keyboard.press("Control+Shift+ArrowUp");
  await waitSaved(first);

  await clickInto(second, "争做文明示范");
  await second.keyboard.press("Control+Shift+R");
  const alert = second.getByRole("alert").filter({ hasText: "李编辑 在" });
  await expect(alert).toBeVisible({ timeout: 15_000 });
  await expect(alert).toContainText("您的保存被拒绝");
  // The second editor's change is still on screen, and the server kept the first editor's.
  await expect(bin(second)).not.toContainText("争做文明示范");
  const saved = await withDatabase(async (db) => (await db.select({ doc: sql<string>`cast(${importWork.doc} as text)`, version: importWork.version }).from(importWork).where(eq(importWork.importId, id)))[0]!);
  expect(saved.doc).toContain("争做文明示范");
  expect((JSON.parse(saved.doc) as { content: { type: string }[] }).content.filter((n) => n.type === "article")).toHaveLength(7);

  // Loading the other version replaces the screen with what was saved.
  await second.getByRole("button", { name: "载入对方版本（放弃我的）" }).click();
  await expect(articles(second)).toHaveCount(7);
  await expect(bin(second)).toContainText("争做文明示范");
});

test("a reviewer cannot open the import form, and posting the accept action as a reviewer is refused", async ({ pageAs }) => {
  const page = await pageAs("editor");
  const id = await importFile(page, FRONT_PAGE, { 出版日期: "2024-03-10", 版名: "要闻" });
  await waitSaved(page).catch(() => undefined);
  const [acceptRequest] = await Promise.all([
    page.waitForRequest((r: Request) => r.method() === "POST" && !!r.headers()["next-action"]),
    page.getByRole("button", { name: "接受划分，生成稿件" }).click(),
  ]);
  await expect(page.getByText("已接受：新建 8 篇")).toBeVisible();

  const reviewer = await pageAs("reviewer");
  const response = await reviewer.goto("/desk/imports/new");
  expect(response?.status()).toBe(403);

  const headers = acceptRequest.headers();
  const res = await reviewer.request.post(`/desk/imports/${id}`, {
    headers: {
      "next-action": headers["next-action"]!,
      "content-type": headers["content-type"] ?? "text/plain;charset=UTF-8",
      "next-router-state-tree": headers["next-router-state-tree"] ?? "",
      accept: "text/x-component",
    },
    data: acceptRequest.postData()!,
  });
  expect(res.status()).toBeLessThan(500);
  expect(await res.text()).toContain("您没有权限执行此操作。");
  expect((await auditActions({ action: "authz.forbidden", actorEmail: "reviewer@folio.local" })).some((r) => r.target_id === "action:acceptImport")).toBe(true);
  const accepts = await withDatabase(async (db) => (await db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.action, "import.accept"), eq(auditLog.targetId, String(id)))))[0]!);
  expect(accepts.n).toBe(1);
});
