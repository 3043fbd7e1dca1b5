import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { IssuePageView } from "@/components/site/issue-page-view";
import { SiteLink } from "@/components/site/site-link";
import { loadIssuePage } from "./_lib/issue-page";
import { alternatesFor, getLatestIssue, getSiteName } from "./_lib/site";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("site");
  return { title: { absolute: (await getSiteName(t("fallbackName"))) }, alternates: await alternatesFor("/") };
}

/** The front page is the latest public issue's first page, as printed. */
export default async function HomePage() {
  const t = await getTranslations("site");
  const issue = (await getLatestIssue());
  const data = issue ? await loadIssuePage(issue) : null;
  if (!data) {
    return (
      <div className="flex flex-col gap-4 py-10">
        <h1 className="font-serif text-4xl font-bold text-accent">{(await getSiteName(t("fallbackName")))}</h1>
        <p className="text-stone-600">{t("noIssue")}</p>
        <SiteLink href="/desk" className="self-start underline">
          {t("desk")}
        </SiteLink>
      </div>
    );
  }
  return <IssuePageView {...data} />;
}
