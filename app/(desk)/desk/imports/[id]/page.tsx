import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/desk/page-title";
import { getImportById, getImportSupersedingId } from "@/db/queries/imports";
import { getUserById } from "@/db/queries/users";
import { requirePageUser } from "@/lib/auth/session";
import type { Segmentation } from "@/lib/ingest";
import { ProposalView } from "./_components/proposal-view";

export default async function ImportPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser("importPages");
  const id = Number((await params).id);
  const item = Number.isInteger(id) ? getImportById({ id }) : undefined;
  if (!item) notFound();
  const t = await getTranslations("imports");
  const format = await getFormatter();
  const supersededBy = getImportSupersedingId({ id: item.id });
  const author = getUserById({ id: item.createdById });
  const seg = item.proposal as Segmentation;
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
      <ProposalView seg={seg} />
    </>
  );
}
