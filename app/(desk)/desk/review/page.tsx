import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ArticleStateBadge } from "@/components/desk/article-state-badge";
import { BulkActions, SelectAll } from "@/components/desk/bulk-actions";
import { PageTitle } from "@/components/desk/page-title";
import { PrintFilters } from "@/components/desk/print-filters";
import { listReviewQueue } from "@/db/queries/review-queue";
import { listSections } from "@/db/queries/sections";
import { bulkActionsFor, bulkItemValue } from "@/lib/desk/bulk";
import { allowedActions } from "@/lib/workflow";
import { requirePageUser } from "@/services/session";
import { printFiltersFrom } from "@/lib/desk/print-filters";
import { bulkArticlesAction } from "../articles/actions";

type Search = { issue?: string; page?: string; section?: string; mine?: string };

const BULK_FORM = "bulk-review";

/** The reviewer's queue: oldest submission first, where each story is printed, and whether it changed since they last looked. */
export default async function ReviewPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePageUser("review");
  const t = await getTranslations();
  const format = await getFormatter();
  const sp = await searchParams;
  const filters = printFiltersFrom(sp);
  const mine = sp.mine === "1";
  const now = new Date();
  const queue = (await listReviewQueue({ userId: user.id, filters })).map((r) => ({
    ...r,
    mayApprove: allowedActions(r.workflow, { id: user.id, role: user.role }, now).includes("approve"),
  }));
  const rows = mine ? queue.filter((r) => r.mayApprove) : queue;
  const sections = await listSections();
  const actions = bulkActionsFor(user.role).filter((a) => a !== "submit");
  return (
    <>
      <PageTitle title={t("nav.review")} description={t("pages.review")} />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-2 text-sm" aria-label={t("review.filters")}>
        <PrintFilters sections={sections} issueDate={filters.issueDate} pageNumber={filters.pageNumber} sectionId={filters.sectionId} />
        <label className="flex items-center gap-1 self-center pt-4">
          <input type="checkbox" name="mine" value="1" defaultChecked={mine} />
          {t("review.onlyMine")}
        </label>
        <button type="submit" className="rounded border border-stone-400 bg-white px-3 py-1">
          {t("articles.filters.apply")}
        </button>
      </form>
      {rows.length === 0 ? (
        <p className="text-stone-600">{t("review.empty")}</p>
      ) : (
        <>
          <div className="mb-3 rounded border border-stone-300 bg-stone-100 p-2">
            <p className="mb-1 flex items-center gap-2 text-xs text-stone-700">
              <SelectAll form={BULK_FORM} label={t("bulk.selectAll")} />
              {t("bulk.hint")}
            </p>
            <BulkActions id={BULK_FORM} run={bulkArticlesAction} actions={actions} sections={sections} label={t("bulk.label")} />
          </div>
          <ol className="space-y-2" aria-label={t("review.queue")}>
            {rows.map((r) => {
              const changed = r.seenVersion == null ? t("review.notSeen") : r.seenVersion < r.version ? t("review.changedSince", { from: r.seenVersion, to: r.version }) : null;
              return (
                <li key={r.id} className="flex gap-3 rounded border border-stone-300 bg-white p-3 text-sm">
                  <input
                    type="checkbox"
                    name="items"
                    value={bulkItemValue(r)}
                    form={BULK_FORM}
                    className="mt-1.5"
                    aria-label={t("bulk.select", { title: r.title || t("imports.untitled") })}
                  />
                  <div className="min-w-0 flex-1">
                    <p className="text-base font-semibold">
                      <Link href={`/desk/articles/${r.id}`} className="hover:underline">
                        {r.title || t("imports.untitled")}
                      </Link>
                    </p>
                    <p className="mt-1 flex flex-wrap gap-3 text-stone-700">
                      <ArticleStateBadge state={r.state} />
                      {r.revision ? <span className="font-medium text-amber-800">{t("review.revision")}</span> : null}
                      <span data-testid="placement">
                        {r.issueDate ? t("review.placement", { date: r.issueDate, page: r.pageNumber ?? "—", name: r.pageName ?? "" }) : t("articles.notInPrint")}
                      </span>
                      <span>{r.sectionName ?? t("issues.noSection")}</span>
                      <span>{r.authorName}</span>
                      {r.submittedAt ? <span>{t("review.submitted", { at: format.dateTime(r.submittedAt, { dateStyle: "short", timeStyle: "short" }) })}</span> : null}
                      <span>{t("articles.approvals", { have: r.approvals, need: r.approvalsRequired })}</span>
                      {r.approvedByMe ? <span className="text-green-800">{t("review.approvedByMe")}</span> : null}
                      {r.mayApprove ? <span className="font-medium text-blue-900">{t("review.yours")}</span> : null}
                      {changed ? <span className="font-medium text-amber-800">{changed}</span> : null}
                      {/* A revision's saves are not in the history until it is published: its page shows it against the published text. */}
                      {!r.revision && r.seenVersion != null && r.seenVersion < r.version ? (
                        <Link href={`/desk/articles/${r.id}/history?a=${r.seenVersion}&b=${r.version}`} className="underline">
                          {t("review.whatChanged")}
                        </Link>
                      ) : null}
                    </p>
                  </div>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </>
  );
}
