import { removeTemporaryDatabase } from "@/db/testing/temporary-database";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { anArticle, aUser } from "@/db/testing/builders";
import { articleLocks, articles } from "@/db/schema";
import { acquireLock, getLiveLock } from "./article-locks";

afterAll(removeTemporaryDatabase);

const editor = aUser({ role: "editor", name: "张编辑" });
const editor2 = aUser({ role: "editor", name: "李编辑" });
const reviewer = aUser({ role: "reviewer", name: "王审稿" });

const lockRow = (articleId: number) => getDb().select().from(articleLocks).where(eq(articleLocks.articleId, articleId)).get();
const take = (articleId: number, who: typeof editor, takeOver = false) => acquireLock({ articleId, userId: who.id, role: who.role, takeOver });

describe("the soft lock: only those who may edit may take or hold it", () => {
  it("lets an editor take a draft's lock and another editor take it over", () => {
    const draft = anArticle({ author: editor });
    expect(take(draft.id, editor)?.userId).toBe(editor.id);
    expect(take(draft.id, editor2)?.userId).toBe(editor.id);
    expect(take(draft.id, editor2, true)?.userId).toBe(editor2.id);
  });

  it("refuses a reviewer a draft's lock: neither a takeover of the editor's nor a free one, and writes nothing", () => {
    const draft = anArticle({ author: editor });
    take(draft.id, editor);
    const before = lockRow(draft.id);
    expect(take(draft.id, reviewer, true)?.userId).toBe(editor.id);
    expect(lockRow(draft.id)).toEqual(before);

    const free = anArticle({ author: editor });
    expect(take(free.id, reviewer, true)).toBeUndefined();
    expect(lockRow(free.id)).toBeUndefined();
  });

  it("counts a lock only while its holder may still edit: once submitted, the editor's lock is no one's and a reviewer may take it", () => {
    const article = anArticle({ author: editor });
    take(article.id, editor);
    getDb().update(articles).set({ state: "in_review" }).where(eq(articles.id, article.id)).run();
    expect(getLiveLock({ articleId: article.id })).toBeUndefined();
    expect(take(article.id, editor)).toBeUndefined();
    expect(take(article.id, reviewer)?.userId).toBe(reviewer.id);
  });
});
