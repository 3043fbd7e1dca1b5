import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/desk/page-title";
import { requirePageUser } from "@/lib/auth/session";

export default async function Page() {
  await requirePageUser("editArticles");
  const t = await getTranslations();
  return (
    <>
      <PageTitle title={t("nav.myArticles")} description={t("pages.myArticles")} />
      <p className="text-stone-600">{t("desk.empty")}</p>
    </>
  );
}
