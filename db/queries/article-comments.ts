import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { articleComments, users, type CommentAnchor } from "@/db/schema";

export function listComments({ articleId }: { articleId: number }) {
  return getDb()
    .select({
      id: articleComments.id,
      kind: articleComments.kind,
      body: articleComments.body,
      anchor: articleComments.anchor,
      resolvedAt: articleComments.resolvedAt,
      createdAt: articleComments.createdAt,
      authorName: users.name,
    })
    .from(articleComments)
    .innerJoin(users, eq(users.id, articleComments.authorId))
    .where(eq(articleComments.articleId, articleId))
    .orderBy(asc(articleComments.createdAt))
    .all();
}

export function insertComment(values: { articleId: number; authorId: number; body: string; anchor: CommentAnchor | null }) {
  return getDb().insert(articleComments).values(values).returning().get();
}

export function resolveComment({ id, articleId, userId }: { id: number; articleId: number; userId: number }): boolean {
  return (
    getDb()
      .update(articleComments)
      .set({ resolvedAt: new Date(), resolvedById: userId })
      .where(and(eq(articleComments.id, id), eq(articleComments.articleId, articleId)))
      .run().changes === 1
  );
}
