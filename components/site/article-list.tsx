import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import type { ArticleListItem } from "@/db/queries/public";
import { articlePath, excerpt } from "@/lib/public";
import { dateLabel } from "./format";
import { HeadlineStack } from "./headline-stack";
import { SiteLink } from "./site-link";

/** Stories as a list: headline stack, date and page, and a summary (or the search snippet given by `summary`). */
export async function ArticleList({ items, summary }: { items: readonly ArticleListItem[]; summary?: (item: ArticleListItem) => ReactNode }) {
  const t = await getTranslations("site");
  const locale = await getLocale();
  return (
    <ol className="flex flex-col divide-y divide-stone-300">
      {items.map((item) => (
        <li key={item.id} className="py-4">
          <article lang={item.language} aria-labelledby={`item-${item.id}`}>
            <HeadlineStack
              as="h2"
              size="sm"
              kicker={item.kicker}
              subtitle={item.subtitle}
              title={
                <SiteLink id={`item-${item.id}`} href={articlePath(item)} className="hover:text-accent hover:underline">
                  {item.title || excerpt(item.opening, 30)}
                </SiteLink>
              }
            />
            <p className="mt-1 text-sm text-stone-600" lang={locale}>
              {item.pageNumber !== null ? t("itemMeta", { date: dateLabel(item.date, locale), number: item.pageNumber }) : dateLabel(item.date, locale)}
              {item.byline ? <span lang={item.language}> · {item.byline}</span> : null}
            </p>
            <p className="mt-1 text-stone-800">{summary ? summary(item) : excerpt(item.opening, 100)}</p>
          </article>
        </li>
      ))}
    </ol>
  );
}
