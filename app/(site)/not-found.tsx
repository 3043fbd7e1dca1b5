import { getTranslations } from "next-intl/server";
import { SiteLink } from "@/components/site/site-link";
import { WAYS_ON } from "@/lib/public";

/** notFound() from any public page: inside the site's header and footer, with ways to go on. */
export default async function SiteNotFound() {
  const t = await getTranslations("site");
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4 py-10">
      <h1 className="text-2xl font-bold">{t("notFoundTitle")}</h1>
      <p className="text-stone-600">{t("notFoundHint")}</p>
      <ul className="flex gap-4">
        {WAYS_ON.map((way) => (
          <li key={way.href}>
            <SiteLink href={way.href} className="underline">
              {t(way.label)}
            </SiteLink>
          </li>
        ))}
      </ul>
    </div>
  );
}
