import { getLocale, getTranslations } from "next-intl/server";
import type { PublicSection } from "@/db/queries/public/sections";
import { ARCHIVE_PATH, MAX_QUERY_CHARS, SEARCH_PATH, sectionPath } from "@/lib/public";
import { sectionLabel } from "./format";
import { SiteLink } from "./site-link";

/** Skip link, the paper's name, the site navigation and the search box; no script needed for any of it. */
export async function SiteHeader({ siteName, sections }: { siteName: string; sections: readonly PublicSection[] }) {
  const locale = await getLocale();
  const t = await getTranslations("site");
  return (
    <header className="border-b border-stone-300 bg-paper">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-ink focus:px-3 focus:py-2 focus:text-white"
      >
        {t("skipToContent")}
      </a>
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <SiteLink href="/" className="font-serif text-2xl font-bold text-accent no-underline">
          {siteName}
        </SiteLink>
        <form role="search" action={SEARCH_PATH} method="get" className="flex items-center gap-2 print:hidden">
          <label htmlFor="site-search" className="sr-only">
            {t("searchLabel")}
          </label>
          <input
            id="site-search"
            type="search"
            name="q"
            maxLength={MAX_QUERY_CHARS}
            className="w-40 rounded border border-stone-400 bg-white px-2 py-1 text-sm sm:w-56"
          />
          <button type="submit" className="rounded bg-ink px-3 py-1 text-sm text-white hover:bg-stone-700">
            {t("searchSubmit")}
          </button>
        </form>
      </div>
      <nav aria-label={t("mainNav")} className="border-t border-stone-200 print:hidden">
        <ul className="mx-auto flex max-w-5xl flex-wrap gap-x-4 gap-y-1 px-4 py-2 text-sm">
          <li>
            <SiteLink href="/" className="hover:text-accent hover:underline">
              {t("home")}
            </SiteLink>
          </li>
          <li>
            <SiteLink href={ARCHIVE_PATH} className="hover:text-accent hover:underline">
              {t("archive")}
            </SiteLink>
          </li>
          {sections.map((s) => (
            <li key={s.id}>
              <SiteLink href={sectionPath(s.slug)} className="hover:text-accent hover:underline">
                {sectionLabel(s.name, s.nameEn, locale)}
              </SiteLink>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
