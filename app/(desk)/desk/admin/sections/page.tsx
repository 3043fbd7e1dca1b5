import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/desk/page-title";
import { listSections } from "@/db/queries/sections";
import { requirePageUser } from "@/lib/auth/session";

export default async function SectionsPage() {
  await requirePageUser("manageSections");
  const t = await getTranslations();
  const sections = listSections();
  return (
    <>
      <PageTitle title={t("sections.title")} description={t("pages.sections")} />
      <table className="w-full border-collapse bg-white text-sm">
        <thead>
          <tr className="border-b border-stone-300 text-left">
            <th className="p-2">{t("sections.name")}</th>
            <th className="p-2">{t("sections.slug")}</th>
            <th className="p-2">{t("sections.approvals")}</th>
            <th className="p-2">{t("sections.hidden")}</th>
          </tr>
        </thead>
        <tbody>
          {sections.map((s) => (
            <tr key={s.id} className="border-b border-stone-200">
              <td className="p-2">{s.name}</td>
              <td className="p-2 font-mono">{s.slug}</td>
              <td className="p-2">{s.approvalsRequired}</td>
              <td className="p-2">{s.hidden ? t("common.yes") : t("common.no")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
