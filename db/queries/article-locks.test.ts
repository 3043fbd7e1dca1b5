import { removeTemporaryDatabase } from "@/db/testing/temporary-database";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { anArticle, aUser } from "@/db/testing/builders";
import { articleLocks, articles } from "@/db/schema";
import { acquireLock, getLiveLock } from "./article-locks";
import { firstRow } from "@/db/raw";

afterAll(removeTemporaryDatabase);

const editor = await aUser({ role: "editor", name: "张编辑" });
const editor2 = await aUser({ role: "editor", name: "李编辑" });
const reviewer = await aUser({ role: "reviewer", name: "王审稿" });

const lockRow = async (articleId: number) => firstRow(await getDb().select().from(articleLocks).where(eq(articleLocks.articleId, articleId)));
const take = async (articleId: number, who: typeof editor, takeOver = false) => await acquireLock({ articleId, userId: who.id, role: who.role, takeOver });

describe("the soft lock: only those who may edit may take or hold it", () => {
  it("lets an editor take a draft's lock and another editor take it over", async () => {
    const draft = await anArticle({ author: editor });
    expect((await take(draft.id, editor))?.userId).toBe(editor.id);
    expect((await take(draft.id, editor2))?.userId).toBe(editor.id);
    expect((await take(draft.id, editor2, true))?.userId).toBe(editor2.id);
  });

  it("refuses a reviewer a draft's lock: neither a takeover of the editor's nor a free one, and writes nothing", async () => {
    const draft = await anArticle({ author: editor });
    await take(draft.id, editor);
    const before = await lockRow(draft.id);
    expect((await take(draft.id, reviewer, true))?.userId).toBe(editor.id);
    expect(await lockRow(draft.id)).toEqual(before);

    const free = await anArticle({ author: editor });
    expect(await take(free.id, reviewer, true)).toBeUndefined();
    expect(await lockRow(free.id)).toBeUndefined();
  });

  it("counts a lock only while its holder may still edit: once submitted, the editor's lock is no one's and a reviewer may take it", async () => {
    const article = await anArticle({ author: editor });
    await take(article.id, editor);
    await getDb().update(articles).set({ state: "in_review" }).where(eq(articles.id, article.id));
    expect(await getLiveLock({ articleId: article.id })).toBeUndefined();
    expect(await take(article.id, editor)).toBeUndefined();
    expect((await take(article.id, reviewer))?.userId).toBe(reviewer.id);
  });
});
