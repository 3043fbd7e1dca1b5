import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/desk/action-button";
import { ArticleStateBadge } from "@/components/desk/article-state-badge";
import { BulkActions } from "@/components/desk/bulk-actions";
import { PageTitle } from "@/components/desk/page-title";
import { getIssueByDate, listPagesWithArticles, type PageWithArticles } from "@/db/queries/issues";
import { requirePageUser } from "@/services/session";
import { can } from "@/lib/auth/roles";
import { bulkActionsFor, bulkItemValue, type BulkAction } from "@/lib/desk/bulk";
import { isJumpHead, isUnlinkedJumpPart, suggestJumpLinks } from "@/lib/desk/jumps";
import { readinessInput } from "@/lib/desk/issue-readiness-input";
import { checkIssueReadiness } from "@/lib/workflow";
import { bulkArticlesAction } from "../../articles/actions";
import { linkJumpAction, publishIssueAction } from "./actions";
import { MoveButtons } from "./_components/move-buttons";
import { PagesForm } from "./_components/pages-form";

export default async function IssuePage({ params }: { params: Promise<{ date: string }> }) {
  const user = await requirePageUser("viewIssues");
  const { date } = await params;
  const issue = /^\d{4}-\d{2}-\d{2}$/.test(date) ? await getIssueByDate({ date }) : undefined;
  if (!issue) notFound();
  const t = await getTranslations();
  const pageList = await listPagesWithArticles({ issueId: issue.id });
  const all = pageList.flatMap((p) => p.articles.map((a) => ({ ...a, page: p.number })));
  const byId = new Map(all.map((a) => [a.id, a]));
  const unlinked = all.filter(isUnlinkedJumpPart);
  const suggestions = suggestJumpLinks(all.filter(isJumpHead), unlinked);
  const mayArrange = can(user.role, "arrangePages");
  const blockers = checkIssueReadiness(readinessInput(pageList, issue.pageCount));
  const titleOf = (id: number) => byId.get(id)?.title || t("imports.untitled");

  return (
    <>
      <PageTitle
        title={t("issues.issueTitle", { paper: issue.paper, date: issue.date })}
        description={t("issues.issueNumbers", { total: issue.totalIssueNo ?? "—", no: issue.issueNo ?? "—" })}
      />
      <section aria-labelledby="readiness" className="mb-6 rounded border border-stone-300 bg-white p-3">
        <h2 id="readiness" className="mb-2 font-semibold">
          {t("issues.readiness")}
        </h2>
        {blockers.length === 0 ? (
          <p className="text-sm text-green-800">{t("issues.ready")}</p>
        ) : (
          <ul className="mb-2 list-disc pl-5 text-sm text-amber-900" aria-label={t("issues.blockers")}>
            {blockers.map((b, i) => (
              <li key={i}>
                {"articleId" in b
                  ? t(`issues.blocker.${b.code}`, { page: b.page, title: titleOf(b.articleId) })
                  : t(`issues.blocker.${b.code}`, { page: b.page })}
              </li>
            ))}
          </ul>
        )}
        {can(user.role, "publishIssues") ? (
          <div className="flex flex-wrap items-center gap-3">
            {/* Off while anything above blocks it: the list says what, the button does not pretend. */}
            <ActionButton
              action={publishIssueAction}
              fields={{ date: issue.date }}
              label={t("issues.publishIssue")}
              variant="primary"
              disabled={blockers.length > 0}
              describedBy={blockers.length > 0 ? "publish-blocked" : undefined}
            />
            {blockers.length > 0 ? (
              <span id="publish-blocked" className="text-sm text-amber-900">
                {t("issues.publishBlocked", { count: blockers.length })}
              </span>
            ) : null}
          </div>
        ) : null}
      </section>
      <PagesForm
        date={issue.date}
        pageCount={issue.pageCount}
        pages={pageList.map((p) => ({ number: p.number, name: p.name, status: p.status, articles: p.articles.length }))}
        editable={mayArrange}
      />
      {unlinked.length > 0 ? (
        <section aria-labelledby="jumps" className="mb-6 rounded border border-amber-600 bg-amber-50 p-3">
          <h2 id="jumps" className="mb-2 font-semibold">
            {t("issues.unresolvedJumps")}
          </h2>
          <ul className="space-y-2 text-sm">
            {unlinked.map((part) => {
              const s = suggestions.find((x) => x.partId === part.id);
              const head = s ? byId.get(s.headId) : undefined;
              return (
                <li key={part.id} className="flex flex-wrap items-center gap-2">
                  <span>{t("issues.jumpPart", { page: part.page, title: part.title || t("imports.untitled"), from: part.jumpFromPage ?? "?" })}</span>
                  {head && mayArrange ? (
                    <ActionButton
                      action={linkJumpAction}
                      fields={{ partId: part.id, headId: head.id }}
                      label={t(s?.sure ? "issues.linkTo" : "issues.linkToUnsure", { title: head.title, page: head.page })}
                    />
                  ) : (
                    <span className="text-amber-900">{t("issues.noJumpMatch")}</span>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      {pageList.length === 0 ? <p className="text-stone-600">{t("desk.empty")}</p> : null}
      {pageList.map((page) => (
        <section key={page.id} aria-labelledby={`page-${page.number}`} className="mb-8">
          <h2 id={`page-${page.number}`} className="mb-2 border-b border-stone-300 pb-1 text-lg font-semibold">
            {t("issues.pageHeading", { page: page.number, name: page.name ?? "" })}
          </h2>
          {page.status !== "articles" ? (
            <p className="text-sm text-stone-600">{t("issues.markedPage", { status: t(`issues.pageStatuses.${page.status}`) })}</p>
          ) : page.articles.length === 0 ? (
            <p className="text-sm text-amber-800">{t("issues.emptyPage")}</p>
          ) : null}
          <PageBulk page={page} actions={bulkActionsFor(user.role)} t={t} />
          <ol className="space-y-3" aria-label={t("issues.pageArticles", { page: page.number })}>
            {page.articles.map((a, i) => {
              const head = a.continuesId ? byId.get(a.continuesId) : undefined;
              return (
                <li key={a.id} className="rounded border border-stone-200 bg-white p-3" data-testid="desk-article">
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <div>
                      {a.kicker ? <p className="text-sm text-stone-600">{a.kicker}</p> : null}
                      <p className="text-lg font-semibold">
                        <Link href={`/desk/articles/${a.id}`} className="hover:underline">
                          {a.title || t("imports.untitled")}
                        </Link>
                      </p>
                      {a.subtitle ? <p className="text-sm">{a.subtitle}</p> : null}
                      {a.byline ? <p className="text-xs text-stone-600">{a.byline}</p> : null}
                      <p className="mt-1 flex flex-wrap gap-2 text-xs text-stone-600">
                        <ArticleStateBadge state={a.state} />
                        <span>{a.sectionName ?? t("issues.noSection")}</span>
                        {a.jumpToPage ? <span>{t("imports.jumpTo", { page: a.jumpToPage })}</span> : null}
                        {head ? <span>{t("issues.continues", { title: head.title, page: head.page })}</span> : null}
                      </p>
                    </div>
                    {mayArrange ? (
                      <MoveButtons
                        articleId={a.id}
                        first={i === 0}
                        last={i === page.articles.length - 1}
                        upName={t("issues.moveUp", { title: a.title })}
                        downName={t("issues.moveDown", { title: a.title })}
                      />
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </>
  );
}

/** Which stories of a page a whole-page step is for: those not already past it (the others would only be refused). */
const PAGE_STEPS: { action: Extract<BulkAction, "approve" | "publish">; done: readonly string[] }[] = [
  { action: "approve", done: ["approved", "scheduled", "published"] },
  { action: "publish", done: ["published"] },
];

/** "Approve the whole page" and "publish the whole page": the bulk step on the page's stories, with its report. */
function PageBulk({ page, actions, t }: { page: PageWithArticles; actions: readonly BulkAction[]; t: Awaited<ReturnType<typeof getTranslations>> }) {
  const steps = PAGE_STEPS.filter((s) => actions.includes(s.action))
    .map((s) => ({ ...s, items: page.articles.filter((a) => !s.done.includes(a.state)).map(bulkItemValue) }))
    .filter((s) => s.items.length > 0);
  if (steps.length === 0) return null;
  return (
    <div className="mb-2 flex flex-wrap gap-3">
      {steps.map((s) => (
        <BulkActions
          key={s.action}
          id={`page-${page.number}-${s.action}`}
          run={bulkArticlesAction}
          actions={[s.action]}
          items={s.items}
          labels={{ [s.action]: t(`issues.wholePage.${s.action}`, { page: page.number, count: s.items.length }) }}
          label={t(`issues.wholePage.${s.action}`, { page: page.number, count: s.items.length })}
        />
      ))}
    </div>
  );
}
