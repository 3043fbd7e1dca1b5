"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { insertComment, resolveComment } from "@/db/queries/article-comments";
import { acquireLock, getLiveLock, releaseLock, type LockHolder } from "@/db/queries/article-locks";
import { getRevision } from "@/db/queries/article-revisions";
import { saveArticle, transitionArticle, type WriteOutcome } from "@/db/queries/article-workflow";
import { getArticleById, revisedArticle } from "@/db/queries/articles";
import { editingStateOf, getPendingRevision, workingVersion } from "@/db/queries/pending-revisions";
import { placeArticle } from "@/db/queries/issues";
import { recordNotices } from "@/db/queries/notifications";
import { missingMediaIds } from "@/db/queries/media";
import { photosOfBody } from "@/lib/article-body/photos";
import { getSectionById } from "@/db/queries/sections";
import { keepValues, type ActionState } from "@/lib/action-state";
import { fieldErrorsFrom, runAction } from "@/lib/actions";
import { parseArticleBody } from "@/lib/article-body";
import { audit } from "@/services/audit";
import { requireUser } from "@/services/session";
import { AppError, isAppError, isDatabaseBusy } from "@/lib/errors";
import { requestIp } from "@/lib/request-info";
import { refusedOutcomeMessage } from "../../_lib/outcome-message";
import { articleFieldsSchema, commentSchema, saveMetaSchema } from "@/lib/validations/articles";
import { placementSchema } from "@/lib/validations/imports";
import { noticeForTakeover } from "@/lib/desk/notifications";
import { articleFormFields } from "@/lib/article-fields";
import { canEditArticle, isWorkflowAction } from "@/lib/workflow";
import { cutToChars } from "@/lib/text-length";

export type StaleInfo = { version: number; savedByName: string | null; savedAt: string };

export type ArticleActionResult =
  | { ok: true; message: string; version: number; savedAt: string; state: string }
  | { ok: false; message: string; stale?: StaleInfo; fieldErrors?: Record<string, string> };

type Translate = Awaited<ReturnType<typeof getTranslations>>;

/** For actions that answer data, not messages: a refusal (already audited) becomes an empty answer, not a 500. */
function refusedAs<T>(value: T) {
  return (e: unknown): T => {
    if (isAppError(e)) return value;
    throw e;
  };
}

function outcomeResult(outcome: WriteOutcome, t: Translate, success: string, { refresh = true }: { refresh?: boolean } = {}): ArticleActionResult {
  if (outcome.ok) {
    if (refresh) {
      revalidatePath(`/desk/articles/${outcome.article.id}`);
      revalidatePath("/desk/issues", "layout");
      // Public pages read per request; this drops any cached copy of the changed article.
      revalidatePath("/", "layout");
    }
    return {
      ok: true,
      message: success,
      // A published story's pending revision carries the version the desk edits (pending-revisions.ts).
      version: workingVersion(outcome.article, outcome.revision),
      savedAt: (outcome.revision ?? outcome.article).updatedAt.toISOString(),
      state: outcome.article.state,
    };
  }
  const message = refusedOutcomeMessage(outcome, t);
  if (outcome.reason !== "stale") return { ok: false, message };
  return {
    ok: false,
    message,
    stale: { version: outcome.stale.version, savedByName: outcome.stale.savedByName, savedAt: outcome.stale.savedAt.toISOString() },
  };
}

/**
 * Saves headline fields and body. The body is Tiptap JSON checked against the allow-list here,
 * whatever the editor in the browser sent; who may edit in which state is lib/workflow's call.
 */
export async function saveArticleAction(input: {
  articleId: number;
  baseVersion: number;
  fields: Record<string, unknown>;
  body: unknown;
  note?: string | null;
  correction?: string | null;
  autosave?: boolean;
}): Promise<ArticleActionResult> {
  return runAction(async (t) => {
    const user = await requireUser("workOnArticles", "action:saveArticle");
    const meta = saveMetaSchema.safeParse(input ?? {});
    if (!meta.success) throw new AppError("invalid");
    const fields = articleFieldsSchema.safeParse(input.fields ?? {});
    if (!fields.success) return { ok: false, message: t("errors.invalid"), fieldErrors: fieldErrorsFrom(fields.error, t) };
    const body = parseArticleBody(input.body);
    if (!body.ok) return { ok: false, message: t(body.code === "too_large" ? "articles.bodyTooLarge" : "articles.bodyInvalid", { detail: body.message }) };
    const missing = await missingMediaIds({ ids: photosOfBody(body.body).map((p) => p.mediaId) });
    if (missing.length > 0) return { ok: false, message: t("articles.photoMissing", { ids: missing.map((id) => `#${id}`).join("、") }) };
    if (fields.data.sectionId && !await getSectionById({ id: fields.data.sectionId })) {
      return { ok: false, message: t("errors.invalid"), fieldErrors: { sectionId: t("articles.noSuchSection") } };
    }
    const current = await getArticleById({ id: meta.data.articleId });
    if (!current) throw new AppError("not_found");
    const outcome = await saveArticle({
      id: current.id,
      baseVersion: meta.data.baseVersion,
      changes: { ...fields.data, body: body.body },
      // A published story is changed on its pending revision, which carries why (its 更正说明).
      reason: meta.data.correction,
      note: meta.data.note ?? (meta.data.autosave ? t("articles.autosaveNote") : null),
      actor: { id: user.id, role: user.role, email: user.email },
      ip: await requestIp(),
    });
    if (outcome.ok) await acquireLock({ articleId: current.id, userId: user.id, role: user.role, takeOver: false });
    // A revalidated path makes Next render the whole page into the action's answer. An autosave
    // that leaves the state alone needs only its version back (the editor keeps its own text),
    // and under load that render made it several times dearer than a page view (bench/load.ts).
    // Beginning a published story's revision is a change of state too: its buttons appear.
    const refresh = !meta.data.autosave || (outcome.ok && outcome.changedState);
    return outcomeResult(outcome, t, t("articles.saved"), { refresh });
  });
}

/** A workflow step: the buttons show only allowed actions, but this decides again on the server. */
export async function transitionArticleAction(input: {
  articleId: number;
  baseVersion: number;
  action: string;
  comment?: string;
  reason?: string;
  publishAt?: string;
}): Promise<ArticleActionResult> {
  return runAction(async (t) => {
    const user = await requireUser("workOnArticles", "action:transitionArticle");
    const id = Number(input?.articleId);
    const baseVersion = Number(input?.baseVersion);
    if (!Number.isInteger(id) || !Number.isInteger(baseVersion)) throw new AppError("invalid");
    if (!isWorkflowAction(input.action) || input.action === "publish_scheduled") {
      return { ok: false, message: t("workflow.refusals.unknown_action") };
    }
    const publishAt = input.publishAt ? new Date(input.publishAt) : undefined;
    const outcome = await transitionArticle({
      id,
      baseVersion,
      action: input.action,
      actor: { id: user.id, role: user.role, email: user.email },
      comment: typeof input.comment === "string" ? cutToChars(input.comment, 4000) : undefined,
      reason: typeof input.reason === "string" ? cutToChars(input.reason, 1000) : undefined,
      publishAt,
      ip: await requestIp(),
    });
    if (!outcome.ok && outcome.reason === "refused") {
      await audit({
        action: "article.refused",
        actorId: user.id,
        actorEmail: user.email,
        targetType: "article",
        targetId: id,
        detail: { action: input.action, code: outcome.refusal.code },
      });
    }
    // Submitted, the text is the reviewers' now: nobody is "editing" it any more.
    if (outcome.ok && input.action === "submit") await releaseLock({ articleId: id });
    return outcomeResult(outcome, t, t(`workflow.done.${input.action}`));
  });
}

/** Restores an old revision as a new one; nothing is overwritten. */
export async function restoreRevisionAction(input: { articleId: number; version: number; baseVersion: number }): Promise<ArticleActionResult> {
  return runAction(async (t) => {
    const user = await requireUser("workOnArticles", "action:restoreRevision");
    const revision = await getRevision({ articleId: Number(input?.articleId), version: Number(input?.version) });
    if (!revision) throw new AppError("not_found");
    const { sectionId, ...snapshot } = revision.snapshot;
    const outcome = await saveArticle({
      id: revision.articleId,
      baseVersion: Number(input.baseVersion),
      changes: { ...snapshot, sectionId },
      note: t("articles.restoredNote", { version: revision.version }),
      kind: "restore",
      actor: { id: user.id, role: user.role, email: user.email },
      ip: await requestIp(),
    });
    return outcomeResult(outcome, t, t("articles.restored", { version: revision.version }));
  });
}

export async function addCommentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async (t) => {
    const user = await requireUser("workOnArticles", "action:addComment");
    const parsed = commentSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsFrom(parsed.error, t) };
    const { articleId, body, quote } = parsed.data;
    const article = await getArticleById({ id: articleId });
    if (!article) throw new AppError("not_found");
    // Anchored only to a passage that is really in the body (offsets into its plain text).
    const at = quote ? article.bodyText.indexOf(quote) : -1;
    const anchor = quote && at >= 0 ? { from: at, to: at + quote.length, quote } : null;
    const comment = await insertComment({ articleId, authorId: user.id, body, anchor });
    await audit({
      action: "article.comment",
      actorId: user.id,
      actorEmail: user.email,
      targetType: "article",
      targetId: articleId,
      detail: { commentId: comment.id, anchored: anchor !== null },
    });
    revalidatePath(`/desk/articles/${articleId}`);
    return { ok: true, message: t("comments.added") };
  });
}

export async function resolveCommentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async (t) => {
    const user = await requireUser("workOnArticles", "action:resolveComment");
    const articleId = Number(formData.get("articleId"));
    const id = Number(formData.get("commentId"));
    if (!await resolveComment({ id, articleId, userId: user.id })) throw new AppError("not_found");
    await audit({ action: "article.comment.resolve", actorId: user.id, actorEmail: user.email, targetType: "article", targetId: articleId, detail: { commentId: id } });
    revalidatePath(`/desk/articles/${articleId}`);
    return { ok: true, message: t("comments.resolved") };
  });
}

/**
 * Soft lock: take, renew or take over. Only someone who may edit the article in its state may hold
 * its lock (the page offers a takeover only to them; a replayed request is refused here and by the
 * query). Returns who holds it now.
 */
export async function lockArticleAction(input: { articleId: number; takeOver?: boolean; release?: boolean }) {
  // A renewal is the page's own heartbeat, not the person's doing: it must not keep an idle session alive.
  const user = await requireUser("workOnArticles", "action:lockArticle", { activity: input?.takeOver === true }).catch(refusedAs(null));
  const articleId = Number(input?.articleId);
  const article = user ? await getArticleById({ id: articleId }) : undefined;
  if (!user || !article) return null;
  if (input.release) {
    await releaseLock({ articleId, userId: user.id });
    return null;
  }
  if (!canEditArticle(await editingStateOf(article), user.role)) {
    await audit({
      action: "article.lock.refused",
      actorId: user.id,
      actorEmail: user.email,
      targetType: "article",
      targetId: articleId,
      detail: { state: article.state, takeOver: input.takeOver === true },
    });
    return holderAnswer(await getLiveLock({ articleId }), user.id);
  }
  let holder;
  // Who held it before a takeover is told so (the bell), so they stop typing into a story edited elsewhere.
  const previous = input.takeOver ? await getLiveLock({ articleId }) : undefined;
  try {
    holder = await acquireLock({ articleId, userId: user.id, role: user.role, takeOver: input.takeOver === true });
  } catch (e) {
    // The soft lock is renewed every minute; while another process holds the database, skip a renewal.
    if (isDatabaseBusy(e)) return null;
    throw e;
  }
  if (input.takeOver && holder?.userId === user.id) {
    await audit({ action: "article.lock.takeover", actorId: user.id, actorEmail: user.email, targetType: "article", targetId: articleId });
    if (holder.userId === user.id) await recordNotices(noticeForTakeover(previous?.userId, user.id), { articleId, actorId: user.id });
  }
  return holderAnswer(holder, user.id);
}

function holderAnswer(holder: LockHolder | undefined, userId: number) {
  return holder ? { userId: holder.userId, name: holder.name, since: holder.since.toISOString(), mine: holder.userId === userId } : null;
}

/**
 * The article as saved now (a published story's pending revision, when it has one): for an editor
 * whose save was stale, to compare or to continue from.
 */
export async function loadArticleAction(input: { articleId: number }) {
  const user = await requireUser("openArticles", "action:loadArticle").catch(refusedAs(null));
  const article = user ? await getArticleById({ id: Number(input?.articleId) }) : undefined;
  if (!article) return null;
  const revision = article.state === "published" ? await getPendingRevision({ articleId: article.id }) : undefined;
  const working = revision ? revisedArticle(article, revision) : article;
  return {
    version: workingVersion(article, revision),
    savedAt: (revision ?? article).updatedAt.toISOString(),
    fields: articleFormFields(working),
    body: working.body,
    reason: revision?.reason ?? "",
  };
}

/**
 * Puts the article on a page of an issue (made if missing, as an accepted import would make it)
 * at an order on the page, or takes it out of print ("remove" set). Layout is the issue desk's
 * business: editors and admins, whatever the state.
 */
export async function placeArticleAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async (t) => {
    const user = await requireUser("arrangePages", "action:placeArticle");
    const remove = formData.get("remove") === "1";
    const parsed = remove
      ? null
      : placementSchema.safeParse({
          articleId: formData.get("articleId"),
          issueDate: formData.get("issueDate"),
          pageNumber: formData.get("pageNumber"),
          pageName: formData.get("pageName"),
          position: formData.get("position"),
        });
    if (parsed && !parsed.success) {
      return { ok: false, message: t("errors.invalid"), fieldErrors: fieldErrorsFrom(parsed.error, t), values: keepValues(formData, PLACEMENT_FIELDS) };
    }
    const articleId = parsed ? parsed.data.articleId : Number(formData.get("articleId"));
    if (!Number.isInteger(articleId) || articleId <= 0) throw new AppError("invalid");
    const placement = parsed
      ? { issueDate: parsed.data.issueDate, pageNumber: parsed.data.pageNumber, pageName: parsed.data.pageName, position: parsed.data.position }
      : null;
    const outcome = await placeArticle({ articleId, placement, actor: { id: user.id, email: user.email }, ip: await requestIp() });
    if (!outcome.ok) {
      if (outcome.reason === "not_found") throw new AppError("not_found");
      return { ok: false, message: t("placement.jump"), values: keepValues(formData, PLACEMENT_FIELDS) };
    }
    revalidatePath("/desk", "layout");
    revalidatePath("/", "layout");
    if (!placement) return { ok: true, message: t("placement.removed") };
    const made = outcome.issueCreated ? t("placement.issueCreated") : outcome.pageCreated ? t("placement.pageCreated") : "";
    return { ok: true, message: `${t("placement.placed", { date: placement.issueDate, page: placement.pageNumber, position: outcome.position ?? 1 })}${made}` };
  });
}

const PLACEMENT_FIELDS = ["issueDate", "pageNumber", "pageName", "position"] as const;
