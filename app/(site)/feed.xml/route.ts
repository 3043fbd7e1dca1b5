import { createTranslator } from "next-intl";
import { listFeedArticles } from "@/db/queries/public/feed";
import zhCN from "@/lib/i18n/messages/zh-CN.json";
import { FEED_PATH, renderRss } from "@/lib/public";
import { PUBLIC_CACHE_CONTROL } from "../_lib/cache";
import { getLatestIssue, siteUrlFromRequestHeaders } from "../_lib/site";
import { textResponse } from "../_lib/text-response";

export const dynamic = "force-dynamic";

const FEED_ITEMS = 50;

/** RSS 2.0 of the newest published stories. In the paper's language whatever the reader's cookie, so caches may share it. */
export async function GET(request: Request) {
  const t = createTranslator({ locale: "zh-CN", messages: zhCN, namespace: "site" });
  const paper = (await getLatestIssue())?.paper ?? t("fallbackName");
  const xml = renderRss({
    siteUrl: siteUrlFromRequestHeaders(request.headers),
    title: paper,
    description: t("footerNote", { paper }),
    language: "zh-CN",
    articles: await listFeedArticles({ limit: FEED_ITEMS }),
    selfPath: FEED_PATH,
  });
  return textResponse(request, xml, "application/rss+xml; charset=utf-8", PUBLIC_CACHE_CONTROL.feed);
}
