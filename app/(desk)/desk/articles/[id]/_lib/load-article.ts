import "server-only";
import { notFound } from "next/navigation";
import { getArticleById } from "@/db/queries/articles";
import { requirePageUser, type SessionUser } from "@/services/session";
import type { Article } from "@/db/schema";

/**
 * The article page and its history share one gate, so the two can't disagree on who
 * may see an article or on what counts as a bad id (both 404, never a thrown error).
 */
export async function loadDeskArticle(params: Promise<{ id: string }>): Promise<{ user: SessionUser; article: Article }> {
  const user = await requirePageUser("openArticles");
  const id = Number((await params).id);
  const article = Number.isInteger(id) && id > 0 ? await getArticleById({ id }) : undefined;
  if (!article) notFound();
  return { user, article };
}
