import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ArticleStateBadge } from "@/components/desk/article-state-badge";
import { BulkActions, SelectAll } from "@/components/desk/bulk-actions";
import { ListTable } from "@/components/desk/list-table";
import { PageTitle } from "@/components/desk/page-title";
import { FILTER_INPUT, PrintFilters } from "@/components/desk/print-filters";
import { Marked, SearchSnippet } from "@/components/site/search-snippet";
import { listDeskArticles } from "@/db/queries/articles";
import { listSections } from "@/db/queries/sections";
import { listUsers } from "@/db/queries/users";
import { can } from "@/lib/auth/roles";
import { bulkActionsFor, bulkItemValue } from "@/lib/desk/bulk";
import { highlightSnippet } from "@/lib/public/search";
import { requirePageUser } from "@/services/session";
import { printFiltersFrom } from "@/lib/desk/print-filters";
import { ARTICLE_STATES, isArticleState } from "@/lib/vocabulary";
import { NewArticleForm } from "./_components/new-article-form";
import { cutToChars } from "@/lib/text-length";
import { bulkArticlesAction } from "./actions";

type Search = { issue?: string; page?: string; section?: string; state?: string; author?: string; q?: string };

const BULK_FORM = "bulk-articles";

/** Every article, whatever its state: filters, full-text search (the desk's own index) and bulk steps on the checked ones. */
export default async function ArticlesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePageUser("openArticles");
  const t = await getTranslations();
  const format = await getFormatter();
  const sp = await searchParams;
  const filters = {
    ...printFiltersFrom(sp),
    state: isArticleState(sp.state) ? sp.state : undefined,
    authorId: Number(sp.author) || undefined,
    q: cutToChars(sp.q?.trim() ?? "", 100) || undefined,
  };
  const { rows, total, terms, texts } = await listDeskArticles(filters);
  const sections = await listSections();
  const authors = (await listUsers()).filter((u) => u.role !== "reviewer");
  const writes = can(user.role, "writeArticles");
  const shortcuts = [
    ...(writes
      ? [
          { key: "myDrafts", href: `/desk/articles?state=draft&author=${user.id}` },
          { key: "sentBack", href: `/desk/articles?state=changes_requested&author=${user.id}` },
        ]
      : []),
    { key: "inReview", href: "/desk/articles?state=in_review" },
    { key: "scheduled", href: "/desk/articles?state=scheduled" },
    { key: "published", href: "/desk/articles?state=published" },
  ];
  return (
    <>
      <PageTitle title={t("nav.articles")} description={t("pages.articles")} />
      {writes ? <NewArticleForm /> : null}
      <nav aria-label={t("articles.shortcuts.label")} className="mb-3 flex flex-wrap gap-2 text-sm">
        {shortcuts.map((s) => (
          <Link key={s.key} href={s.href} className="rounded-full border border-stone-300 bg-white px-3 py-0.5 hover:border-accent">
            {t(`articles.shortcuts.${s.key}`)}
          </Link>
        ))}
      </nav>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-2 text-sm" role="search" aria-label={t("deskSearch.label")}>
        <label className="flex flex-col gap-1">
          {t("articles.filters.q")}
          <input name="q" type="search" defaultValue={filters.q ?? ""} className={`${FILTER_INPUT} w-56`} />
        </label>
        <PrintFilters sections={sections} issueDate={filters.issueDate} pageNumber={filters.pageNumber} sectionId={filters.sectionId} />
        <label className="flex flex-col gap-1">
          {t("articles.filters.state")}
          <select name="state" defaultValue={filters.state ?? ""} className={FILTER_INPUT}>
            <option value="">{t("articles.filters.all")}</option>
            {ARTICLE_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`states.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          {t("articles.filters.author")}
          <select name="author" defaultValue={filters.authorId ?? ""} className={FILTER_INPUT}>
            <option value="">{t("articles.filters.all")}</option>
            {authors.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded border border-stone-400 bg-white px-3 py-1">
          {t("articles.filters.apply")}
        </button>
      </form>
      <p className="mb-2 text-sm text-stone-700" role="status">
        {rows.length < total ? t("articles.countLimited", { total, shown: rows.length }) : t("articles.count", { total })}
      </p>
      {rows.length > 0 ? (
        <div className="mb-3 rounded border border-stone-300 bg-stone-100 p-2">
          <p className="mb-1 text-xs text-stone-700">{t("bulk.hint")}</p>
          <BulkActions id={BULK_FORM} run={bulkArticlesAction} actions={bulkActionsFor(user.role)} sections={sections} label={t("bulk.label")} />
        </div>
      ) : null}
      <ListTable
        rows={rows}
        empty={filters.q ? t("articles.noMatch", { q: filters.q }) : t("desk.empty")}
        columns={[
          {
            header: <SelectAll form={BULK_FORM} label={t("bulk.selectAll")} />,
            cell: (r) => (
              <input type="checkbox" name="items" value={bulkItemValue(r)} form={BULK_FORM} aria-label={t("bulk.select", { title: r.title || t("imports.untitled") })} />
            ),
          },
          {
            header: t("articles.fields.title"),
            cell: (r) => (
              <div>
                {r.kicker ? <p className="text-xs text-stone-600">{terms.length ? <Marked text={r.kicker} terms={terms} /> : r.kicker}</p> : null}
                <Link href={`/desk/articles/${r.id}`} className="underline">
                  {r.title ? terms.length ? <Marked text={r.title} terms={terms} /> : r.title : t("imports.untitled")}
                </Link>
                {terms.length ? (
                  <p className="mt-0.5 text-xs text-stone-700" data-testid="snippet">
                    <SearchSnippet snippet={highlightSnippet(texts.get(r.id) ?? "", terms, 40)} />
                  </p>
                ) : null}
              </div>
            ),
          },
          { header: t("articles.filters.state"), cell: (r) => <span className="whitespace-nowrap"><ArticleStateBadge state={r.state} /></span> },
          {
            header: t("articles.filters.issue"),
            cell: (r) => <span className="whitespace-nowrap">{r.issueDate ? `${r.issueDate} ${t("articles.pageNo", { page: r.pageNumber ?? "—" })}` : t("articles.notInPrint")}</span>,
          },
          { header: t("articles.filters.section"), cell: (r) => <span className="whitespace-nowrap">{r.sectionName ?? "—"}</span> },
          { header: t("articles.filters.author"), cell: (r) => <span className="whitespace-nowrap">{r.authorName}</span> },
          { header: t("articles.updated"), cell: (r) => <span className="whitespace-nowrap">{format.dateTime(r.updatedAt, { dateStyle: "short", timeStyle: "short" })}</span> },
        ]}
      />
    </>
  );
}
