import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ArticleStateBadge } from "@/components/desk/article-state-badge";
import { PageTitle } from "@/components/desk/page-title";
import { listComments } from "@/db/queries/article-comments";
import { getLiveLock } from "@/db/queries/article-locks";
import { listArticleTimeline } from "@/db/queries/audit";
import { getArticlePlacement } from "@/db/queries/issues";
import { markArticleSeen } from "@/db/queries/review-queue";
import { getWorkflowArticle } from "@/db/queries/articles";
import { listArticlePhotos } from "@/db/queries/media";
import { listSections } from "@/db/queries/sections";
import { can } from "@/lib/auth/roles";
import { mediaSummary } from "@/services/media/summary";
import { allowedActions, canEditArticle, currentApprovers, requiredApprovals } from "@/lib/workflow";
import { articleFormFields } from "@/lib/article-fields";
import { ArticleEditor } from "./_components/article-editor";
import { CommentThread } from "./_components/comment-thread";
import { loadDeskArticle } from "./_lib/load-article";

export default async function ArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const { user, article } = await loadDeskArticle(params);
  const t = await getTranslations();
  const format = await getFormatter();
  const { issue, page } = getArticlePlacement(article);
  const wf = getWorkflowArticle({ article });
  const now = new Date();
  const actions = allowedActions(wf, { id: user.id, role: user.role }, now).filter((a) => a !== "publish_scheduled");
  const lock = getLiveLock({ articleId: article.id });
  const comments = listComments({ articleId: article.id });
  const timeline = listArticleTimeline({ articleId: article.id });
  if (user.role !== "editor") markArticleSeen({ articleId: article.id, userId: user.id, version: article.version });

  return (
    <>
      <PageTitle title={article.title || t("imports.untitled")} description={t("articles.editorHint")} />
      <p className="mb-4 flex flex-wrap items-center gap-3 text-sm text-stone-700">
        <ArticleStateBadge state={article.state} />
        {issue ? (
          <Link href={`/desk/issues/${issue.date}`} className="underline">
            {t("articles.placement", { date: issue.date, page: page?.number ?? "—", name: page?.name ?? "" })}
          </Link>
        ) : (
          <span>{t("articles.notInPrint")}</span>
        )}
        <span>{t("articles.approvals", { have: currentApprovers(wf).size, need: requiredApprovals(wf) })}</span>
        {article.scheduledAt ? <span>{t("articles.scheduledFor", { at: format.dateTime(article.scheduledAt, { dateStyle: "medium", timeStyle: "short" }) })}</span> : null}
        <Link href={`/desk/articles/${article.id}/history`} className="underline">
          {t("articles.history")}
        </Link>
        {article.state === "published" ? (
          <Link href={`/articles/${article.continuesId ?? article.id}`} className="underline">
            {t("articles.viewPublic")}
          </Link>
        ) : null}
      </p>
      <ArticleEditor
        article={{
          id: article.id,
          version: article.version,
          state: article.state,
          updatedAt: article.updatedAt.toISOString(),
          fields: articleFormFields(article),
          body: article.body,
          correction: article.correction ?? "",
        }}
        sections={listSections().map((s) => ({ id: s.id, name: s.name, hidden: s.hidden }))}
        editable={canEditArticle(article.state, user.role)}
        actions={actions}
        lock={lock && lock.userId !== user.id ? { name: lock.name, since: lock.since.toISOString() } : null}
        photos={[...new Map(listArticlePhotos({ articleId: article.id }).map((p) => [p.media.id, mediaSummary(p.media)])).values()]}
        canManagePhotos={can(user.role, "managePhotos")}
      />
      <div className="mt-8 grid gap-6 lg:grid-cols-2">
        <CommentThread
          articleId={article.id}
          comments={comments.map((c) => ({ ...c, createdAt: c.createdAt.toISOString(), resolved: c.resolvedAt !== null }))}
        />
        <section aria-labelledby="timeline">
          <h2 id="timeline" className="mb-2 text-lg font-semibold">
            {t("articles.timeline")}
          </h2>
          <ol className="space-y-1 text-sm">
            {timeline.map((e) => (
              <li key={e.id}>
                <time className="text-stone-600">{format.dateTime(e.createdAt, { dateStyle: "short", timeStyle: "short" })}</time>{" "}
                {e.actorName ?? t("articles.system")} · {t.has(`audit.actions.${e.action}`) ? t(`audit.actions.${e.action}`) : e.action}
                {typeof e.detail?.comment === "string" ? `：${e.detail.comment}` : ""}
                {typeof e.detail?.reason === "string" ? `：${e.detail.reason}` : ""}
              </li>
            ))}
          </ol>
        </section>
      </div>
    </>
  );
}
