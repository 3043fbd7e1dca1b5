import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/desk/page-title";
import { listImports } from "@/db/queries/imports";
import { requirePageUser } from "@/lib/auth/session";

export default async function ImportsPage() {
  await requirePageUser("importPages");
  const t = await getTranslations();
  const format = await getFormatter();
  const rows = listImports();
  return (
    <>
      <PageTitle title={t("nav.imports")} description={t("pages.imports")} />
      <Link href="/desk/imports/new" className="mb-4 inline-block rounded bg-accent px-3 py-1.5 text-sm text-white">
        {t("imports.new")}
      </Link>
      {rows.length === 0 ? (
        <p className="text-stone-600">{t("desk.empty")}</p>
      ) : (
        <table className="w-full border-collapse bg-white text-sm">
          <thead>
            <tr className="border-b border-stone-300 text-left">
              <th className="p-2">#</th>
              <th className="p-2">{t("imports.fields.issueDate")}</th>
              <th className="p-2">{t("imports.fields.pageNumber")}</th>
              <th className="p-2">{t("imports.fileName")}</th>
              <th className="p-2">{t("imports.articles")}</th>
              <th className="p-2">{t("imports.by")}</th>
              <th className="p-2">{t("audit.when")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-b border-stone-200">
                <td className="p-2">
                  <Link href={`/desk/imports/${r.id}`} className="underline">
                    {r.id}
                  </Link>
                </td>
                <td className="p-2">{r.issueDate ?? "—"}</td>
                <td className="p-2">
                  {r.pageNumber ?? "—"} {r.pageName ?? ""}
                </td>
                <td className="p-2">{r.fileName ?? t("imports.pasted")}</td>
                <td className="p-2">{r.articleCount}</td>
                <td className="p-2">{r.createdByName}</td>
                <td className="p-2">{format.dateTime(r.createdAt, { dateStyle: "short", timeStyle: "short" })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
