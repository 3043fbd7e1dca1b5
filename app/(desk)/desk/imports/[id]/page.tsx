import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/desk/page-title";
import { getImportById, getImportSupersedingId } from "@/db/queries/imports";
import { ensureImportWork, listImportWorkRevisions } from "@/db/queries/import-work";
import { getUserById } from "@/db/queries/users";
import { requirePageUser } from "@/services/session";
import { proposalOf } from "@/lib/desk/import-text";
import { fromSegmentation } from "@/lib/workbench";
import type { WorkbenchLabelsInput } from "@/components/editor/workbench";
import { WorkbenchScreen } from "./_components/workbench-screen";

export default async function ImportPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser("importPages");
  const id = Number((await params).id);
  const item = Number.isInteger(id) ? await getImportById({ id }) : undefined;
  if (!item) notFound();
  const t = await getTranslations("imports");
  const all = await getTranslations();
  const format = await getFormatter();
  const supersededBy = await getImportSupersedingId({ id: item.id });
  const author = await getUserById({ id: item.createdById });
  const seg = proposalOf(item);
  // The first open starts from the engine's proposal; every later one from the saved working state.
  const work = await ensureImportWork({ importId: item.id, doc: () => fromSegmentation(seg) });
  const kept = await listImportWorkRevisions({ importId: item.id });
  return (
    <>
      <PageTitle
        title={t("title", { id: item.id })}
        description={t("summary", {
          paper: item.paper ?? "—",
          date: item.issueDate ?? "—",
          page: item.pageNumber ?? "—",
          pageName: item.pageName ?? "",
        })}
      />
      <dl className="mb-4 grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
        <dt className="text-stone-600">{t("fileName")}</dt>
        <dd>{item.fileName ?? t("pasted")}</dd>
        <dt className="text-stone-600">{t("encoding")}</dt>
        <dd>{item.encoding}</dd>
        <dt className="text-stone-600">{t("by")}</dt>
        <dd>{author?.name}</dd>
        <dt className="text-stone-600">{t("at")}</dt>
        <dd>{format.dateTime(item.createdAt, { dateStyle: "medium", timeStyle: "short" })}</dd>
      </dl>
      {item.supersedesId ? (
        <p className="mb-2 text-sm">
          {t.rich("supersedes", {
            id: item.supersedesId,
            link: (chunks) => (
              <Link href={`/desk/imports/${item.supersedesId}`} className="underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      ) : null}
      {supersededBy ? (
        <p className="mb-2 text-sm text-amber-800">
          {t.rich("supersededBy", {
            id: supersededBy,
            link: (chunks) => (
              <Link href={`/desk/imports/${supersededBy}`} className="underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      ) : null}
      {kept.length > 0 ? (
        <p className="mb-2 text-sm text-stone-700">
          {t("keptRevisions", { count: kept.length, version: kept[0]?.version ?? 0, name: kept[0]?.savedByName ?? "—" })}
        </p>
      ) : null}
      <WorkbenchScreen
        importId={item.id}
        rawText={seg.text}
        initialDoc={work.doc}
        initialVersion={work.version}
        labels={all.raw("workbenchEditor") as WorkbenchLabelsInput}
      />
    </>
  );
}
