import { getLocale, getTranslations } from "next-intl/server";
import type { PublicIssueRow } from "@/db/queries/public/issues";
import type { MarkedPage, PageHeadline, PublicPageInfo } from "@/db/queries/public/pages";
import { archivePath, articlePath, displayTitle, excerpt, monthKey, monthOfDate, pagePath } from "@/lib/public";
import { listNumbers } from "./format";
import { HeadlineStack } from "./headline-stack";
import { Masthead } from "./masthead";
import { PageTabs } from "./page-tabs";
import { SiteLink } from "./site-link";

function headlineHref(h: PageHeadline): string {
  return h.continues ? articlePath({ id: h.continues.id, title: h.continues.title }) : articlePath({ id: h.id, title: h.title });
}

/**
 * One printed page of an issue: masthead, 版面导航, the page's headlines as
 * printed (lead story first, in print order), 标题导航 beside them, and
 * 上一版 / 下一版 / 往期 below.
 */
export async function IssuePageView({
  issue,
  pages,
  marked,
  page,
  headlines,
}: {
  issue: PublicIssueRow;
  pages: readonly PublicPageInfo[];
  marked: readonly MarkedPage[];
  page: PublicPageInfo;
  headlines: readonly PageHeadline[];
}) {
  const t = await getTranslations("site");
  const locale = await getLocale();
  const index = pages.findIndex((p) => p.id === page.id);
  const prev = index > 0 ? pages[index - 1] : undefined;
  const next = index >= 0 ? pages[index + 1] : undefined;
  const pageHeading = page.name ? t("pageTabNamed", { number: page.number, name: page.name }) : t("pageTab", { number: page.number });

  return (
    <div className="flex flex-col gap-6">
      <Masthead issue={issue} onlinePages={pages.length} />
      <PageTabs date={issue.date} pages={pages} marked={marked} pageCount={issue.pageCount} current={page.number} />

      <div className="grid gap-8 md:grid-cols-[minmax(0,1fr)_15rem]">
        <section aria-labelledby="page-heading">
          <h2 id="page-heading" className="mb-4 border-l-4 border-accent pl-2 text-lg font-bold">
            {pageHeading}
          </h2>
          <ol className="flex flex-col divide-y divide-stone-300">
            {headlines.map((h, i) => {
              const lead = i === 0 && h.continues === null;
              return (
                <li key={h.id} className="py-4 first:pt-0">
                  <article lang={h.language} aria-labelledby={`headline-${h.id}`}>
                    {h.continues ? (
                      <p className="text-sm text-accent">{t("continuedFrom", { page: h.continues.pageNumber ?? "?" })}</p>
                    ) : null}
                    <HeadlineStack
                      as="h3"
                      size={lead ? "lg" : "md"}
                      kicker={h.kicker}
                      subtitle={h.subtitle}
                      title={
                        <SiteLink id={`headline-${h.id}`} href={headlineHref(h)} className="hover:text-accent hover:underline">
                          {displayTitle({ ...h, bodyText: h.opening })}
                        </SiteLink>
                      }
                    />
                    {h.byline ? <p className="mt-1 text-sm text-stone-600">{h.byline}</p> : null}
                    {lead && h.opening ? <p className="mt-2 text-stone-800">{excerpt(h.opening, 120)}</p> : null}
                    {h.continuedOn.length > 0 ? (
                      <p className="mt-1 text-sm text-accent">{t("continuedOn", { pages: listNumbers(h.continuedOn, locale) })}</p>
                    ) : null}
                  </article>
                </li>
              );
            })}
          </ol>
        </section>

        <nav aria-labelledby="headlines-nav" className="self-start rounded border border-stone-300 p-3 print:hidden">
          <h2 id="headlines-nav" className="mb-2 text-sm font-bold">
            {t("headlinesNav")}
          </h2>
          <ol className="flex list-decimal flex-col gap-1.5 pl-5 text-sm">
            {headlines.map((h) => (
              <li key={h.id} lang={h.language}>
                <SiteLink href={headlineHref(h)} className="hover:text-accent hover:underline">
                  {displayTitle({ ...h, bodyText: h.opening })}
                </SiteLink>
                {h.continues ? <span className="text-stone-500"> ({t("continuedFrom", { page: h.continues.pageNumber ?? "?" })})</span> : null}
              </li>
            ))}
          </ol>
        </nav>
      </div>

      <nav aria-label={t("pageTurn")} className="flex flex-wrap items-center justify-between gap-3 border-t border-stone-300 pt-4 text-sm print:hidden">
        {prev ? (
          <SiteLink href={pagePath(issue.date, prev.number)} rel="prev" className="underline hover:text-accent">
            ← {t("prevPage")}
          </SiteLink>
        ) : (
          <span />
        )}
        <SiteLink href={archivePath(monthKey(monthOfDate(issue.date)))} className="underline hover:text-accent">
          {t("archive")}
        </SiteLink>
        {next ? (
          <SiteLink href={pagePath(issue.date, next.number)} rel="next" className="underline hover:text-accent">
            {t("nextPage")} →
          </SiteLink>
        ) : (
          <span />
        )}
      </nav>
    </div>
  );
}
