import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { getLatestPublicIssue } from "@/db/queries/public/issues";
import { env } from "@/lib/env";
import { FEED_PATH, absoluteUrl, siteUrlFromHeaders } from "@/lib/public";

/** SITE_URL when configured, else this request's host (see siteUrlFromRequest). */
export function siteUrlFromRequestHeaders(h: Headers): string {
  return siteUrlFromHeaders(env().SITE_URL, (name) => h.get(name));
}

export const getSiteUrl = cache(async (): Promise<string> => siteUrlFromRequestHeaders(await headers()));

/** One read per request however many components ask. */
export const getLatestIssue = cache(async () => (await getLatestPublicIssue()) ?? null);

/** The paper's name as its newest public issue prints it. */
export const getSiteName = cache(async (fallback: string): Promise<string> => (await getLatestIssue())?.paper ?? fallback);

/**
 * `alternates` for a page's metadata. A page that sets alternates replaces the
 * layout's whole object, so the feed link travels with every canonical URL.
 */
export async function alternatesFor(path: string) {
  const siteUrl = await getSiteUrl();
  return { canonical: absoluteUrl(siteUrl, path), types: { "application/rss+xml": absoluteUrl(siteUrl, FEED_PATH) } };
}
