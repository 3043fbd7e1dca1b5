import { eq } from "drizzle-orm";
import { articleComments } from "../db/schema";
import { arrangeArticle, articleState, withTestDb } from "./support/db";
import { expect, test } from "./support/fixtures";

test("a reviewer comments on a selected passage and resolves it; an editor's correction shows publicly as 更正", async ({ pageAs, browser }) => {
  const id = arrangeArticle({ title: "更正与评论测试", state: "published", sectionSlug: "news", body: "全区共有学校五十所。今年新建两所。" });

  const page = await pageAs("reviewer");
  await page.goto(`/desk/articles/${id}`);
  await expect(page.getByRole("textbox", { name: "正文" })).toContainText("今年新建两所。");
  // Select a passage of the body, as a reviewer would with the mouse.
  await page.getByRole("textbox", { name: "正文" }).evaluate((el) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.textContent?.indexOf("五十所") ?? -1;
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + 3);
        const sel = window.getSelection()!;
        sel.removeAllRanges();
        sel.addRange(range);
        return;
      }
    }
  });
  await expect(page.getByText("引用：")).toBeVisible();
  await page.getByLabel("新评论").fill("学校数量请与教委核实。");
  await page.getByRole("button", { name: "发表评论" }).click();
  const comment = page.getByRole("listitem").filter({ hasText: "学校数量请与教委核实。" });
  await expect(comment.locator("blockquote")).toHaveText("五十所");
  const stored = withTestDb((db) => db.select({ anchor: articleComments.anchor }).from(articleComments).where(eq(articleComments.articleId, id)).get()!);
  expect(stored.anchor).toEqual({ from: 6, to: 9, quote: "五十所" });
  await comment.getByRole("button", { name: "标记为已解决" }).click();
  await expect(comment).toContainText("已解决");

  // The editor corrects the published article and says so: readers see the note at once.
  const editor = await pageAs("editor");
  await editor.goto(`/desk/articles/${id}`);
  await editor.getByRole("textbox", { name: "正文" }).click();
  await editor.keyboard.press("End");
  await editor.keyboard.type("另有分校一所。");
  await editor.getByLabel("更正说明（公开显示）").fill("本文原稿漏写分校数量，已补充。");
  await editor.getByRole("button", { name: "保存", exact: true }).click();
  await expect(editor.getByText("已保存。")).toBeVisible();
  expect(articleState(id).state).toBe("published");

  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/articles/${id}`);
  await expect(reader.getByText("另有分校一所。")).toBeVisible();
  await expect(reader.getByText("本文原稿漏写分校数量，已补充。")).toBeVisible();
  await expect(reader.getByText("更正", { exact: true }).first()).toBeVisible();
});
