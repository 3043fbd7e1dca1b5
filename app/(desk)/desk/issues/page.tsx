import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/desk/page-title";
import { listIssues } from "@/db/queries/issues";
import { requirePageUser } from "@/lib/auth/session";

export default async function IssuesPage() {
  await requirePageUser("viewIssues");
  const t = await getTranslations();
  const rows = listIssues();
  return (
    <>
      <PageTitle title={t("nav.issues")} description={t("pages.issues")} />
      {rows.length === 0 ? (
        <p className="text-stone-600">{t("desk.empty")}</p>
      ) : (
        <table className="w-full border-collapse bg-white text-sm">
          <thead>
            <tr className="border-b border-stone-300 text-left">
              <th className="p-2">{t("issues.date")}</th>
              <th className="p-2">{t("issues.paper")}</th>
              <th className="p-2">{t("issues.numbers")}</th>
              <th className="p-2">{t("issues.pages")}</th>
              <th className="p-2">{t("issues.articles")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-b border-stone-200">
                <td className="p-2">
                  <Link href={`/desk/issues/${r.date}`} className="underline">
                    {r.date}
                  </Link>
                </td>
                <td className="p-2">{r.paper}</td>
                <td className="p-2">{t("issues.issueNumbers", { total: r.totalIssueNo ?? "—", no: r.issueNo ?? "—" })}</td>
                <td className="p-2">{r.pages}</td>
                <td className="p-2">{t("issues.publishedOf", { published: r.published, total: r.articles })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
