import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/desk/page-title";
import { requirePageUser } from "@/lib/auth/session";

export default async function Page() {
  await requirePageUser("viewIssues");
  const t = await getTranslations();
  return (
    <>
      <PageTitle title={t("nav.issues")} description={t("pages.issues")} />
      <p className="text-stone-600">{t("desk.empty")}</p>
    </>
  );
}
