import type { ReactNode } from "react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { ArticleStateBadge } from "@/components/desk/article-state-badge";
import type { ShortlistRow } from "@/db/queries/desk-home";
import { PROGRESS_STAGES, type PageProgress, type ProgressStage } from "@/lib/desk/desk-home";

/** One list of the desk home: a count that links to the whole list, and its first few stories. */
export function ShortlistCard<R extends Pick<ShortlistRow, "id" | "title">>({
  id,
  title,
  count,
  href,
  rows,
  empty,
  meta,
  tone = "stone",
}: {
  id: string;
  title: string;
  count: number;
  href: string;
  rows: readonly R[];
  empty: string;
  meta: (row: R) => ReactNode;
  tone?: "stone" | "blue" | "amber" | "purple" | "green";
}) {
  const t = useTranslations("deskHome");
  const accent = { stone: "text-stone-800", blue: "text-blue-800", amber: "text-amber-800", purple: "text-purple-800", green: "text-green-800" }[tone];
  return (
    <section aria-labelledby={id} className="flex flex-col rounded border border-stone-300 bg-white">
      <header className="flex items-baseline justify-between gap-2 border-b border-stone-200 px-4 py-3">
        <h2 id={id} className="font-semibold">
          <Link href={href} className="hover:underline">
            {title}
          </Link>
        </h2>
        <Link href={href} className={`text-3xl leading-none font-bold tabular-nums ${count > 0 ? accent : "text-stone-400"}`} aria-label={t("countOf", { title, count })} data-testid={`${id}-count`}>
          {count}
        </Link>
      </header>
      {rows.length === 0 ? (
        <p className="px-4 py-3 text-sm text-stone-500">{empty}</p>
      ) : (
        <ul className="flex-1 divide-y divide-stone-100 text-sm">
          {rows.map((r) => (
            <li key={r.id} className="px-4 py-2">
              <Link href={`/desk/articles/${r.id}`} className="line-clamp-1 font-medium hover:underline">
                {r.title || t("untitled")}
              </Link>
              <p className="mt-0.5 flex flex-wrap items-center gap-2 text-xs text-stone-600">{meta(r)}</p>
            </li>
          ))}
        </ul>
      )}
      {count > rows.length ? (
        <p className="border-t border-stone-100 px-4 py-2 text-right text-sm">
          <Link href={href} className="text-accent hover:underline">
            {t("seeAll", { count })}
          </Link>
        </p>
      ) : null}
    </section>
  );
}

const STAGE_COLOURS: Record<ProgressStage, string> = {
  writing: "bg-stone-400",
  inReview: "bg-blue-500",
  ready: "bg-green-400",
  published: "bg-green-700",
};

/** The colour key of the page bars. */
export function StageKey() {
  const t = useTranslations("deskHome.stages");
  return (
    <ul className="flex flex-wrap gap-3 text-xs text-stone-700" aria-hidden>
      {PROGRESS_STAGES.map((s) => (
        <li key={s} className="flex items-center gap-1">
          <span className={`inline-block size-2.5 rounded-sm ${STAGE_COLOURS[s]}`} />
          {t(s)}
        </li>
      ))}
    </ul>
  );
}

/** One page of the focus issue: its name, its stories by stage as a bar, and a link to its list. */
export function PageProgressRow({ page, issueDate }: { page: PageProgress; issueDate: string }) {
  const t = useTranslations("deskHome");
  const summary = PROGRESS_STAGES.filter((s) => page.stages[s] > 0)
    .map((s) => t("stageCount", { stage: t(`stages.${s}`), count: page.stages[s] }))
    .join(t("listSeparator"));
  return (
    <li className="grid grid-cols-[7rem_1fr_auto] items-center gap-3 py-1.5 text-sm" data-testid={`page-${page.number}`}>
      <Link href={`/desk/articles?issue=${issueDate}&page=${page.number}`} className="truncate font-medium hover:underline">
        {t("pageLabel", { page: page.number, name: page.name ?? "" })}
      </Link>
      {page.missing ? (
        <span className="rounded border border-dashed border-amber-500 px-2 py-0.5 text-xs text-amber-800">{t("pageMissing")}</span>
      ) : page.total === 0 ? (
        <span className="rounded border border-dashed border-amber-500 px-2 py-0.5 text-xs text-amber-800">{t("pageEmpty")}</span>
      ) : (
        <span className="flex h-3 overflow-hidden rounded bg-stone-100" role="img" aria-label={summary}>
          {PROGRESS_STAGES.map((s) =>
            page.stages[s] > 0 ? <span key={s} className={STAGE_COLOURS[s]} style={{ width: `${(100 * page.stages[s]) / page.total}%` }} /> : null,
          )}
        </span>
      )}
      <span className="text-right text-xs whitespace-nowrap text-stone-600 tabular-nums">{page.missing ? "" : t("articlesOnPage", { count: page.total })}</span>
    </li>
  );
}

/** A story's place in print and time, for the cards' second line. */
export function Placed({ row, at }: { row: Pick<ShortlistRow, "state" | "issueDate" | "pageNumber" | "sectionName">; at?: Date | null }) {
  const t = useTranslations();
  const format = useFormatter();
  return (
    <>
      <ArticleStateBadge state={row.state} />
      <span>{row.issueDate ? t("articles.placement", { date: row.issueDate, page: row.pageNumber ?? "—", name: "" }) : t("articles.notInPrint")}</span>
      {row.sectionName ? <span>{row.sectionName}</span> : null}
      {at ? <time dateTime={at.toISOString()}>{format.dateTime(at, { dateStyle: "short", timeStyle: "short" })}</time> : null}
    </>
  );
}
