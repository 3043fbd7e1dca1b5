import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";
import { listPublicSections } from "@/db/queries/public/sections";
import { FEED_PATH, absoluteUrl } from "@/lib/public";
import { getSiteName, getSiteUrl } from "./_lib/site";

// Next renders every public page from SQLite when asked; the server in front (scripts/serve.ts)
// keeps the result only until a public write, so publish and unpublish show on the very next request.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("site");
  const name = (await getSiteName(t("fallbackName")));
  const siteUrl = await getSiteUrl();
  return {
    title: { default: name, template: `%s · ${name}` },
    description: t("footerNote", { paper: name }),
    alternates: { types: { "application/rss+xml": absoluteUrl(siteUrl, FEED_PATH) } },
    openGraph: { siteName: name, locale: "zh_CN", type: "website" },
  };
}

export default async function SiteLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations("site");
  const name = (await getSiteName(t("fallbackName")));
  return (
    <div className="site flex min-h-screen flex-col">
      <SiteHeader siteName={name} sections={await listPublicSections()} />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-6">
        {children}
      </main>
      <SiteFooter siteName={name} />
    </div>
  );
}
