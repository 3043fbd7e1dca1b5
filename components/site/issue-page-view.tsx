import { getLocale, getTranslations } from "next-intl/server";
import type { PublicIssueRow } from "@/db/queries/public/issues";
import type { MarkedPage, PageHeadline, PublicPageInfo } from "@/db/queries/public/pages";
import { PHOTO_SIZES, type PublicPhoto } from "@/lib/media/picture";
import { archivePath, articlePath, displayTitle, excerpt, monthKey, monthOfDate, pagePath, printImagePath } from "@/lib/public";
import type { PrintImage, PrintView } from "@/lib/public/print";
import { listNumbers } from "./format";
import { HeadlineStack } from "./headline-stack";
import { Masthead } from "./masthead";
import { PageTabs } from "./page-tabs";
import { PrintedPage } from "./printed-page";
import { SiteLink } from "./site-link";
import { StoryPicture } from "./story-picture";

function headlineHref(h: PageHeadline): string {
  return h.continues ? articlePath({ id: h.continues.id, title: h.continues.title }) : articlePath({ id: h.id, title: h.title });
}

/**
 * One printed page of an issue: masthead, 版面导航, then either the printed page (数字报: the
 * page image with each story a link, when the page came from a PDF) or the page's headlines
 * as printed (lead story first, in print order); 标题导航 beside them, the issue's page
 * thumbnails and 上一版 / 下一版 / 往期 below.
 */
export async function IssuePageView({
  issue,
  pages,
  marked,
  page,
  headlines,
  photos,
  print = null,
  thumbs = new Map(),
}: {
  issue: PublicIssueRow;
  pages: readonly PublicPageInfo[];
  marked: readonly MarkedPage[];
  page: PublicPageInfo;
  headlines: readonly PageHeadline[];
  /** Lead photos by article id. */
  photos: ReadonlyMap<number, PublicPhoto>;
  print?: PrintView | null;
  thumbs?: ReadonlyMap<number, PrintImage>;
}) {
  const t = await getTranslations("site");
  const locale = await getLocale();
  const index = pages.findIndex((p) => p.id === page.id);
  const prev = index > 0 ? pages[index - 1] : undefined;
  const next = index >= 0 ? pages[index + 1] : undefined;
  const pageHeading = page.name ? t("pageTabNamed", { number: page.number, name: page.name }) : t("pageTab", { number: page.number });
  // Only the first picture on the page is fetched at once; the others as the reader scrolls.
  const firstPhotoId = headlines.find((h) => photos.has(h.id))?.id;

  return (
    <div className="flex flex-col gap-6">
      <Masthead issue={issue} onlinePages={pages.length} />
      <PageTabs date={issue.date} pages={pages} marked={marked} pageCount={issue.pageCount} current={page.number} />

      <div className="grid gap-8 md:grid-cols-[minmax(0,1fr)_15rem]">
        <section aria-labelledby="page-heading">
          <h2 id="page-heading" className="mb-4 border-l-4 border-accent pl-2 text-lg font-bold">
            {pageHeading}
          </h2>
          {print ? (
            <PrintedPage date={issue.date} pageNumber={page.number} pageLabel={pageHeading} print={print} headlines={headlines} hrefOf={headlineHref} />
          ) : (
          <ol className="flex flex-col divide-y divide-stone-300">
            {headlines.map((h, i) => {
              const lead = i === 0 && h.continues === null;
              const photo = photos.get(h.id);
              return (
                <li key={h.id} className="py-4 first:pt-0">
                  <article
                    lang={h.language}
                    aria-labelledby={`headline-${h.id}`}
                    className={photo && !lead ? "grid grid-cols-[minmax(0,1fr)_7rem] gap-x-4 sm:grid-cols-[minmax(0,1fr)_10rem]" : undefined}
                  >
                    {photo && lead ? <StoryPicture photo={photo} sizes={PHOTO_SIZES.pageLead} eager={h.id === firstPhotoId} className="mb-3" /> : null}
                    <div>
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
                    </div>
                    {photo && !lead ? <StoryPicture photo={photo} sizes={PHOTO_SIZES.thumbnail} eager={h.id === firstPhotoId} className="self-start" /> : null}
                  </article>
                </li>
              );
            })}
          </ol>
          )}
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

      {thumbs.size > 0 ? (
        <nav aria-labelledby="thumbs-nav" className="print:hidden">
          <h2 id="thumbs-nav" className="mb-2 text-sm font-bold">
            {t("pageThumbs")}
          </h2>
          <ol className="flex flex-wrap gap-3">
            {pages.map((p) => {
              const thumb = thumbs.get(p.number);
              const label = p.name ? t("pageTabNamed", { number: p.number, name: p.name }) : t("pageTab", { number: p.number });
              return (
                <li key={p.id}>
                  <SiteLink
                    href={pagePath(issue.date, p.number)}
                    aria-current={p.id === page.id ? "page" : undefined}
                    className={`flex w-24 flex-col items-center gap-1 rounded border p-1 text-xs hover:border-accent ${p.id === page.id ? "border-accent font-bold text-accent" : "border-stone-300 text-stone-700"}`}
                  >
                    {thumb ? (
                      // eslint-disable-next-line @next/next/no-img-element -- a small stored thumbnail, loaded when scrolled to
                      <img src={printImagePath(issue.date, p.number, "thumb", thumb.sha256)} alt="" width={thumb.width} height={thumb.height} loading="lazy" className="h-auto w-full border border-stone-200" />
                    ) : (
                      <span aria-hidden="true" className="flex aspect-[5/7] w-full items-center justify-center border border-dashed border-stone-300 text-stone-500">
                        {t("noPrintThumb")}
                      </span>
                    )}
                    <span>{label}</span>
                  </SiteLink>
                </li>
              );
            })}
          </ol>
        </nav>
      ) : null}

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
