import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ArticleStateBadge } from "@/components/desk/article-state-badge";
import { PageTitle } from "@/components/desk/page-title";
import { listReviewQueue, listRevisionReviewQueue } from "@/db/queries/review-queue";
import { requirePageUser } from "@/services/session";

/** The reviewer's queue: oldest submission first, with whether it changed since they last looked. */
export default async function ReviewPage() {
  const user = await requirePageUser("review");
  const t = await getTranslations();
  const format = await getFormatter();
  // Stories in review, and changes to published stories in review: one queue, oldest submission first.
  const rows = [...(await listReviewQueue({ userId: user.id })).map((r) => ({ ...r, revision: false })), ...(await listRevisionReviewQueue({ userId: user.id })).map((r) => ({ ...r, revision: true }))].sort(
    (a, b) => (a.submittedAt?.getTime() ?? 0) - (b.submittedAt?.getTime() ?? 0) || a.id - b.id,
  );
  return (
    <>
      <PageTitle title={t("nav.review")} description={t("pages.review")} />
      {rows.length === 0 ? (
        <p className="text-stone-600">{t("review.empty")}</p>
      ) : (
        <ol className="space-y-2" aria-label={t("review.queue")}>
          {rows.map((r) => {
            const changed = r.seenVersion == null ? t("review.notSeen") : r.seenVersion < r.version ? t("review.changedSince", { from: r.seenVersion, to: r.version }) : null;
            return (
              <li key={r.id} className="rounded border border-stone-300 bg-white p-3 text-sm">
                <p className="text-base font-semibold">
                  <Link href={`/desk/articles/${r.id}`} className="hover:underline">
                    {r.title || t("imports.untitled")}
                  </Link>
                </p>
                <p className="mt-1 flex flex-wrap gap-3 text-stone-700">
                  <ArticleStateBadge state={r.state} />
                  {r.revision ? <span className="font-medium text-amber-800">{t("review.revision")}</span> : null}
                  <span>{r.authorName}</span>
                  <span>{r.sectionName ?? t("issues.noSection")}</span>
                  {r.submittedAt ? <span>{t("review.submitted", { at: format.dateTime(r.submittedAt, { dateStyle: "short", timeStyle: "short" }) })}</span> : null}
                  <span>{t("articles.approvals", { have: r.approvals, need: r.approvalsRequired })}</span>
                  {r.approvedByMe ? <span className="text-green-800">{t("review.approvedByMe")}</span> : null}
                  {changed ? <span className="font-medium text-amber-800">{changed}</span> : null}
                  {/* A revision's saves are not in the history until it is published: its page shows it against the published text. */}
                  {!r.revision && r.seenVersion != null && r.seenVersion < r.version ? (
                    <Link href={`/desk/articles/${r.id}/history?a=${r.seenVersion}&b=${r.version}`} className="underline">
                      {t("review.whatChanged")}
                    </Link>
                  ) : null}
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}
