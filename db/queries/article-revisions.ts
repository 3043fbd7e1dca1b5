import "server-only";
import { and, desc, eq, lte } from "drizzle-orm";
import { getDb } from "@/db";
import { articleRevisions, users } from "@/db/schema";
import { firstRow } from "@/db/raw";

/* Every save of an article is a revision (written by articles.ts with the save); these read them. */

export async function listRevisions({ articleId }: { articleId: number }) {
  return (await getDb()
    .select({
      id: articleRevisions.id,
      version: articleRevisions.version,
      kind: articleRevisions.kind,
      note: articleRevisions.note,
      createdAt: articleRevisions.createdAt,
      authorName: users.name,
    })
    .from(articleRevisions)
    .innerJoin(users, eq(users.id, articleRevisions.authorId))
    .where(eq(articleRevisions.articleId, articleId))
    .orderBy(desc(articleRevisions.version)));
}

/** The revision in force at `version` (state changes bump the version without a new revision). */
export async function getRevision({ articleId, version }: { articleId: number; version: number }) {
  return firstRow(await getDb()
    .select()
    .from(articleRevisions)
    .where(and(eq(articleRevisions.articleId, articleId), lte(articleRevisions.version, version)))
    .orderBy(desc(articleRevisions.version)));
}
