import "server-only";
import { getLatestPublicIssue } from "@/db/queries/public/issues";
import { toLocale } from "@/lib/i18n/locales";
import en from "@/lib/i18n/messages/en.json";
import zhCN from "@/lib/i18n/messages/zh-CN.json";
import { WAYS_ON, renderGonePage } from "@/lib/public";
import { PUBLIC_CACHE_CONTROL } from "./cache";

const MESSAGES = { "zh-CN": zhCN.site, en: en.site } as const;

/**
 * 410 Gone for an article that was public and has been withdrawn. App Router
 * pages can only fall back to 404/403/401, so proxy.ts answers these requests
 * itself with this small self-contained page before any route renders.
 */
export async function goneArticleResponse(locale: string | undefined, method: string): Promise<Response> {
  const t = MESSAGES[toLocale(locale)];
  const html = renderGonePage({
    lang: toLocale(locale),
    siteName: (await getLatestPublicIssue())?.paper ?? t.fallbackName,
    title: t.goneTitle,
    message: t.goneMessage,
    links: WAYS_ON.map((way) => ({ href: way.href, label: t[way.label] })),
  });
  return new Response(method === "HEAD" ? null : html, {
    status: 410,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": PUBLIC_CACHE_CONTROL.page,
      "x-robots-tag": "noindex",
      vary: "Cookie",
    },
  });
}
