import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { articleComments, users, type CommentAnchor } from "@/db/schema";
import { onlyRow } from "@/db/raw";

export async function listComments({ articleId }: { articleId: number }) {
  return (await getDb()
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
    .orderBy(asc(articleComments.createdAt)));
}

export async function insertComment(values: { articleId: number; authorId: number; body: string; anchor: CommentAnchor | null }) {
  return onlyRow(await getDb().insert(articleComments).values(values).returning());
}

export async function resolveComment({ id, articleId, userId }: { id: number; articleId: number; userId: number }): Promise<boolean> {
  return (
    (await getDb()
      .update(articleComments)
      .set({ resolvedAt: new Date(), resolvedById: userId })
      .where(and(eq(articleComments.id, id), eq(articleComments.articleId, articleId)))
      .returning({ id: articleComments.id }))
  ).length === 1;
}
