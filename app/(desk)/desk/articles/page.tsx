import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ArticleStateBadge } from "@/components/desk/article-state-badge";
import { ListTable } from "@/components/desk/list-table";
import { PageTitle } from "@/components/desk/page-title";
import { listDeskArticles } from "@/db/queries/articles";
import { listSections } from "@/db/queries/sections";
import { listUsers } from "@/db/queries/users";
import { requirePageUser } from "@/services/session";
import { ARTICLE_STATES, isArticleState } from "@/lib/vocabulary";
import { NewArticleForm } from "./_components/new-article-form";
import { cutToChars } from "@/lib/text-length";

type Search = { issue?: string; page?: string; section?: string; state?: string; author?: string; q?: string };

export default async function ArticlesPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requirePageUser("writeArticles");
  const t = await getTranslations();
  const format = await getFormatter();
  const sp = await searchParams;
  const filters = {
    issueDate: /^\d{4}-\d{2}-\d{2}$/.test(sp.issue ?? "") ? sp.issue : undefined,
    pageNumber: Number(sp.page) || undefined,
    sectionId: Number(sp.section) || undefined,
    state: isArticleState(sp.state) ? sp.state : undefined,
    authorId: Number(sp.author) || undefined,
    q: cutToChars(sp.q?.trim() ?? "", 100) || undefined,
  };
  const rows = await listDeskArticles(filters);
  const sections = await listSections();
  const authors = (await listUsers()).filter((u) => u.role !== "reviewer");
  const select = "rounded border border-stone-400 bg-white px-2 py-1";
  return (
    <>
      <PageTitle title={t("nav.myArticles")} description={t("pages.myArticles")} />
      <NewArticleForm />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-2 text-sm" role="search">
        <label className="flex flex-col gap-1">
          {t("articles.filters.q")}
          <input name="q" defaultValue={filters.q ?? ""} className={select} />
        </label>
        <label className="flex flex-col gap-1">
          {t("articles.filters.issue")}
          <input name="issue" type="date" defaultValue={filters.issueDate ?? ""} className={select} />
        </label>
        <label className="flex flex-col gap-1">
          {t("articles.filters.page")}
          <input name="page" type="number" min={1} max={200} defaultValue={filters.pageNumber ?? ""} className={`${select} w-20`} />
        </label>
        <label className="flex flex-col gap-1">
          {t("articles.filters.section")}
          <select name="section" defaultValue={filters.sectionId ?? ""} className={select}>
            <option value="">{t("articles.filters.all")}</option>
            {sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          {t("articles.filters.state")}
          <select name="state" defaultValue={filters.state ?? ""} className={select}>
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
          <select name="author" defaultValue={filters.authorId ?? ""} className={select}>
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
      <ListTable
        rows={rows}
        empty={t("desk.empty")}
        columns={[
          {
            header: t("articles.fields.title"),
            cell: (r) => (
              <Link href={`/desk/articles/${r.id}`} className="underline">
                {r.title || t("imports.untitled")}
              </Link>
            ),
          },
          { header: t("articles.filters.state"), cell: (r) => <ArticleStateBadge state={r.state} /> },
          {
            header: t("articles.filters.issue"),
            cell: (r) => (r.issueDate ? `${r.issueDate} ${t("articles.pageNo", { page: r.pageNumber ?? "—" })}` : "—"),
          },
          { header: t("articles.filters.section"), cell: (r) => r.sectionName ?? "—" },
          { header: t("articles.filters.author"), cell: (r) => r.authorName },
          { header: t("audit.when"), cell: (r) => format.dateTime(r.updatedAt, { dateStyle: "short", timeStyle: "short" }) },
        ]}
      />
    </>
  );
}
