import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/desk/page-title";
import { getRevision, listRevisions } from "@/db/queries/article-revisions";
import { editingStateOf, getPendingRevision, workingVersion } from "@/db/queries/pending-revisions";
import { revisionText } from "@/lib/article-body";
import { canEditArticle } from "@/lib/workflow";
import { DiffView } from "@/components/versioned/diff-view";
import { listSections } from "@/db/queries/sections";
import { loadDeskArticle } from "../_lib/load-article";
import { RestoreButton } from "./_components/restore-button";

/** Any two revisions side by side as a diff; by default the newest against the one before it. */
export default async function HistoryPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ a?: string; b?: string }>;
}) {
  const { user, article } = await loadDeskArticle(params);
  const t = await getTranslations();
  const format = await getFormatter();
  const revisions = await listRevisions({ articleId: article.id });
  const sp = await searchParams;
  const newest = revisions[0]?.version ?? 1;
  const b = Number(sp.b) || newest;
  const a = Number(sp.a) || Math.max(1, b - 1);
  const before = await getRevision({ articleId: article.id, version: a });
  const after = await getRevision({ articleId: article.id, version: b });
  // A published story's restore goes into its pending revision, under that revision's edit rights.
  const mayRestore = canEditArticle(await editingStateOf(article), user.role);
  const baseVersion = workingVersion(article, article.state === "published" ? await getPendingRevision({ articleId: article.id }) : undefined);
  const first = revisions[revisions.length - 1];
  const sectionNames = new Map((await listSections()).map((s) => [s.id, s.name]));
  const asText = (snapshot: NonNullable<typeof before>["snapshot"]) => revisionText(snapshot, (key) => t(key), { sectionName: (id) => sectionNames.get(id) });

  return (
    <>
      <PageTitle title={t("history.title", { title: article.title })} description={t("history.hint")} />
      <p className="mb-4 text-sm">
        <Link href={`/desk/articles/${article.id}`} className="underline">
          {t("history.back")}
        </Link>
        {first ? (
          <>
            {" · "}
            <Link href={`?a=${first.version}&b=${newest}`} className="underline">
              {t(first.kind === "import" ? "history.againstImport" : "history.againstFirst")}
            </Link>
          </>
        ) : null}
      </p>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-2 text-sm">
        <RevisionSelect name="a" label={t("history.from")} value={a} versions={revisions.map((r) => r.version)} />
        <RevisionSelect name="b" label={t("history.to")} value={b} versions={revisions.map((r) => r.version)} />
        <button type="submit" className="rounded border border-stone-400 bg-white px-3 py-1">
          {t("history.compare")}
        </button>
      </form>
      {before && after ? (
        <DiffView
          before={asText(before.snapshot)}
          after={asText(after.snapshot)}
          labels={{ before: `v${before.version}`, after: `v${after.version}` }}
        />
      ) : (
        <p className="text-stone-600">{t("history.noSuchRevision")}</p>
      )}
      <h2 className="mt-6 mb-2 text-lg font-semibold">{t("history.revisions")}</h2>
      <table className="w-full border-collapse bg-white text-sm">
        <thead>
          <tr className="border-b border-stone-300 text-left">
            <th className="p-2">{t("history.version")}</th>
            <th className="p-2">{t("history.kind")}</th>
            <th className="p-2">{t("history.author")}</th>
            <th className="p-2">{t("audit.when")}</th>
            <th className="p-2">{t("history.note")}</th>
            <th className="p-2" />
          </tr>
        </thead>
        <tbody>
          {revisions.map((r) => (
            <tr key={r.id} className="border-b border-stone-200">
              <td className="p-2">v{r.version}</td>
              <td className="p-2">{t(`history.kinds.${r.kind}`)}</td>
              <td className="p-2">{r.authorName}</td>
              <td className="p-2">{format.dateTime(r.createdAt, { dateStyle: "short", timeStyle: "medium" })}</td>
              <td className="p-2">{r.note ?? ""}</td>
              <td className="p-2">
                {mayRestore && r.version !== article.version ? (
                  <RestoreButton articleId={article.id} version={r.version} baseVersion={baseVersion} />
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function RevisionSelect({ name, label, value, versions }: { name: string; label: string; value: number; versions: number[] }) {
  return (
    <label className="flex flex-col gap-1">
      {label}
      <select name={name} defaultValue={value} className="rounded border border-stone-400 px-2 py-1">
        {versions.map((v) => (
          <option key={v} value={v}>
            v{v}
          </option>
        ))}
      </select>
    </label>
  );
}
