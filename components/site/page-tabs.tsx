import { getTranslations } from "next-intl/server";
import type { MarkedPage, PublicPageInfo } from "@/db/queries/public/pages";
import { pagePath } from "@/lib/public";
import { SiteLink } from "./site-link";

/**
 * 版面导航: 第1版 要闻 · 第2版 广告 · 第3版 暂未上网 · 第4版 …, every printed page in order.
 * Only pages with published stories are links; the others say what they are (ads only, not
 * digitised, not online yet), so no tab leads to a missing page and none is silently absent.
 * The current page is marked for assistive technology too.
 */
export async function PageTabs({
  date,
  pages,
  marked = [],
  pageCount = null,
  current,
}: {
  date: string;
  pages: readonly PublicPageInfo[];
  marked?: readonly MarkedPage[];
  pageCount?: number | null;
  current: number;
}) {
  const t = await getTranslations("site");
  const online = new Map(pages.map((p) => [p.number, p]));
  const markedBy = new Map(marked.map((p) => [p.number, p]));
  const last = Math.max(pageCount ?? 0, ...pages.map((p) => p.number), ...marked.map((p) => p.number));
  const label = (number: number, name: string | null) => (name ? t("pageTabNamed", { number, name }) : t("pageTab", { number }));
  return (
    <nav aria-label={t("pageNav")} className="print:hidden">
      <ul className="flex flex-wrap gap-1 border-b border-stone-300">
        {Array.from({ length: last }, (_, i) => i + 1).map((number) => {
          const p = online.get(number);
          if (!p) {
            const m = markedBy.get(number);
            return (
              <li key={number}>
                <span className="-mb-px block rounded-t border border-transparent px-3 py-1.5 text-sm text-stone-500" data-page-offline={m?.status ?? "not_online"}>
                  {label(number, m?.name ?? null)}
                  <span className="text-xs">{t(`pageOffline.${m?.status ?? "not_online"}`)}</span>
                </span>
              </li>
            );
          }
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
                {label(p.number, p.name)}
              </SiteLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
