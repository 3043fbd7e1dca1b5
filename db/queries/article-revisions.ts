import "server-only";
import { and, desc, eq, lte } from "drizzle-orm";
import { getDb } from "@/db";
import { articleRevisions, users } from "@/db/schema";

/* Every save of an article is a revision (written by articles.ts with the save); these read them. */

export function listRevisions({ articleId }: { articleId: number }) {
  return getDb()
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
    .orderBy(desc(articleRevisions.version))
    .all();
}

/** The revision in force at `version` (state changes bump the version without a new revision). */
export function getRevision({ articleId, version }: { articleId: number; version: number }) {
  return getDb()
    .select()
    .from(articleRevisions)
    .where(and(eq(articleRevisions.articleId, articleId), lte(articleRevisions.version, version)))
    .orderBy(desc(articleRevisions.version))
    .get();
}
