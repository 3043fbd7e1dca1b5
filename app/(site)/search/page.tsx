import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ArticleList } from "@/components/site/article-list";
import { listLeadPhotos } from "@/db/queries/public/photos";
import { Pagination } from "@/components/site/pagination";
import { SearchSnippet } from "@/components/site/search-snippet";
import { searchPublishedArticles } from "@/db/queries/public/search";
import { MAX_QUERY_CHARS, SEARCH_PATH, highlightSnippet, normaliseQuery, parseListPageParam, searchPath } from "@/lib/public";

export const dynamic = "force-dynamic";

const PAGE_SIZE = 20;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function readQuery(params: Record<string, string | string[] | undefined>): string {
  return typeof params.q === "string" ? normaliseQuery(params.q) : "";
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const t = await getTranslations("site");
  const q = readQuery(await searchParams);
  // Result pages are not for search engines: they would index every query anyone typed.
  return { title: q ? `${q} · ${t("searchTitle")}` : t("searchTitle"), robots: { index: false, follow: true } };
}

/** Every term must appear; hits are marked in a snippet of the story's text. */
export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const q = readQuery(params);
  const page = parseListPageParam(params.page);
  const t = await getTranslations("site");
  const result = q ? await searchPublishedArticles({ q, page, pageSize: PAGE_SIZE }) : null;
  const terms = result && result.plan.kind !== "empty" ? result.plan.terms : [];

  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="font-serif text-3xl font-bold">{t("searchTitle")}</h1>
      <form role="search" action={SEARCH_PATH} method="get" className="mt-4 flex flex-wrap items-end gap-2">
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <label htmlFor="search-q" className="text-sm font-medium">
            {t("searchLabel")}
          </label>
          <input
            id="search-q"
            type="search"
            name="q"
            defaultValue={q}
            maxLength={MAX_QUERY_CHARS}
            aria-describedby="search-hint"
            className="rounded border border-stone-400 bg-white px-3 py-2"
          />
        </div>
        <button type="submit" className="rounded bg-ink px-4 py-2 text-white hover:bg-stone-700">
          {t("searchSubmit")}
        </button>
        <p id="search-hint" className="w-full text-sm text-stone-600">
          {t("searchHint")}
        </p>
      </form>

      {result ? (
        <section aria-labelledby="results-heading" className="mt-6">
          <h2 id="results-heading" className="text-lg font-bold">
            {result.total > 0 ? t("resultsCount", { q, count: result.total }) : t("noResults", { q })}
          </h2>
          <ArticleList
            items={result.items}
            photos={await listLeadPhotos({ articleIds: result.items.map((i) => i.id) })}
            highlight={terms}
            summary={(item) => <SearchSnippet snippet={highlightSnippet(result.items.find((i) => i.id === item.id)?.text ?? "", terms)} />}
          />
          <Pagination page={page} total={result.total} pageSize={PAGE_SIZE} href={(p) => searchPath(q, p)} />
        </section>
      ) : null}
    </div>
  );
}
