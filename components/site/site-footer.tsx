import { getTranslations } from "next-intl/server";
import { LocaleSwitcher } from "@/components/locale-switcher";
import { FEED_PATH } from "@/lib/public";
import { SiteLink } from "./site-link";

export async function SiteFooter({ siteName }: { siteName: string }) {
  const t = await getTranslations("site");
  return (
    <footer className="mt-12 border-t border-stone-300 print:hidden">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-6 text-sm text-stone-600">
        <p>{t("footerNote", { paper: siteName })}</p>
        <ul className="flex flex-wrap items-center gap-4">
          <li>
            <a href={FEED_PATH} type="application/rss+xml" className="underline hover:text-accent">
              {t("feed")}
            </a>
          </li>
          <li>
            <SiteLink href="/desk" className="underline hover:text-accent">
              {t("desk")}
            </SiteLink>
          </li>
          <li>
            <LocaleSwitcher />
          </li>
        </ul>
      </div>
    </footer>
  );
}
