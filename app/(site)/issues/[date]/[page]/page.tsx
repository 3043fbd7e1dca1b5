import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { dateLabel } from "@/components/site/format";
import { IssuePageView } from "@/components/site/issue-page-view";
import { getPublicIssueByDate } from "@/db/queries/public/issues";
import { issuePath, pagePath, parseIssueDateParam, parsePageParam } from "@/lib/public";
import { loadIssuePage } from "../../../_lib/issue-page";
import { alternatesFor } from "../../../_lib/site";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ date: string; page: string }> };

async function load(params: { date: string; page: string }) {
  const date = parseIssueDateParam(params.date);
  const number = parsePageParam(params.page);
  const issue = date && number !== null ? await getPublicIssueByDate({ date }) : undefined;
  return issue && number !== null ? await loadIssuePage(issue, number) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await load(await params);
  if (!data) return {};
  const t = await getTranslations("site");
  const locale = await getLocale();
  const title = t("issueTitle", { date: dateLabel(data.issue.date, locale), number: data.page.number });
  // The first page is also the issue's own address; that one is canonical.
  const first = data.pages[0]?.id === data.page.id;
  return {
    title: data.page.name ? `${title} ${data.page.name}` : title,
    alternates: await alternatesFor(first ? issuePath(data.issue.date) : pagePath(data.issue.date, data.page.number)),
  };
}

export default async function IssuePageByNumber({ params }: Props) {
  const data = await load(await params);
  if (!data) notFound();
  return <IssuePageView {...data} />;
}
