"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { saveArticle, transitionArticle, type WriteOutcome } from "@/db/queries/article-workflow";
import { createArticle, getArticleById } from "@/db/queries/articles";
import { getSectionById } from "@/db/queries/sections";
import type { ActionState, BulkReportLine, BulkState } from "@/lib/action-state";
import { fieldErrorsFrom, runAction } from "@/lib/actions";
import { isBulkAction, MAX_BULK_ITEMS, parseBulkItems } from "@/lib/desk/bulk";
import { requestIp } from "@/lib/request-info";
import { articleFieldsSchema } from "@/lib/validations/articles";
import { audit } from "@/services/audit";
import { requireUser } from "@/services/session";
import { refusedOutcomeMessage } from "../_lib/outcome-message";

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

/**
 * One step on several articles: approve or publish a page, submit, send back with one comment,
 * set a section. Each article goes through the same rules as on its own page (lib/workflow
 * decides per article, at the version the person saw) in a transaction of its own: what was
 * allowed is done even when another article was refused, and the report says which and why.
 */
export async function bulkArticlesAction(_prev: BulkState, formData: FormData): Promise<BulkState> {
  return runAction<BulkState>(async (t) => {
    const user = await requireUser("workOnArticles", "action:bulkArticles");
    const action = formData.get("bulk");
    const items = parseBulkItems(formData.getAll("items"));
    if (!isBulkAction(action)) return { ok: false, message: t("workflow.refusals.unknown_action") };
    if (items.length === 0) return { ok: false, message: t("bulk.noneSelected") };
    if (items.length > MAX_BULK_ITEMS) return { ok: false, message: t("bulk.tooMany", { max: MAX_BULK_ITEMS }) };
    const comment = String(formData.get("comment") ?? "").slice(0, 4000);
    if (action === "request_changes" && comment.trim() === "") return { ok: false, message: t("workflow.refusals.comment_required") };
    const sectionField = String(formData.get("sectionId") ?? "");
    const sectionId = sectionField === "" ? null : Number(sectionField);
    if (action === "set_section" && sectionId !== null && !(Number.isInteger(sectionId) && await getSectionById({ id: sectionId }))) {
      return { ok: false, message: t("articles.noSuchSection") };
    }
    const actor = { id: user.id, role: user.role, email: user.email };
    const ip = await requestIp();
    const report: BulkReportLine[] = [];
    for (const item of items) {
      const article = await getArticleById({ id: item.id });
      const title = article?.title || t("imports.untitled");
      let outcome: WriteOutcome;
      if (!article) outcome = { ok: false, reason: "not_found" };
      else if (action === "set_section" && article.sectionId === sectionId) {
        report.push({ id: item.id, title, ok: true, message: t("bulk.done.unchanged") });
        continue;
      } else if (action === "set_section") {
        outcome = await saveArticle({ id: item.id, baseVersion: item.version, changes: { sectionId }, note: t("bulk.sectionNote"), actor, ip });
      } else {
        outcome = await transitionArticle({ id: item.id, baseVersion: item.version, action, actor, comment: action === "request_changes" ? comment : undefined, ip });
        if (!outcome.ok && outcome.reason === "refused") {
          await audit({ action: "article.refused", actorId: user.id, actorEmail: user.email, targetType: "article", targetId: item.id, detail: { action, code: outcome.refusal.code, bulk: true } });
        }
      }
      report.push({ id: item.id, title, ok: outcome.ok, message: outcome.ok ? t(`bulk.done.${action}`) : refusedOutcomeMessage(outcome, t) });
    }
    const done = report.filter((r) => r.ok).length;
    if (done > 0) {
      revalidatePath("/desk", "layout");
      revalidatePath("/", "layout");
    }
    return { ok: done > 0, message: t("bulk.summary", { done, refused: report.length - done }), report };
  });
}
