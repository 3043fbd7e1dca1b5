import { eq } from "drizzle-orm";
import { articleLocks } from "../db/schema";
import { LOCK_HEARTBEAT_SECONDS, LOCK_SECONDS } from "../lib/desk/article-lock";
import { arrangeArticle } from "./support/db";
import { withDatabase } from "./support/database";
import { deskNav, expect, test } from "./support/fixtures";

/*
 * Trap: after an editor submitted and closed the browser, reviewers still saw "李编辑 正在编辑"
 * for five minutes and had to take over. The lock now goes with the editing.
 */

const lockOf = async (articleId: number) => await withDatabase(async (db) => (await db.select().from(articleLocks).where(eq(articleLocks.articleId, articleId)))[0]);

test("submitting releases the lock: the reviewer finds the article free", async ({ pageAs }) => {
  const id = await arrangeArticle({ title: "提交即释放的稿件", sectionSlug: "news" });
  const editor = await pageAs("editor");
  await editor.goto(`/desk/articles/${id}`);
  await expect.poll(async () => (await lockOf(id))?.userId).toBeDefined();

  await editor.getByRole("button", { name: "提交审核" }).click();
  await expect(editor.getByText("已提交审核。")).toBeVisible();
  await expect.poll(async () => await lockOf(id)).toBeUndefined();

  const reviewer = await pageAs("reviewer");
  await reviewer.goto(`/desk/articles/${id}`);
  await expect(reviewer.getByRole("heading", { level: 1, name: "提交即释放的稿件" })).toBeVisible();
  await expect(reviewer.getByText(/正在编辑/)).toHaveCount(0);
});

test("leaving the page releases the lock, by navigating away or by closing the tab", async ({ pageAs }) => {
  const id = await arrangeArticle({ title: "离开即释放的稿件", sectionSlug: "news" });
  const editor = await pageAs("editor");
  await editor.goto(`/desk/articles/${id}`);
  await expect.poll(async () => (await lockOf(id))?.userId).toBeDefined();
  await deskNav(editor).getByRole("link", { name: "稿件", exact: true }).click();
  await expect(editor).toHaveURL(/\/desk\/articles$/);
  await expect.poll(async () => await lockOf(id)).toBeUndefined();

  await editor.goto(`/desk/articles/${id}`);
  await expect.poll(async () => (await lockOf(id))?.userId).toBeDefined();
  await editor.close({ runBeforeUnload: true });
  await expect.poll(async () => await lockOf(id)).toBeUndefined();
});

test("the release route lets go of the caller's own lock only", async ({ pageAs, browser }) => {
  const id = await arrangeArticle({ title: "别人的锁", sectionSlug: "news" });
  const editor = await pageAs("editor");
  await editor.goto(`/desk/articles/${id}`);
  await expect.poll(async () => (await lockOf(id))?.userId).toBeDefined();
  const reviewer = await pageAs("reviewer");
  expect((await reviewer.request.post(`/api/articles/${id}/lock`)).status()).toBe(204);
  expect(await lockOf(id)).toBeDefined();
  const anonymous = await browser.newContext();
  expect((await anonymous.request.post(`/api/articles/${id}/lock`)).status()).toBe(401);
  await anonymous.close();
  expect(await lockOf(id)).toBeDefined();
});

test("the lock lives only as long as its heartbeat: renewed while the page is open, short enough to lapse soon after", async ({ pageAs }) => {
  const id = await arrangeArticle({ title: "心跳续期的稿件", sectionSlug: "news" });
  const editor = await pageAs("editor");
  await editor.clock.install();
  await editor.goto(`/desk/articles/${id}`);
  await expect.poll(async () => (await lockOf(id))?.userId).toBeDefined();
  const first = (await lockOf(id))!;
  // Far shorter than the five minutes a closed browser used to hold it.
  expect(first.expiresAt.getTime() - first.updatedAt.getTime()).toBe(LOCK_SECONDS * 1000);
  expect(LOCK_SECONDS).toBeLessThanOrEqual(120);

  await editor.clock.fastForward((LOCK_HEARTBEAT_SECONDS + 1) * 1000);
  await expect.poll(async () => (await lockOf(id))!.updatedAt.getTime()).toBeGreaterThan(first.updatedAt.getTime());

  // A heartbeat that stopped (a crashed browser) leaves a lock that has lapsed: nobody sees it.
  await withDatabase(async (db) => await db.update(articleLocks).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(articleLocks.articleId, id)));
  const reviewer = await pageAs("reviewer");
  await reviewer.goto(`/desk/articles/${id}`);
  await expect(reviewer.getByRole("heading", { level: 1, name: "心跳续期的稿件" })).toBeVisible();
  await expect(reviewer.getByText(/正在编辑/)).toHaveCount(0);
});
