import { eq } from "drizzle-orm";
import { articleComments } from "../db/schema";
import { arrangeArticle, articleState } from "./support/db";
import { withDatabase } from "./support/database";
import { selectInBody } from "./support/editor";
import { expect, test } from "./support/fixtures";

test("a reviewer comments on a selected passage and resolves it; an editor's correction shows publicly as 更正", async ({ pageAs, browser }) => {
  const id = await arrangeArticle({
    title: "更正与评论测试",
    state: "published",
    sectionSlug: "news",
    body: "全区共有学校五十所，在校学生三万二千人，教职工两千八百人。今年新建两所，改扩建五所。",
  });

  const page = await pageAs("reviewer");
  await page.goto(`/desk/articles/${id}`);
  await expect(page.getByRole("textbox", { name: "正文" })).toContainText("今年新建两所");
  // Select a passage of the body, as a reviewer would with the mouse.
  await selectInBody(page, "五十所");
  await expect(page.getByText("引用：")).toBeVisible();
  await page.getByLabel("新评论").fill("学校数量请与教委核实。");
  await page.getByRole("button", { name: "发表评论" }).click();
  const comment = page.getByRole("listitem").filter({ hasText: "学校数量请与教委核实。" });
  await expect(comment.locator("blockquote")).toHaveText("五十所");
  const stored = await withDatabase(async (db) => (await db.select({ anchor: articleComments.anchor }).from(articleComments).where(eq(articleComments.articleId, id)))[0]!);
  expect(stored.anchor).toEqual({ from: 6, to: 9, quote: "五十所" });
  await comment.getByRole("button", { name: "标记为已解决" }).click();
  await expect(comment).toContainText("已解决");

  // The editor corrects a number in the published article and says why: a small correction, which
  // goes out at once and shows readers the note (e2e/published-story-revisions.spec.ts has the rest).
  const editor = await pageAs("editor");
  await editor.goto(`/desk/articles/${id}`);
  await selectInBody(editor, "新建两所", 2, 3);
  await editor.keyboard.type("三");
  await editor.getByLabel("修改理由（更正说明）").fill("本文原稿新建学校数量有误，已更正。");
  await editor.getByRole("button", { name: "发布更正" }).click();
  await expect(editor.getByText("已发布更正。")).toBeVisible();
  expect((await articleState(id)).state).toBe("published");

  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/articles/${id}`);
  await expect(reader.getByText("今年新建三所")).toBeVisible();
  await expect(reader.getByText("本文原稿新建学校数量有误，已更正。")).toBeVisible();
  await expect(reader.getByText("更正", { exact: true }).first()).toBeVisible();
});
