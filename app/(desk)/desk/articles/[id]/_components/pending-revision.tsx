import { getFormatter, getTranslations } from "next-intl/server";
import { ArticleStateBadge } from "@/components/desk/article-state-badge";
import { DiffView } from "@/components/versioned/diff-view";
import { revisionText } from "@/lib/article-body";
import type { RevisionFields } from "@/lib/article-body/diff";
import type { RevisionState } from "@/lib/vocabulary";
import { CORRECTION_POLICY } from "@/lib/workflow";

/**
 * What a published story's desk page says first: readers see the published version, and any
 * change waits as a pending revision. With one, everyone (reviewers above all) sees it against the
 * published text, with its reason, who began it and where it stands.
 */
export async function PendingRevisionPanel({
  live,
  revision,
  sectionName,
}: {
  live: RevisionFields;
  revision: { state: RevisionState; fields: RevisionFields; reason: string | null; startedBy: string; updatedAt: Date } | null;
  sectionName: (id: number) => string | undefined;
}) {
  const t = await getTranslations();
  const format = await getFormatter();
  const percent = Math.round(CORRECTION_POLICY.maxBodyShare * 100);
  if (!revision) {
    return (
      <p role="note" className="mb-4 rounded border border-green-700 bg-green-50 px-3 py-2 text-sm">
        {t("revisions.none", { percent })}
      </p>
    );
  }
  const asText = (fields: RevisionFields) => revisionText(fields, (key) => t(key), { sectionName });
  return (
    <section aria-labelledby="pending-revision" data-testid="revision-diff" className="mb-4 space-y-2 rounded border border-amber-600 bg-amber-50 p-3 text-sm">
      <h2 id="pending-revision" className="flex flex-wrap items-center gap-2 font-semibold">
        {t("revisions.heading", { state: t(`states.${revision.state}`) })} <ArticleStateBadge state={revision.state} />
      </h2>
      <p>{t("revisions.explain")}</p>
      <p className="text-stone-700">
        {t("revisions.startedBy", { name: revision.startedBy, at: format.dateTime(revision.updatedAt, { dateStyle: "short", timeStyle: "short" }) })}
      </p>
      <p>
        <span className="font-medium">{t("revisions.reason")}</span>
        {revision.reason?.trim() ? revision.reason : <em className="text-stone-600">{t("revisions.noReason")}</em>}
      </p>
      <DiffView before={asText(live)} after={asText(revision.fields)} labels={{ before: t("revisions.live"), after: t("revisions.pending") }} />
    </section>
  );
}
