import { getTranslations } from "next-intl/server";
import { SiteLink } from "@/components/site/site-link";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <main className="mx-auto flex max-w-xl flex-col gap-4 px-4 py-16">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <SiteLink href="/" className="self-start underline">
        {t("back")}
      </SiteLink>
    </main>
  );
}
