import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ListTable } from "@/components/desk/list-table";
import { PageTitle } from "@/components/desk/page-title";
import { listImports } from "@/db/queries/imports";
import { requirePageUser } from "@/services/session";

export default async function ImportsPage() {
  await requirePageUser("importPages");
  const t = await getTranslations();
  const format = await getFormatter();
  const rows = await listImports();
  return (
    <>
      <PageTitle title={t("nav.imports")} description={t("pages.imports")} />
      <Link href="/desk/imports/new" className="mb-4 inline-block rounded bg-accent px-3 py-1.5 text-sm text-white">
        {t("imports.new")}
      </Link>
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
        ]}
      />
    </>
  );
}
