import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ListTable } from "@/components/desk/list-table";
import { PageTitle } from "@/components/desk/page-title";
import { listImports } from "@/db/queries/imports";
import { requirePageUser } from "@/services/session";
import { AbandonButtons } from "./_components/abandon-buttons";

export default async function ImportsPage({ searchParams }: { searchParams: Promise<{ archived?: string }> }) {
  await requirePageUser("importPages");
  const t = await getTranslations();
  const format = await getFormatter();
  const showArchived = (await searchParams).archived === "1";
  const rows = await listImports({ archived: showArchived });
  return (
    <>
      <PageTitle title={t("nav.imports")} description={t("pages.imports")} />
      <div className="mb-4 flex flex-wrap items-center gap-4">
        <Link href="/desk/imports/new" className="inline-block rounded bg-accent px-3 py-1.5 text-sm text-white">
          {t("imports.new")}
        </Link>
        <Link href={showArchived ? "/desk/imports" : "/desk/imports?archived=1"} className="text-sm underline">
          {showArchived ? t("imports.hideArchived") : t("imports.showArchived")}
        </Link>
      </div>
      <ListTable
        rows={rows}
        empty={t("desk.empty")}
        columns={[
          {
            header: "#",
            cell: (r) => (
              <Link href={`/desk/imports/${r.id}`} className="underline">
                {r.id}
              </Link>
            ),
          },
          { header: t("imports.fields.issueDate"), cell: (r) => r.issueDate ?? "—" },
          {
            header: t("imports.fields.pageNumber"),
            cell: (r) => (
              <>
                {r.pageNumber ?? "—"} {r.pageName ?? ""}
              </>
            ),
          },
          { header: t("imports.fileName"), cell: (r) => r.fileName ?? t("imports.pasted") },
          { header: t("imports.articles"), cell: (r) => r.articleCount },
          { header: t("imports.by"), cell: (r) => r.createdByName },
          { header: t("audit.when"), cell: (r) => format.dateTime(r.createdAt, { dateStyle: "short", timeStyle: "short" }) },
          { header: t("imports.status"), cell: (r) => t(`imports.statuses.${r.archivedAt ? "archived" : r.status}`) },
          {
            header: t("users.actions"),
            // An accepted import is the source of its articles: only abandoned ones can go.
            cell: (r) =>
              r.status === "accepted" ? null : <AbandonButtons importId={r.id} archived={r.archivedAt !== null} label={t("imports.rowName", { id: r.id })} />,
          },
        ]}
      />
    </>
  );
}
