import { getTranslations } from "next-intl/server";
import type { PublicPageInfo } from "@/db/queries/public/pages";
import { pagePath } from "@/lib/public";
import { SiteLink } from "./site-link";

/** 版面导航: 第1版 要闻 · 第2版 综合 …, the current page marked for assistive technology too. */
export async function PageTabs({ date, pages, current }: { date: string; pages: readonly PublicPageInfo[]; current: number }) {
  const t = await getTranslations("site");
  return (
    <nav aria-label={t("pageNav")} className="print:hidden">
      <ul className="flex flex-wrap gap-1 border-b border-stone-300">
        {pages.map((p) => {
          const active = p.number === current;
          return (
            <li key={p.id}>
              <SiteLink
                href={pagePath(date, p.number)}
                aria-current={active ? "page" : undefined}
                className={`-mb-px block rounded-t border px-3 py-1.5 text-sm ${
                  active ? "border-stone-300 border-b-paper bg-paper font-bold text-accent" : "border-transparent text-stone-700 hover:text-accent hover:underline"
                }`}
              >
                {p.name ? t("pageTabNamed", { number: p.number, name: p.name }) : t("pageTab", { number: p.number })}
              </SiteLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
