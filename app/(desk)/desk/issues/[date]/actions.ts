"use server";

import { revalidatePath } from "next/cache";
import { getArticleById } from "@/db/queries/articles";
import { publishArticles } from "@/db/queries/article-workflow";
import { getIssueByDate, linkJumpPart, listPagesWithArticles, markIssuePublished, moveArticleOnPage, setIssuePages } from "@/db/queries/issues";
import { readinessInput } from "@/lib/desk/issue-readiness-input";
import { requestIp } from "@/lib/request-info";
import { checkIssueReadiness } from "@/lib/workflow";
import type { ActionState } from "@/lib/action-state";
import { runAction } from "@/lib/actions";
import { audit } from "@/services/audit";
import { requireUser } from "@/services/session";
import { AppError } from "@/lib/errors";
import { PAGE_STATUSES, type PageStatus } from "@/lib/vocabulary";

/** The most pages a printed issue can have (the masthead's page count is held to the same). */
const MAX_PAGES = 200;

async function articleIdFrom(formData: FormData, field: string) {
  const id = Number(formData.get(field));
  const article = Number.isInteger(id) && id > 0 ? await getArticleById({ id }) : undefined;
  if (!article) throw new AppError("not_found");
  return article;
}

export async function moveArticleAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async (t) => {
    const user = await requireUser("arrangePages", "action:moveArticle");
    const article = await articleIdFrom(formData, "articleId");
    const direction = formData.get("direction") === "up" ? "up" : "down";
    if (!await moveArticleOnPage({ articleId: article.id, direction })) return { ok: false, message: t("issues.cannotMove") };
    await audit({ action: "article.move", actorId: user.id, actorEmail: user.email, targetType: "article", targetId: article.id, detail: { direction } });
    revalidatePath("/desk/issues", "layout");
    return { ok: true, message: t("issues.moved") };
  });
}

/** Joins a continuation (上接) to the part it continues, or undoes that (headId empty). */
export async function linkJumpAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async (t) => {
    const user = await requireUser("arrangePages", "action:linkJump");
    const part = await articleIdFrom(formData, "partId");
    const unlink = !formData.get("headId");
    const head = unlink ? null : await articleIdFrom(formData, "headId");
    if (head && (head.id === part.id || head.issueId !== part.issueId || head.continuesId != null)) {
      return { ok: false, message: t("issues.badJump") };
    }
    await linkJumpPart({ partId: part.id, headId: head?.id ?? null });
    await audit({
      action: unlink ? "article.jump.unlink" : "article.jump.link",
      actorId: user.id,
      actorEmail: user.email,
      targetType: "article",
      targetId: part.id,
      detail: { headId: head?.id ?? null, previous: part.continuesId },
    });
    revalidatePath("/desk/issues", "layout");
    return { ok: true, message: unlink ? t("issues.unlinked") : t("issues.linked") };
  });
}

/** Publishes the whole issue at once, after checking it is complete; nothing is published if anything blocks. */
export async function publishIssueAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async (t) => {
    const user = await requireUser("publishIssues", "action:publishIssue");
    const issue = await getIssueByDate({ date: String(formData.get("date") ?? "") });
    if (!issue) throw new AppError("not_found");
    const pages = await listPagesWithArticles({ issueId: issue.id });
    const blockers = checkIssueReadiness(readinessInput(pages, issue.pageCount));
    if (blockers.length > 0) return { ok: false, message: t("issues.blocked", { count: blockers.length }) };
    const ids = pages.flatMap((p) => p.articles.map((a) => a.id));
    const result = await publishArticles({ ids, actor: { id: user.id, role: user.role, email: user.email }, ip: await requestIp() });
    if (!result.ok) return { ok: false, message: t("issues.publishFailed", { id: result.id }) };
    await markIssuePublished({ issueId: issue.id });
    await audit({ action: "issue.publish", actorId: user.id, actorEmail: user.email, targetType: "issue", targetId: issue.id, detail: { date: issue.date, published: result.published } });
    revalidatePath("/desk/issues", "layout");
    revalidatePath("/", "layout");
    return { ok: true, message: t("issues.published", { count: result.published }) };
  });
}

/**
 * The issue's real page count and, page by page, what each is online: its articles, or not
 * digitised, ads only, skipped. Form fields: date, pageCount, status-<n> for 1..pageCount.
 */
export async function setIssuePagesAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async (t) => {
    const user = await requireUser("arrangePages", "action:setIssuePages");
    const issue = await getIssueByDate({ date: String(formData.get("date") ?? "") });
    if (!issue) throw new AppError("not_found");
    const pageCount = Number(formData.get("pageCount"));
    if (!Number.isInteger(pageCount) || pageCount < 1 || pageCount > MAX_PAGES) {
      return { ok: false, fieldErrors: { pageCount: t("issues.badPageCount", { max: MAX_PAGES }) } };
    }
    const highest = Math.max(0, ...(await listPagesWithArticles({ issueId: issue.id })).filter((p) => p.articles.length > 0).map((p) => p.number));
    if (pageCount < highest) return { ok: false, fieldErrors: { pageCount: t("issues.pageCountBelowArticles", { page: highest }) } };
    const statuses = new Map<number, PageStatus>();
    for (let n = 1; n <= pageCount; n++) {
      const value = formData.get(`status-${n}`);
      if (value === null) continue;
      if (!(PAGE_STATUSES as readonly unknown[]).includes(value)) throw new AppError("invalid");
      statuses.set(n, value as PageStatus);
    }
    await setIssuePages({ issueId: issue.id, pageCount, statuses, actor: { id: user.id, email: user.email } });
    revalidatePath("/desk/issues", "layout");
    revalidatePath("/", "layout");
    return { ok: true, message: t("issues.pagesSaved") };
  });
}
