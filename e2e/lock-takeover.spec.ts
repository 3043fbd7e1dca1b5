import { eq } from "drizzle-orm";
import { articleLocks, users } from "../db/schema";
import { actionNamed, postAction } from "./support/actions";
import { arrangeArticle, auditActions } from "./support/db";
import { withDatabase } from "./support/database";
import { expect, test } from "./support/fixtures";

/** Who holds the article's soft lock now (expired or not), by email. */
async function lockHolder(articleId: number): Promise<string | null> {
  return await withDatabase(async (db) =>
      (await db
        .select({ email: users.email })
        .from(articleLocks)
        .innerJoin(users, eq(users.id, articleLocks.userId))
        .where(eq(articleLocks.articleId, articleId))
        )[0]?.email ?? null,
  );
}

test("only someone who may edit a story may take over its lock: not a reviewer on a draft, not even by replaying the action", async ({ pageAs }) => {
  const id = await arrangeArticle({ title: "接手编辑权限测试", state: "draft" });
  const editor = await pageAs("editor");
  await editor.goto(`/desk/articles/${id}`);
  await expect.poll(async () => await lockHolder(id)).toBe("editor@folio.local");

  // A reviewer may read the draft but not edit it: told who edits it, offered no takeover.
  const reviewer = await pageAs("reviewer");
  await reviewer.goto(`/desk/articles/${id}`);
  await expect(reviewer.getByText("当前状态下您不能编辑这篇稿件。")).toBeVisible();
  await expect(reviewer.getByText(/正在编辑（自/)).toBeVisible();
  await expect(reviewer.getByRole("button", { name: "接手编辑" })).toHaveCount(0);

  // The same takeover sent straight to the server action, as a replayed request would.
  const replay = await postAction(reviewer.request, actionNamed("lockArticleAction"), [{ articleId: id, takeOver: true }]);
  expect(replay.status).toBe(200);
  expect(await lockHolder(id)).toBe("editor@folio.local");
  // Nor may a plain renewal give the reviewer a lock once the editor's has lapsed.
  await withDatabase(async (db) => await db.update(articleLocks).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(articleLocks.articleId, id)));
  await postAction(reviewer.request, actionNamed("lockArticleAction"), [{ articleId: id }]);
  expect(await lockHolder(id)).toBe("editor@folio.local");
  expect(await auditActions({ action: "article.lock.takeover", targetId: String(id) })).toHaveLength(0);
  expect((await auditActions({ action: "article.lock.refused", actorEmail: "reviewer@folio.local", targetId: String(id) })).length).toBeGreaterThanOrEqual(1);

  // Another editor may take it over, through the button.
  await editor.goto(`/desk/articles/${id}`);
  await expect.poll(async () => await lockHolder(id)).toBe("editor@folio.local");
  const editor2 = await pageAs("editor2");
  await editor2.goto(`/desk/articles/${id}`);
  await editor2.getByRole("button", { name: "接手编辑" }).click();
  await expect.poll(async () => await lockHolder(id)).toBe("editor2@folio.local");
  // The audit row follows the lock's own write.
  await expect.poll(async () => (await auditActions({ action: "article.lock.takeover", targetId: String(id) })).length).toBe(1);
});
