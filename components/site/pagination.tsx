import { getTranslations } from "next-intl/server";
import { pageLinks, totalPages } from "@/lib/public";
import { SiteLink } from "./site-link";

/** 上一页 1 … 4 5 [6] 7 8 … 20 下一页, as plain links; `href` builds each page's address. */
export async function Pagination({ page, total, pageSize, href }: { page: number; total: number; pageSize: number; href: (page: number) => string }) {
  const pages = totalPages(total, pageSize);
  if (pages <= 1) return null;
  const t = await getTranslations("site");
  const linkClass = "block rounded border border-stone-300 px-3 py-1 hover:border-accent hover:text-accent";
  return (
    <nav aria-label={t("pagination")} className="mt-8 print:hidden">
      <ul className="flex flex-wrap items-center gap-2 text-sm">
        {page > 1 ? (
          <li>
            <SiteLink href={href(page - 1)} rel="prev" className={linkClass}>
              {t("prevList")}
            </SiteLink>
          </li>
        ) : null}
        {pageLinks(page, pages).map((l) =>
          l.kind === "gap" ? (
            <li key={l.key} aria-hidden="true" className="px-1 text-stone-500">
              …
            </li>
          ) : (
            <li key={l.page}>
              {l.current ? (
                <span aria-current="page" className="block rounded border border-ink bg-ink px-3 py-1 text-white">
                  <span className="sr-only">{t("listPageOf", { page: l.page, pages })}</span>
                  <span aria-hidden="true">{l.page}</span>
                </span>
              ) : (
                <SiteLink href={href(l.page)} className={linkClass} aria-label={t("listPage", { page: l.page })}>
                  {l.page}
                </SiteLink>
              )}
            </li>
          ),
        )}
        {page < pages ? (
          <li>
            <SiteLink href={href(page + 1)} rel="next" className={linkClass}>
              {t("nextList")}
            </SiteLink>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
