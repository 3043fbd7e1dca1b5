import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { dateLabel } from "@/components/site/format";
import { IssuePageView } from "@/components/site/issue-page-view";
import { getPublicIssueByDate } from "@/db/queries/public/issues";
import { issuePath, parseIssueDateParam } from "@/lib/public";
import { loadIssuePage } from "../../_lib/issue-page";
import { alternatesFor } from "../../_lib/site";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ date: string }> };

async function load(param: string) {
  const date = parseIssueDateParam(param);
  const issue = date ? await getPublicIssueByDate({ date }) : undefined;
  return issue ? await loadIssuePage(issue) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await load((await params).date);
  if (!data) return {};
  const t = await getTranslations("site");
  const locale = await getLocale();
  return {
    title: t("issueTitle", { date: dateLabel(data.issue.date, locale), number: data.page.number }),
    alternates: await alternatesFor(issuePath(data.issue.date)),
  };
}

/** An issue opens at its first page (第1版). */
export default async function IssuePage({ params }: Props) {
  const data = await load((await params).date);
  if (!data) notFound();
  return <IssuePageView {...data} />;
}
