import "server-only";
import { eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { pendingRevisions, type Article, type PendingRevision } from "@/db/schema";
import type { ArticleState } from "@/lib/vocabulary";
import { firstRow } from "@/db/raw";

/*
 * A published story's pending revision (db/schema.ts pendingRevisions): read here, written with
 * the save and the workflow steps in article-workflow.ts, turned into the story's workflow view
 * (and its distance from the published text) by articles.ts workflowArticleOf.
 */

export async function getPendingRevision({ articleId }: { articleId: number }, db: DbOrTx = getDb()): Promise<PendingRevision | undefined> {
  return firstRow(await db.select().from(pendingRevisions).where(eq(pendingRevisions.articleId, articleId)));
}

/**
 * The version the desk edits and every stale check compares: the article's, or its pending
 * revision's once that has moved past it. Each write, to either, sets its row to this plus one,
 * so the number only grows whichever of the two was written last.
 */
export function workingVersion(article: Pick<Article, "version">, revision: Pick<PendingRevision, "version"> | null | undefined): number {
  return Math.max(article.version, revision?.version ?? 0);
}

/**
 * The state whose edit rights apply to an article now (lib/workflow EDIT_RIGHTS): its pending
 * revision's for a published story that has one (a reviewer may proofread a revision in review),
 * else its own. The editor page and the edit lock both ask.
 */
export async function editingStateOf(article: Pick<Article, "id" | "state">, db: DbOrTx = getDb()): Promise<ArticleState> {
  if (article.state !== "published") return article.state;
  return (await getPendingRevision({ articleId: article.id }, db))?.state ?? article.state;
}
