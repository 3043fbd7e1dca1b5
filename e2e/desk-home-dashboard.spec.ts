import { eq, inArray } from "drizzle-orm";
import { articles, pages } from "../db/schema";
import { isoDateInZone } from "../lib/public/dates";
import { arrangeArticle, arrangeIssue, createTestUser } from "./support/db";
import { withDatabase } from "./support/database";
import { expect, keepScreenshot, signIn, switchToEnglish, test } from "./support/fixtures";
import { removeArranged } from "./support/public";

// Today's issue would be the reader's latest: taken away again, so other stories keep the demo issue as the paper of the day.
const cleanups: (() => Promise<void>)[] = [];
test.afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

/** Today's issue of four pages, as a morning on the desk finds it: page 1 nearly done, 2 in the works, 3 barely started, 4 empty. */
async function arrangeMorning(authorEmail: string) {
  const today = isoDateInZone(new Date());
  const { issueId, pageIds } = await arrangeIssue(today, 4);
  const arranged: number[] = [];
  cleanups.push(() => removeArranged({ articleIds: arranged, issueDate: today }));
  const story = async (a: Parameters<typeof arrangeArticle>[0]) => {
    const id = await arrangeArticle(a);
    arranged.push(id);
    return id;
  };
  await withDatabase(async (db) => {
    for (const [i, name] of ["要闻", "经济", "社会", "文化"].entries()) await db.update(pages).set({ name }).where(eq(pages.id, pageIds[i]!));
  });
  const on = (page: number, position: number) => ({ issueId, pageId: pageIds[page - 1], position, sectionSlug: "news" });
  const editor = { authorEmail: "editor2@folio.local" };
  const out = [
    await story({ title: "全区两会精神宣讲走进基层", state: "published", ...on(1, 0), ...editor }),
    await story({ title: "荣昌夏布亮相国际时装周", state: "published", ...on(1, 1), ...editor }),
  ];
  // Out this morning: the newest of the recently published.
  await withDatabase(async (db) => await db.update(articles).set({ publishedAt: new Date() }).where(inArray(articles.id, out)));
  await story({ title: "一季度重点项目集中开工", state: "approved", ...on(1, 2), ...editor });
  await story({ title: "高新区新增规上企业十二家", state: "in_review", ...on(2, 0), ...editor });
  await story({ title: "夜间经济点亮消费新场景", state: "draft", ...on(2, 1), authorEmail });
  const sentBack = await story({ title: "老旧小区改造惠及万户", state: "in_review", ...on(3, 0), authorEmail });
  await withDatabase(async (db) => await db.update(articles).set({ state: "changes_requested" }).where(eq(articles.id, sentBack)));
  await story({ title: "春季养生小贴士", state: "draft", authorEmail });
  return { today };
}

test("an editor's morning: today's issue page by page, their drafts and what was sent back, each count leading to its list", async ({ browser }) => {
  const me = await createTestUser("editor");
  const { today } = await arrangeMorning(me.email);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, me.email, me.password);
  await page.goto("/desk");

  const issue = page.getByRole("region", { name: `荣昌报 ${today}` });
  await expect(issue.getByText("今日报纸")).toBeVisible();
  await expect(issue.getByText("已发布 2/6 篇")).toBeVisible();
  await expect(issue.getByTestId("page-1")).toContainText("第1版 要闻");
  await expect(issue.getByTestId("page-1").getByRole("img")).toHaveAttribute("aria-label", "已通过待发 1 篇，已发布 2 篇");
  await expect(issue.getByTestId("page-2").getByRole("img")).toHaveAttribute("aria-label", "编辑中 1 篇，审核中 1 篇");
  await expect(issue.getByTestId("page-4")).toContainText("本版还没有稿件");
  await expect(issue.getByTestId("readiness")).toHaveText(/个问题待解决/);
  await expect(issue.getByRole("list", { name: "阻止发布的问题" })).toContainText("第4版没有稿件。");

  await expect(page.getByTestId("my-drafts-count")).toHaveText("2");
  await expect(page.getByTestId("sent-back-count")).toHaveText("1");
  await expect(page.getByRole("region", { name: "退回给我的" })).toContainText("老旧小区改造惠及万户");
  await expect(page.getByRole("region", { name: "最近 7 天发布" })).toContainText("荣昌夏布亮相国际时装周");
  await keepScreenshot(page, "desk-home-zh");

  // A count is a link to the whole list, filtered.
  await page.getByTestId("my-drafts-count").click();
  await expect(page).toHaveURL(/\/desk\/articles\?state=draft&author=\d+/);
  await expect(page.getByRole("table").getByRole("link")).toHaveText(["春季养生小贴士", "夜间经济点亮消费新场景"]);
  // So is each page of the issue.
  await page.goto("/desk");
  await page.getByRole("link", { name: "第2版 经济" }).click();
  await expect(page).toHaveURL(new RegExp(`issue=${today}&page=2`));
  await expect(page.getByRole("table").getByRole("link")).toHaveCount(2);

  await page.goto("/desk");
  await switchToEnglish(page);
  await expect(issue.getByText("Today’s issue")).toBeVisible();
  await expect(page.getByRole("region", { name: "My drafts" }).getByTestId("my-drafts-count")).toHaveText("2");
  await expect(page.getByRole("region", { name: "Sent back to me" })).toContainText("老旧小区改造惠及万户");
  await expect(issue.getByTestId("page-2").getByRole("img")).toHaveAttribute("aria-label", "Being written 1, In review 1");
  await keepScreenshot(page, "desk-home-en");
  await context.close();
});

test("a reviewer's morning: what waits for their review, with a link to exactly those in the queue", async ({ pageAs }) => {
  await arrangeArticle({ title: "等待审核的区县新闻", state: "in_review", sectionSlug: "news", authorEmail: "editor@folio.local" });
  await arrangeArticle({ title: "审核员自己写的稿件", state: "in_review", sectionSlug: "news", authorEmail: "reviewer2@folio.local" });
  const page = await pageAs("reviewer2");
  await page.goto("/desk");
  await expect(page.getByTestId("my-drafts-count")).toHaveCount(0);
  const waiting = Number(await page.getByTestId("waiting-for-me-count").textContent());
  expect(waiting).toBeGreaterThan(0);
  await page.getByTestId("waiting-for-me-count").click();
  await expect(page).toHaveURL(/\/desk\/review\?mine=1/);
  const queue = page.getByRole("list", { name: "审核队列" });
  await expect(queue.getByRole("link", { name: "等待审核的区县新闻" })).toBeVisible();
  // Their own story is in the queue for others, not waiting for them.
  await expect(queue.getByRole("link", { name: "审核员自己写的稿件" })).toHaveCount(0);
  await expect(queue.getByRole("listitem")).toHaveCount(waiting);
});
