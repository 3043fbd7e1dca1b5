import { createTranslator } from "next-intl";
import { listSitemapData } from "@/db/queries/public/feed";
import zhCN from "@/lib/i18n/messages/zh-CN.json";
import { renderSitemap } from "@/lib/public";
import { PUBLIC_CACHE_CONTROL } from "../_lib/cache";
import { getLatestIssue, siteUrlFromRequestHeaders } from "../_lib/site";
import { textResponse } from "../_lib/text-response";

export const dynamic = "force-dynamic";

/** Every public issue, page, section and story; Google News fields for the latest issue's stories. */
export async function GET(request: Request) {
  const t = createTranslator({ locale: "zh-CN", messages: zhCN, namespace: "site" });
  const data = await listSitemapData();
  const xml = renderSitemap({
    siteUrl: siteUrlFromRequestHeaders(request.headers),
    ...data,
    publicationName: (await getLatestIssue())?.paper ?? t("fallbackName"),
    language: "zh-CN",
  });
  return textResponse(request, xml, "application/xml; charset=utf-8", PUBLIC_CACHE_CONTROL.feed);
}
