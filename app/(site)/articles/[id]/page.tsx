import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { dateLabel, sectionLabel } from "@/components/site/format";
import { HeadlineStack } from "@/components/site/headline-stack";
import { SiteLink } from "@/components/site/site-link";
import { getAdjacentArticlesOnPage, getPublicArticleById, type AdjacentArticle, type PublicArticleView } from "@/db/queries/public/articles";
import { renderBodyHtml } from "@/lib/article-body";
import {
  absoluteUrl,
  articleMeta,
  articleParam,
  articlePath,
  displayTitle,
  issuePath,
  jsonLdScript,
  newsArticleJsonLd,
  pagePath,
  parseArticleParam,
  sectionPath,
} from "@/lib/public";
import { getPublicPrintPlace } from "@/db/queries/public/print";
import { alternatesFor, getSiteName, getSiteUrl } from "../../_lib/site";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

const lookup = cache(async (id: number) => await getPublicArticleById({ id }));

/**
 * The published story for the URL, or the redirect or 404 it calls for.
 * Withdrawn articles never get here: proxy.ts answers them 410 first (a page
 * cannot set that status). One withdrawn in between the two reads is a 404.
 */
async function resolve(param: string): Promise<PublicArticleView> {
  const id = parseArticleParam(param);
  if (id === null) notFound();
  const result = (await lookup(id));
  if (result.kind === "part") {
    const head = (await lookup(result.headId));
    permanentRedirect(head.kind === "article" ? articlePath(head.view.article) : `/articles/${result.headId}`);
  }
  if (result.kind !== "article") notFound();
  // Old slugs and bare ids keep working: one canonical address per story.
  if (param !== articleParam(result.view.article)) permanentRedirect(articlePath(result.view.article));
  return result.view;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseArticleParam((await params).id);
  const result = id === null ? null : (await lookup(id));
  if (result?.kind !== "article") return {};
  const t = await getTranslations("site");
  const meta = articleMeta(result.view.article, await getSiteUrl(), { siteName: (await getSiteName(t("fallbackName"))) });
  return {
    title: meta.title,
    description: meta.description,
    alternates: { ...(await alternatesFor(articlePath(result.view.article))), canonical: meta.canonical },
    openGraph: meta.openGraph,
    ...(meta.twitter ? { twitter: meta.twitter } : {}),
  };
}

function AdjacentLink({ article, rel, label }: { article: AdjacentArticle; rel: "prev" | "next"; label: string }) {
  return (
    <SiteLink href={articlePath(article)} rel={rel} className="group flex flex-col rounded border border-stone-300 p-3 hover:border-accent">
      <span className="text-xs text-stone-600">{label}</span>
      <span className="font-serif font-bold group-hover:text-accent group-hover:underline">{displayTitle({ ...article, bodyText: article.opening })}</span>
    </SiteLink>
  );
}

export default async function ArticlePage({ params }: Props) {
  const view = await resolve((await params).id);
  const { article, issue, parts, photos } = view;
  const t = await getTranslations("site");
  const locale = await getLocale();
  const siteUrl = await getSiteUrl();
  const siteName = (await getSiteName(t("fallbackName")));
  const canonical = absoluteUrl(siteUrl, articlePath(article));
  const jsonLd = newsArticleJsonLd(article, { siteUrl, paper: issue?.paper ?? siteName, issue: issue ?? undefined });
  const { prev, next } = await getAdjacentArticlesOnPage({ articleId: article.id });
  const jumped = parts.length > 1;
  // 原版: each part printed on a page that has its printed view, at its region there.
  const originals = (
    await Promise.all(
      parts.map(async (p) => {
        const place = await getPublicPrintPlace({ articleId: p.id });
        return place ? [{ id: p.id, ...place }] : [];
      }),
    )
  ).flat();
  // The lead photo heads the story, under its headline, before a correction note and the text.
  const first = parts[0]?.body.content[0];
  const leadPhoto = first?.type === "photo" && first.attrs.lead && photos.has(first.attrs.mediaId) ? first : null;
  const bodyOf = (part: (typeof parts)[number]) =>
    leadPhoto && part === parts[0] ? { ...part.body, content: part.body.content.slice(1) } : part.body;

  return (
    <>
      <article lang={article.language} aria-labelledby="article-title" className="mx-auto max-w-3xl">
        <header className="border-b border-stone-300 pb-4">
          <HeadlineStack
            as="h1"
            size="lg"
            kicker={article.kicker}
            subtitle={article.subtitle}
            title={<span id="article-title">{displayTitle(article)}</span>}
          />
          {article.byline ? <p className="mt-3 text-stone-700">{article.byline}</p> : null}
          <p className="mt-2 flex flex-wrap gap-x-2 text-sm text-stone-600" lang={locale}>
            {issue ? (
              <span>
                {t("printedIn")}{" "}
                <SiteLink href={issuePath(issue.date)} className="underline hover:text-accent">
                  {t("printedDate", { date: dateLabel(issue.date, locale) })}
                </SiteLink>{" "}
                {article.pages.map((p, i) => (
                  <span key={p.number}>
                    {i > 0 ? " / " : null}
                    <SiteLink href={pagePath(issue.date, p.number)} className="underline hover:text-accent">
                      {t("pageLabel", { number: p.number })}
                    </SiteLink>
                  </span>
                ))}
              </span>
            ) : null}
            {originals.map((o) => (
              <span key={o.id}>
                ·{" "}
                <SiteLink href={`${pagePath(o.date, o.page)}#print-${o.id}`} className="underline hover:text-accent" data-testid="original-page">
                  {originals.length > 1 ? t("originalPageNamed", { number: o.page }) : t("originalPage")}
                </SiteLink>
              </span>
            ))}
            {article.sectionSlug && article.sectionName ? (
              <span>
                ·{" "}
                <SiteLink href={sectionPath(article.sectionSlug)} className="underline hover:text-accent">
                  {sectionLabel(article.sectionName, article.sectionNameEn, locale)}
                </SiteLink>
              </span>
            ) : null}
          </p>
        </header>

        {leadPhoto ? (
          // renderBodyHtml escapes every string and sanitises its output with an allow-list.
          <div className="article-body mt-4" dangerouslySetInnerHTML={{ __html: renderBodyHtml({ type: "doc", content: [leadPhoto] }, { photos }) }} />
        ) : null}

        {article.correction ? (
          <aside aria-labelledby="correction-heading" className="mt-4 border-l-4 border-amber-600 bg-amber-50 px-4 py-3" lang={locale}>
            <h2 id="correction-heading" className="font-bold text-amber-900">
              {t("correction")}
            </h2>
            {/* One line per correction, the newest first (lib/workflow withCorrectionNote). */}
            <p lang={article.language} className="whitespace-pre-line">
              {article.correction}
            </p>
          </aside>
        ) : null}

        {jumped ? (
          <p className="mt-4 text-sm text-stone-600" lang={locale}>
            {t("partsNote", { count: parts.length })}
          </p>
        ) : null}

        {parts.map((part) => {
          // renderBodyHtml escapes every string and sanitises its output with an allow-list.
          const bodyHtml = <div className="article-body" dangerouslySetInnerHTML={{ __html: renderBodyHtml(bodyOf(part), { photos }) }} />;
          if (!jumped || part.pageNumber === null) {
            return (
              <div key={part.id} className="mt-6">
                {bodyHtml}
              </div>
            );
          }
          return (
            <section key={part.id} aria-labelledby={`part-${part.id}`} className="mt-6">
              <h2 id={`part-${part.id}`} className="mb-3 border-b border-dotted border-stone-400 pb-1 text-sm font-bold text-stone-600" lang={locale}>
                {part.pageName ? t("pageTabNamed", { number: part.pageNumber, name: part.pageName }) : t("pageTab", { number: part.pageNumber })}
              </h2>
              {bodyHtml}
            </section>
          );
        })}

        <p className="mt-8 hidden break-all text-sm print:block" lang={locale}>
          {t("articleUrl")}
          {canonical}
        </p>
      </article>

      {prev || next ? (
        <nav aria-label={t("onThisPage")} className="mx-auto mt-10 grid max-w-3xl gap-3 sm:grid-cols-2 print:hidden">
          <div>{prev ? <AdjacentLink article={prev} rel="prev" label={t("prevArticle")} /> : null}</div>
          <div className="sm:text-right">{next ? <AdjacentLink article={next} rel="next" label={t("nextArticle")} /> : null}</div>
        </nav>
      ) : null}

      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdScript(jsonLd) }} />
    </>
  );
}
