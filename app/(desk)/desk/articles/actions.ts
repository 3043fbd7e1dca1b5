"use server";

import { redirect } from "next/navigation";
import { createArticle } from "@/db/queries/articles";
import type { ActionState } from "@/lib/action-state";
import { fieldErrorsFrom, runAction } from "@/lib/actions";
import { articleFieldsSchema } from "@/lib/validations/articles";
import { audit } from "@/services/audit";
import { requireUser } from "@/services/session";

// The title as the article form checks it: at most 200 characters (code points), no broken ones.
const newArticleSchema = articleFieldsSchema.pick({ title: true });

/** "New article": a blank draft written from scratch (not from print), opened in the editor. */
export async function createArticleAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let id: number | undefined;
  const state = await runAction(async (t) => {
    const user = await requireUser("writeArticles", "action:createArticle");
    const parsed = newArticleSchema.safeParse({ title: formData.get("title") ?? "" });
    if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsFrom(parsed.error, t) };
    const { title } = parsed.data;
    if (!title) return { ok: false, fieldErrors: { title: t("validation.required") } };
    const article = await createArticle({ title, body: { type: "doc", content: [] }, authorId: user.id, state: "draft" }, { kind: "create", authorId: user.id });
    await audit({ action: "article.create", actorId: user.id, actorEmail: user.email, targetType: "article", targetId: article.id, detail: { title } });
    id = article.id;
    return { ok: true };
  });
  if (id !== undefined) redirect(`/desk/articles/${id}`);
  return state;
}
