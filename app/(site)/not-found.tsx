import { getTranslations } from "next-intl/server";
import { SiteLink } from "@/components/site/site-link";
import { ARCHIVE_PATH, SEARCH_PATH } from "@/lib/public";

/** notFound() from any public page: inside the site's header and footer, with ways to go on. */
export default async function SiteNotFound() {
  const t = await getTranslations("site");
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4 py-10">
      <h1 className="text-2xl font-bold">{t("notFoundTitle")}</h1>
      <p className="text-stone-600">{t("notFoundHint")}</p>
      <ul className="flex gap-4">
        <li>
          <SiteLink href="/" className="underline">
            {t("home")}
          </SiteLink>
        </li>
        <li>
          <SiteLink href={ARCHIVE_PATH} className="underline">
            {t("archive")}
          </SiteLink>
        </li>
        <li>
          <SiteLink href={SEARCH_PATH} className="underline">
            {t("searchTitle")}
          </SiteLink>
        </li>
      </ul>
    </div>
  );
}
