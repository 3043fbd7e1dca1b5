import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ArticleStateBadge } from "@/components/desk/article-state-badge";
import { PageTitle } from "@/components/desk/page-title";
import { listComments } from "@/db/queries/article-comments";
import { getLiveLock } from "@/db/queries/article-locks";
import { listArticleTimeline } from "@/db/queries/audit";
import { getArticlePlacement, getPrintPlacement, listRecentIssueDates } from "@/db/queries/issues";
import { markArticleSeen } from "@/db/queries/review-queue";
import { getWorkflowArticle, revisedArticle } from "@/db/queries/articles";
import { getPendingRevision, workingVersion } from "@/db/queries/pending-revisions";
import { listSections } from "@/db/queries/sections";
import { getUserById } from "@/db/queries/users";
import { allowedActionsOf, canEditArticle, currentApprovers, requiredApprovals, unavailableActionsOf } from "@/lib/workflow";
import { can } from "@/lib/auth/roles";
import { listArticlePhotos } from "@/db/queries/media";
import { mediaSummary } from "@/services/media/summary";
import { articleFormFields } from "@/lib/article-fields";
import { auditActionKey } from "@/lib/vocabulary";
import { ArticleEditor } from "./_components/article-editor";
import { PendingRevisionPanel } from "./_components/pending-revision";
import { CommentThread } from "./_components/comment-thread";
import { PlacementForm } from "./_components/placement-form";
import { loadDeskArticle } from "./_lib/load-article";

export default async function ArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const { user, article } = await loadDeskArticle(params);
  const t = await getTranslations();
  const format = await getFormatter();
  const { issue, page } = await getArticlePlacement(article);
  // A published story is edited (and reviewed) as its pending revision; readers keep the article row.
  const revision = article.state === "published" ? await getPendingRevision({ articleId: article.id }) : undefined;
  const working = revision ? revisedArticle(article, revision) : article;
  const version = workingVersion(article, revision);
  const placed = await getPrintPlacement({ article });
  const wf = await getWorkflowArticle({ article });
  const wfRevision = revision ? await getWorkflowArticle({ article, revision }) : null;
  const now = new Date();
  const actions = allowedActionsOf({ article: wf, revision: wfRevision }, { id: user.id, role: user.role }, now).filter((a) => a !== "publish_scheduled");
  const unavailable = unavailableActionsOf({ article: wf, revision: wfRevision }, { id: user.id, role: user.role }, now).map(({ action, code, params }) => ({ action, code, params }));
  // A code without a phrase is shown as it is (and fails the untranslated-text test).
  const auditActionLabel = (action: string) => (t.has(auditActionKey(action)) ? t(auditActionKey(action)) : action);
  const lock = await getLiveLock({ articleId: article.id });
  const comments = await listComments({ articleId: article.id });
  const timeline = await listArticleTimeline({ articleId: article.id });
  const sections = await listSections();
  const sectionName = (id: number) => sections.find((s) => s.id === id)?.name;
  const round = wfRevision ?? wf;
  if (user.role !== "editor") await markArticleSeen({ articleId: article.id, userId: user.id, version });

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
        <span>{t("articles.approvals", { have: currentApprovers(round).size, need: requiredApprovals(round) })}</span>
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
      {article.state === "published" ? (
        <PendingRevisionPanel
          live={article}
          revision={
            revision
              ? {
                  state: revision.state,
                  fields: working,
                  reason: revision.reason,
                  startedBy: (await getUserById({ id: revision.startedById }))?.name ?? "?",
                  updatedAt: revision.updatedAt,
                }
              : null
          }
          sectionName={sectionName}
        />
      ) : null}
      <ArticleEditor
        article={{
          id: article.id,
          version,
          state: article.state,
          updatedAt: (revision ?? article).updatedAt.toISOString(),
          fields: articleFormFields(working),
          body: working.body,
          correction: revision?.reason ?? "",
        }}
        published={article.state === "published" ? { fields: articleFormFields(article), body: article.body } : null}
        sections={sections.map((s) => ({ id: s.id, name: s.name, hidden: s.hidden }))}
        editable={canEditArticle(revision?.state ?? article.state, user.role)}
        actions={actions}
        unavailable={unavailable}
        lock={lock && lock.userId !== user.id ? { name: lock.name, since: lock.since.toISOString() } : null}
        photos={[...new Map((await listArticlePhotos({ articleId: article.id })).map((p) => [p.media.id, mediaSummary(p.media)])).values()]}
        canManagePhotos={can(user.role, "managePhotos")}
      />
      {can(user.role, "arrangePages") ? (
        <div className="mt-6">
          <PlacementForm
            articleId={article.id}
            current={placed ? { ...placed, pageName: page?.name ?? null } : null}
            issueDates={await listRecentIssueDates()}
          />
        </div>
      ) : null}
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
                {t("audit.timelineEntry", { actor: e.actorName ?? t("articles.system"), action: auditActionLabel(e.action) })}
                {typeof e.detail?.version === "number" ? t("audit.timelineVersion", { version: e.detail.version }) : ""}
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
