import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ArticleList } from "@/components/site/article-list";
import { sectionLabel } from "@/components/site/format";
import { Pagination } from "@/components/site/pagination";
import { listLeadPhotos } from "@/db/queries/public/photos";
import { getPublicSectionBySlug, listPublishedArticlesBySection } from "@/db/queries/public/sections";
import { parseListPageParam, sectionPath, totalPages, withPage } from "@/lib/public";
import { alternatesFor } from "../../_lib/site";

export const dynamic = "force-dynamic";

const PAGE_SIZE = 20;

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const section = await getPublicSectionBySlug({ slug: (await params).slug });
  if (!section) return {};
  const page = parseListPageParam((await searchParams).page);
  const t = await getTranslations("site");
  return {
    title: page > 1 ? `${sectionLabel(section.name, section.nameEn, await getLocale())} · ${t("listPage", { page })}` : sectionLabel(section.name, section.nameEn, await getLocale()),
    alternates: await alternatesFor(withPage(sectionPath(section.slug), page)),
  };
}

/** A section's published stories, newest issue first, 20 to a page. */
export default async function SectionPage({ params, searchParams }: Props) {
  const section = await getPublicSectionBySlug({ slug: (await params).slug });
  if (!section) notFound();
  const page = parseListPageParam((await searchParams).page);
  const result = await listPublishedArticlesBySection({ sectionId: section.id, page, pageSize: PAGE_SIZE });
  if (page > totalPages(result.total, PAGE_SIZE)) notFound();
  const t = await getTranslations("site");
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="border-b-2 border-ink pb-2 font-serif text-3xl font-bold">{sectionLabel(section.name, section.nameEn, await getLocale())}</h1>
      {result.items.length === 0 ? <p className="mt-6 text-stone-600">{t("sectionEmpty")}</p> : <ArticleList items={result.items} photos={await listLeadPhotos({ articleIds: result.items.map((i) => i.id) })} />}
      <Pagination page={page} total={result.total} pageSize={PAGE_SIZE} href={(p) => withPage(sectionPath(section.slug), p)} />
    </div>
  );
}
