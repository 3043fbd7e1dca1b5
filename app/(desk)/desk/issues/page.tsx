import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ListTable } from "@/components/desk/list-table";
import { PageTitle } from "@/components/desk/page-title";
import { listIssues } from "@/db/queries/issues";
import { requirePageUser } from "@/services/session";

export default async function IssuesPage() {
  await requirePageUser("viewIssues");
  const t = await getTranslations();
  const rows = await listIssues();
  return (
    <>
      <PageTitle title={t("nav.issues")} description={t("pages.issues")} />
      <ListTable
        rows={rows}
        empty={t("desk.empty")}
        columns={[
          {
            header: t("issues.date"),
            cell: (r) => (
              <Link href={`/desk/issues/${r.date}`} className="underline">
                {r.date}
              </Link>
            ),
          },
          { header: t("issues.paper"), cell: (r) => r.paper },
          { header: t("issues.numbers"), cell: (r) => t("issues.issueNumbers", { total: r.totalIssueNo ?? "—", no: r.issueNo ?? "—" }) },
          { header: t("issues.pages"), cell: (r) => r.pages },
          { header: t("issues.articles"), cell: (r) => t("issues.publishedOf", { published: r.published, total: r.articles }) },
        ]}
      />
    </>
  );
}
