import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/desk/page-title";
import { ArticleStateBadge } from "@/components/desk/article-state-badge";
import { ReadingNotices } from "@/components/desk/reading-notices";
import { countImportArticlesByState, getImportById, getImportSupersedingId } from "@/db/queries/imports";
import { ensureImportWork, listImportWorkRevisions } from "@/db/queries/import-work";
import { getUserById } from "@/db/queries/users";
import { requirePageUser } from "@/services/session";
import { proposalOf } from "@/lib/desk/import-text";
import { fromSegmentation, withPrintedPhotos } from "@/lib/workbench";
import type { WorkbenchLabelsInput, WorkbenchPage } from "@/components/editor/workbench";
import { getImportPrintPage } from "@/db/queries/pdf-imports";
import { mastheadValues } from "@/lib/validations/imports";
import { WorkbenchScreen } from "./_components/workbench-screen";

export default async function ImportPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser("importPages");
  const id = Number((await params).id);
  const item = Number.isInteger(id) ? await getImportById({ id }) : undefined;
  if (!item) notFound();
  const t = await getTranslations("imports");
  const all = await getTranslations();
  const format = await getFormatter();
  const supersededBy = await getImportSupersedingId({ id: item.id });
  const author = await getUserById({ id: item.createdById });
  const seg = proposalOf(item);
  // The first open starts from the engine's proposal; every later one from the saved working state.
  // A PDF import's captions start attached to the photos taken out of its page.
  const work = await ensureImportWork({ importId: item.id, doc: () => withPrintedPhotos(fromSegmentation(seg), seg) });
  const kept = await listImportWorkRevisions({ importId: item.id });
  // A PDF import shows its printed page beside the editor.
  const print = item.pdfFileId !== null ? await getImportPrintPage({ importId: item.id }) : undefined;
  const printPage: WorkbenchPage | undefined =
    print && seg.layout
      ? {
          imageUrl: `/api/imports/${item.id}/print/large.webp`,
          pdfUrl: `/api/imports/${item.id}/print/page.pdf`,
          width: print.width,
          height: print.height,
          number: item.pageNumber,
          lines: seg.layout.lines,
        }
      : undefined;
  const made = item.status === "accepted" ? await countImportArticlesByState({ importId: item.id }) : [];
  // Accepted, the workbench says so, with what became of its articles and whether it changed since.
  const acceptedState =
    item.status === "accepted" ? (
      <section aria-labelledby="accepted-state" data-testid="accepted-state" className="rounded border border-green-700 bg-green-50 p-3 text-sm">
        <h2 id="accepted-state" className="font-semibold text-green-900">
          {t("acceptedTitle", { at: format.dateTime(item.updatedAt, { dateStyle: "medium", timeStyle: "short" }) })}
        </h2>
        <p className="mt-1 flex flex-wrap items-center gap-2">
          <span>{t("acceptedArticles", { count: made.reduce((n, r) => n + r.n, 0) })}</span>
          {made.map((r) => (
            <span key={r.state} className="inline-flex items-center gap-1">
              <ArticleStateBadge state={r.state} /> {r.n}
            </span>
          ))}
          {item.issueDate ? (
            <Link href={`/desk/issues/${item.issueDate}`} className="underline">
              {t("openIssue", { date: item.issueDate })}
            </Link>
          ) : null}
        </p>
        <p className="mt-1 text-stone-700">
          {work.acceptedVersion === work.version ? t("acceptedUnchanged") : t("acceptedChanged", { version: work.version, accepted: work.acceptedVersion ?? 0 })}
        </p>
      </section>
    ) : null;
  return (
    <>
      <PageTitle
        title={t("title", { id: item.id })}
        description={
          item.issueDate || item.pageNumber != null
            ? t("summary", { paper: item.paper ?? "—", date: item.issueDate ?? "—", page: item.pageNumber ?? "—", pageName: item.pageName ?? "" })
            : t("noMasthead")
        }
      />
      <dl className="mb-4 grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
        <dt className="text-stone-600">{t("fileName")}</dt>
        <dd>{item.fileName ?? t("pasted")}</dd>
        <dt className="text-stone-600">{item.pdfPage !== null ? t("source") : t("encoding")}</dt>
        <dd>{item.pdfPage !== null ? t("pdfSource", { page: item.pdfPage }) : item.encoding}</dd>
        {seg.model ? (
          <>
            <dt className="text-stone-600">{t("model")}</dt>
            <dd data-testid="import-model">
              {seg.model.paper ? t("modelPaper", { paper: seg.model.paper, pages: seg.model.pages ?? 0 }) : t("modelLab")}
            </dd>
          </>
        ) : null}
        <dt className="text-stone-600">{t("by")}</dt>
        <dd>{author?.name}</dd>
        <dt className="text-stone-600">{t("at")}</dt>
        <dd>{format.dateTime(item.createdAt, { dateStyle: "medium", timeStyle: "short" })}</dd>
      </dl>
      {item.supersedesId ? (
        <p className="mb-2 text-sm">
          {t.rich("supersedes", {
            id: item.supersedesId,
            link: (chunks) => (
              <Link href={`/desk/imports/${item.supersedesId}`} className="underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      ) : null}
      {supersededBy ? (
        <p className="mb-2 text-sm text-amber-800">
          {t.rich("supersededBy", {
            id: supersededBy,
            link: (chunks) => (
              <Link href={`/desk/imports/${supersededBy}`} className="underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      ) : null}
      <ReadingNotices notices={seg.notices} />
      {kept.length > 0 ? (
        <p className="mb-2 text-sm text-stone-700">
          {t("keptRevisions", { count: kept.length, version: kept[0]?.version ?? 0, why: t(`keptReasons.${kept[0]?.reason ?? "rerun"}`) })}
        </p>
      ) : null}
      <WorkbenchScreen
        importId={item.id}
        rawText={seg.text}
        initialDoc={work.doc}
        initialVersion={work.version}
        initialSavedAt={work.updatedAt.toISOString()}
        masthead={mastheadValues(item)}
        mastheadVersion={item.version}
        acceptedState={acceptedState}
        labels={all.raw("workbenchEditor") as WorkbenchLabelsInput}
        page={printPage}
      />
    </>
  );
}
