import type { Page, Request } from "@playwright/test";
import { eq } from "drizzle-orm";
import { articles, sections } from "../db/schema";
import { auditActions } from "./support/db";
import { withDatabase } from "./support/database";
import { expect, test } from "./support/fixtures";

async function articleRow(id: number) {
  return await withDatabase(async (db) =>
    (await db.select({ state: articles.state, version: articles.version, title: articles.title, body_text: articles.bodyText }).from(articles).where(eq(articles.id, id)))[0]!,
  );
}

async function waitSaved(page: Page) {
  await expect(page.getByTestId("save-status")).toHaveText(/已保存 v\d+/, { timeout: 15_000 });
}

/** The editor writes a new article from scratch, up to the point it can be submitted. */
async function writeArticle(editor: Page, title: string, body: string, section = "要闻"): Promise<number> {

  await editor.goto("/desk/articles");
  await editor.getByLabel("新稿件标题").fill(title);
  await editor.getByRole("button", { name: "新建稿件" }).click();
  await expect(editor).toHaveURL(/\/desk\/articles\/\d+$/);
  const id = Number(editor.url().split("/").pop());
  await editor.getByLabel("引题", { exact: true }).fill("春耕时节");
  await editor.getByLabel("栏目", { exact: true }).selectOption({ label: section });
  const bodyBox = editor.getByRole("textbox", { name: "正文" });
  await bodyBox.click();
  await editor.keyboard.type(body);
  await waitSaved(editor);
  return id;
}

async function act(page: Page, button: string, done: string) {
  await page.getByRole("button", { name: button, exact: true }).click();
  await expect(page.getByText(done)).toBeVisible();
}

test("editor writes, reviewer sends back, editor fixes, reviewer approves and publishes, a reader opens it", async ({ pageAs, browser }) => {
  const editor = await pageAs("editor");
  const reviewer = await pageAs("reviewer");
  const reader = await (await browser.newContext()).newPage();

  const id = await writeArticle(editor, "荣昌区春耕备耕工作有序推进", "全区各镇街抢抓农时，组织农户开展春耕生产。");
  await act(editor, "提交审核", "已提交审核。");
  expect((await articleRow(id)).state).toBe("in_review");

  // The reviewer finds it in the queue and sends it back with a comment.
  await reviewer.goto("/desk/review");
  await reviewer.getByRole("link", { name: "荣昌区春耕备耕工作有序推进" }).click();
  await reviewer.getByRole("button", { name: "退回修改", exact: true }).click();
  await expect(reviewer.getByText("退回修改时必须写明要改什么。")).toBeVisible();
  await reviewer.getByLabel("退回意见").fill("请补充具体的播种面积数字。");
  await act(reviewer, "退回修改", "已退回修改。");

  // The editor sees the request, fixes the text and resubmits.
  await editor.reload();
  await expect(editor.getByText("请补充具体的播种面积数字。").first()).toBeVisible();
  const bodyBox = editor.getByRole("textbox", { name: "正文" });
  await bodyBox.click();
  await editor.keyboard.press("End");
  await editor.keyboard.type("今年全区计划播种粮食作物50万亩。");
  await waitSaved(editor);
  await act(editor, "提交审核", "已提交审核。");

  await reviewer.goto("/desk/review");
  await expect(reviewer.getByText(/自您上次查看/)).toBeVisible();
  await reviewer.getByRole("link", { name: "荣昌区春耕备耕工作有序推进" }).click();
  await act(reviewer, "审核通过", "已审核通过。");
  await act(reviewer, "立即发布", "已发布。");
  expect((await articleRow(id)).state).toBe("published");

  const response = await reader.goto(`/articles/${id}`);
  expect(response?.status()).toBe(200);
  await expect(reader.getByRole("heading", { level: 1, name: "荣昌区春耕备耕工作有序推进" })).toBeVisible();
  await expect(reader.getByText("今年全区计划播种粮食作物50万亩。")).toBeVisible();

  const actions = (await auditActions({ targetId: String(id) })).map((a) => a.action);
  for (const step of ["article.create", "article.save", "article.submit", "article.request_changes", "article.approve", "article.publish"]) {
    expect(actions).toContain(step);
  }
});

test("a section needing two approvals takes two reviewers; a reviewer who edited cannot approve, even by posting the action", async ({ pageAs }) => {
  await withDatabase(async (db) => await db.update(sections).set({ approvalsRequired: 2 }).where(eq(sections.slug, "economy")));
  const editor = await pageAs("editor");
  const reviewer = await pageAs("reviewer");
  const reviewer2 = await pageAs("reviewer2");

  const id = await writeArticle(editor, "荣昌高新区一季度工业产值增长", "一季度，高新区规上工业产值同比增长。", "经济");
  const [submitRequest] = await Promise.all([
    editor.waitForRequest((r: Request) => r.method() === "POST" && !!r.headers()["next-action"] && (r.postData() ?? "").includes('"submit"')),
    editor.getByRole("button", { name: "提交审核", exact: true }).click(),
  ]);
  await expect(editor.getByText("已提交审核。")).toBeVisible();

  // Reviewer 1 proofreads (edits) in review: from then on they may not approve this round.
  await reviewer.goto(`/desk/articles/${id}`);
  await reviewer.getByRole("textbox", { name: "正文" }).click();
  await reviewer.keyboard.press("End");
  await reviewer.keyboard.type("（校）");
  await waitSaved(reviewer);
  await reviewer.reload();
  await expect(reviewer.getByRole("button", { name: "审核通过", exact: true })).toHaveCount(0);

  // Posting the approve action directly is refused by the server too, and nothing changes.
  const before = await articleRow(id);
  const headers = submitRequest.headers();
  const res = await reviewer.request.post(`/desk/articles/${id}`, {
    headers: {
      "next-action": headers["next-action"]!,
      "content-type": headers["content-type"] ?? "text/plain;charset=UTF-8",
      "next-router-state-tree": headers["next-router-state-tree"] ?? "",
      accept: "text/x-component",
    },
    data: JSON.stringify([{ articleId: id, baseVersion: before.version, action: "approve" }]),
  });
  expect(res.status()).toBeLessThan(500);
  expect(await res.text()).toContain("您在提交后修改过这篇稿件，不能再审核通过它。");
  expect((await articleRow(id)).state).toBe("in_review");
  expect((await articleRow(id)).version).toBe(before.version);

  // Two other reviewers are needed: the admin and reviewer 2.
  await reviewer2.goto(`/desk/articles/${id}`);
  await act(reviewer2, "审核通过", "已审核通过。");
  expect((await articleRow(id)).state).toBe("in_review");
  await reviewer2.reload();
  await expect(reviewer2.getByRole("button", { name: "审核通过", exact: true })).toHaveCount(0);

  const admin = await pageAs("admin");
  await admin.goto(`/desk/articles/${id}`);
  await act(admin, "审核通过", "已审核通过。");
  expect((await articleRow(id)).state).toBe("approved");
});

test("two editors save one article: the stale save is refused with who and when, nothing is lost; history diffs and restores", async ({ pageAs }) => {
  const first = await pageAs("editor");
  const second = await pageAs("editor2");
  const id = await writeArticle(first, "城区道路改造工程开工", "城区主干道改造工程正式开工。");
  await second.goto(`/desk/articles/${id}`);
  await expect(second.getByText(/李编辑 正在编辑/)).toBeVisible();

  // The first editor saves again; the second one's save is now based on an old version.
  await first.getByRole("textbox", { name: "正文" }).click();
  await first.keyboard.press("End");
  await first.keyboard.type("预计年底完工。");
  await waitSaved(first);

  await second.getByRole("textbox", { name: "正文" }).click();
  await second.keyboard.press("End");
  await second.keyboard.type("施工期间请绕行。");
  await expect(second.getByRole("alert").filter({ hasText: "李编辑 在" })).toBeVisible({ timeout: 15_000 });
  await expect(second.getByRole("textbox", { name: "正文" })).toContainText("施工期间请绕行。");
  await second.getByRole("button", { name: "查看差异" }).click();
  await expect(second.getByTestId("diff").locator("ins")).toContainText(["施工期间请绕行"]);
  expect((await articleRow(id)).body_text).toContain("预计年底完工。");
  expect((await articleRow(id)).body_text).not.toContain("施工期间请绕行。");

  // History: the diff between the first and the latest version shows the inserted phrase; restoring makes a new version.
  await first.goto(`/desk/articles/${id}/history?a=1&b=${(await articleRow(id)).version}`);
  await expect(first.getByTestId("diff").locator("ins")).toContainText(["城区主干道改造工程正式开工。预计年底完工。"]);
  const versionBefore = (await articleRow(id)).version;
  await first.getByRole("button", { name: "恢复 v1" }).click();
  await expect.poll(async () => (await articleRow(id)).version).toBe(versionBefore + 1);
  expect((await articleRow(id)).body_text).not.toContain("预计年底完工。");
  await first.goto(`/desk/articles/${id}/history?a=${versionBefore}&b=${versionBefore + 1}`);
  await expect(first.getByTestId("diff").locator("del")).toContainText(["预计年底完工。"]);
});
