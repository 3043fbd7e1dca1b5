import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/desk/page-title";
import { requirePageUser } from "@/services/session";
import { ImportForm } from "./_components/import-form";

export default async function NewImportPage() {
  await requirePageUser("importPages");
  const t = await getTranslations("imports");
  return (
    <>
      <PageTitle title={t("new")} description={t("newHint")} />
      <ImportForm />
    </>
  );
}
