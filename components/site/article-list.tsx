import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import type { ArticleListItem } from "@/db/queries/public/lists";
import { PHOTO_SIZES, type PublicPhoto } from "@/lib/media/picture";
import { articlePath, displayTitle, excerpt } from "@/lib/public";
import { dateLabel } from "./format";
import { HeadlineStack } from "./headline-stack";
import { Marked } from "./search-snippet";
import { SiteLink } from "./site-link";
import { StoryPicture } from "./story-picture";

/**
 * Stories as a list: headline stack, date and page, and a summary (or the search snippet given by `summary`).
 * With `highlight`, hits of those search terms are marked in the headline and byline too: a story may be
 * found by a word that is only in its headline, and its body snippet then has nothing to mark.
 */
export async function ArticleList({
  items,
  summary,
  highlight = [],
  photos,
}: {
  items: readonly ArticleListItem[];
  summary?: (item: ArticleListItem) => ReactNode;
  highlight?: readonly string[];
  /** Lead photos by article id: shown as a thumbnail beside the story. */
  photos?: ReadonlyMap<number, PublicPhoto>;
}) {
  const t = await getTranslations("site");
  const locale = await getLocale();
  return (
    <ol className="flex flex-col divide-y divide-stone-300">
      {items.map((item, index) => {
        const photo = photos?.get(item.id);
        return (
          <li key={item.id} className="py-4">
            <article
              lang={item.language}
              aria-labelledby={`item-${item.id}`}
              className={photo ? "grid grid-cols-[minmax(0,1fr)_7rem] gap-x-4 sm:grid-cols-[minmax(0,1fr)_10rem]" : undefined}
            >
              <div>
                <HeadlineStack
                  as="h2"
                  size="sm"
                  kicker={item.kicker ? <Marked text={item.kicker} terms={highlight} /> : null}
                  subtitle={item.subtitle ? <Marked text={item.subtitle} terms={highlight} /> : null}
                  title={
                    <SiteLink id={`item-${item.id}`} href={articlePath(item)} className="hover:text-accent hover:underline">
                      <Marked text={displayTitle({ ...item, bodyText: item.opening })} terms={highlight} />
                    </SiteLink>
                  }
                />
                <p className="mt-1 text-sm text-stone-600" lang={locale}>
                  {item.pageNumber !== null ? t("itemMeta", { date: dateLabel(item.date, locale), number: item.pageNumber }) : dateLabel(item.date, locale)}
                  {item.byline ? (
                    <span lang={item.language}>
                      {" · "}
                      <Marked text={item.byline} terms={highlight} />
                    </span>
                  ) : null}
                </p>
                <p className="mt-1 text-stone-800">{summary ? summary(item) : excerpt(item.opening, 100)}</p>
              </div>
              {photo ? <StoryPicture photo={photo} sizes={PHOTO_SIZES.thumbnail} eager={index === 0} className="self-start" /> : null}
            </article>
          </li>
        );
      })}
    </ol>
  );
}
