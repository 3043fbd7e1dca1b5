import type { Page } from "@playwright/test";
import { arrangeArticle } from "./support/db";
import { expect, switchToEnglish, test } from "./support/fixtures";

/** The bell in the desk header: its accessible name carries the unread count. */
function bell(page: Page) {
  return page.getByRole("banner").locator("summary");
}

async function unread(page: Page): Promise<number> {

  const label = (await bell(page).getAttribute("aria-label")) ?? "";
  return Number(/(\d+)/.exec(label)?.[1] ?? 0);
}

async function act(page: Page, button: string, done: string) {
  await page.getByRole("button", { name: button, exact: true }).click();
  await expect(page.getByText(done)).toBeVisible();
}

test("the bell tells each person what happened to their stories: submitted, sent back with the comment, approved, published, lock taken over", async ({ pageAs }) => {
  const title = "通知测试：城乡公交新线路开通";
  const id = await arrangeArticle({ title, state: "draft", sectionSlug: "news", authorEmail: "editor2@folio.local" });
  const editor = await pageAs("editor2");
  const reviewer = await pageAs("reviewer2");
  await reviewer.goto("/desk");
  const before = await unread(reviewer);

  // Submitted: every reviewer hears of it.
  await editor.goto(`/desk/articles/${id}`);
  await act(editor, "提交审核", "已提交审核。");
  await reviewer.reload();
  await expect(bell(reviewer)).toHaveAttribute("aria-label", `通知（${before + 1} 条未读）`);
  await bell(reviewer).click();
  const latest = reviewer.getByRole("list", { name: "最新通知" }).first();
  await expect(latest.getByRole("listitem").first()).toContainText(`张编辑提交了《${title}》，等待审核`);
  // Opening a notice goes to the story and marks it read.
  await latest.getByRole("button", { name: new RegExp(title) }).first().click();
  await expect(reviewer).toHaveURL(new RegExp(`/desk/articles/${id}$`));
  await expect(bell(reviewer)).toHaveAttribute("aria-label", before === 0 ? "通知" : `通知（${before} 条未读）`);

  // Sent back with a comment: the author hears it, comment and all.
  await editor.goto("/desk");
  const editorBefore = await unread(editor);
  await reviewer.getByLabel("退回意见").fill("请补充发车时刻表。");
  await act(reviewer, "退回修改", "已退回修改。");
  await editor.reload();
  await expect(bell(editor)).toHaveAttribute("aria-label", `通知（${editorBefore + 1} 条未读）`);
  await bell(editor).click();
  const editorList = editor.getByRole("list", { name: "最新通知" }).first();
  await expect(editorList.getByRole("listitem").first()).toContainText(`刘审核退回了《${title}》`);
  await expect(editorList.getByRole("listitem").first()).toContainText("请补充发车时刻表。");

  // Resubmitted, approved and published: two more notices for the author.
  await editor.goto(`/desk/articles/${id}`);
  await act(editor, "提交审核", "已提交审核。");
  await reviewer.reload();
  await act(reviewer, "审核通过", "已审核通过。");
  await act(reviewer, "立即发布", "已发布。");
  await editor.goto("/desk/notifications");
  const all = editor.getByRole("list", { name: "通知" });
  await expect(all.getByRole("listitem").nth(0)).toContainText(`刘审核发布了《${title}》`);
  await expect(all.getByRole("listitem").nth(1)).toContainText(`刘审核审核通过了《${title}》`);

  // A lock taken over: the one who held it is told.
  await editor.goto(`/desk/articles/${id}`);
  await expect(editor.getByRole("textbox", { name: "正文" })).toBeVisible();
  const admin = await pageAs("admin");
  await admin.goto(`/desk/articles/${id}`);
  await admin.getByRole("button", { name: "接手编辑" }).click();
  await expect(admin.getByRole("button", { name: "接手编辑" })).toHaveCount(0);
  await editor.goto("/desk/notifications");
  await expect(all.getByRole("listitem").first()).toContainText(`王主任接手编辑了《${title}》`);

  // The desk home lists the newest; "mark all as read" empties the count.
  await editor.goto("/desk");
  await expect(editor.getByRole("region", { name: /给您的通知/ })).toContainText(`接手编辑了《${title}》`);
  await switchToEnglish(editor);
  await expect(bell(editor)).toHaveAttribute("aria-label", /Notifications \(\d+ unread\)/);
  await bell(editor).click();
  await expect(editor.getByRole("list", { name: "Latest notifications" }).first().getByRole("listitem").first()).toContainText(`took over editing “${title}”`);
  await editor.getByRole("banner").getByRole("button", { name: "Mark all as read" }).click();
  await expect(bell(editor)).toHaveAttribute("aria-label", "Notifications");
});
