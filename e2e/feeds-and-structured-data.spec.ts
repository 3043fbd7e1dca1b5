import type { Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import { articles } from "../db/schema";
import { withDatabase } from "./support/database";
import { expect, test } from "./support/fixtures";
import { DEMO_DATE, arrangeArticle, articleIdByTitle, linkedArticleIds, publishedStoryIds } from "./support/public";

const FEED_ITEMS = 50;
const LEAD_TITLE = "重庆将实施五大行动加速创新要素向企业集聚";
const FEATURE_TITLE = "荣昌：提升创新能力 绽放科技之花";

type ParsedXml = { error: string | null; root: string; namespace: string | null; texts: Record<string, string[]> };

/**
 * Parses with Chromium's own XML parser (DOMParser, application/xml), which
 * is strict: anything not well-formed yields a <parsererror> document. No XML
 * parser ships in node_modules, and a hand-written one would prove little.
 * Returns the root and the text of the elements asked for (by local name, in a namespace).
 */
async function parseXml(page: Page, xml: string, wanted: { ns: string; name: string }[]): Promise<ParsedXml> {

  return page.evaluate(
    ({ xml, wanted }) => {
      const doc = new DOMParser().parseFromString(xml, "application/xml");
      const error = doc.getElementsByTagName("parsererror")[0];
      const texts: Record<string, string[]> = {};
      for (const w of wanted) texts[w.name] = Array.from(doc.getElementsByTagNameNS(w.ns, w.name), (e) => e.textContent ?? "");
      return {
        error: error ? (error.textContent ?? "parsererror") : null,
        root: doc.documentElement.localName,
        namespace: doc.documentElement.namespaceURI,
        texts,
      };
    },
    { xml, wanted },
  );
}

const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

test("the RSS feed parses as XML and holds exactly the newest published stories", async ({ page, request }) => {
  // A story with characters XML must escape, and one that must never appear.
  const tricky = await arrangeArticle({
    state: "published",
    title: "“R&D”投入 <首次> 超过 5% 的企业",
    paragraphs: ["研发投入 & 产出：<b>不是标签</b>，\u0008控制字符也不能坏了 XML。"],
    sectionSlug: "economy",
  });
  const draft = await arrangeArticle({ state: "draft", title: "不应进入订阅的草稿", paragraphs: ["草稿正文。"], sectionSlug: "news" });

  const res = await request.get("/feed.xml");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/rss+xml; charset=utf-8");
  const xml = await res.text();
  const feed = await parseXml(page, xml, [
    { ns: "", name: "guid" },
    { ns: "", name: "title" },
    { ns: "", name: "link" },
  ]);
  expect(feed.error).toBeNull();
  expect(feed.root).toBe("rss");

  const guids = feed.texts.guid!.map((g) => linkedArticleIds(g));
  expect(guids.every((ids) => ids.length === 1)).toBe(true);
  const feedIds = guids.map((ids) => ids[0]!);
  const published = await publishedStoryIds();
  expect(new Set(feedIds).size).toBe(feedIds.length);
  expect(feedIds.length).toBe(Math.min(FEED_ITEMS, published.length));
  for (const id of feedIds) expect(published).toContain(id);
  if (published.length <= FEED_ITEMS) expect([...feedIds].sort((a, b) => a - b)).toEqual(published);
  expect(feedIds).toContain(tricky);
  expect(feedIds).not.toContain(draft);

  // The channel is the paper; the escaped headline reads back exactly; every link opens its story.
  expect(feed.texts.title![0]).toBe("荣昌报");
  expect(feed.texts.title).toContain("“R&D”投入 <首次> 超过 5% 的企业");
  const links = feed.texts.link!.slice(1);
  expect(links).toHaveLength(feedIds.length);
  for (const link of links.slice(0, 3)) expect((await request.get(new URL(link).pathname)).status()).toBe(200);

  // Unchanged, it revalidates to an empty 304.
  const etag = res.headers().etag!;
  expect(etag).toMatch(/^"/);
  const again = await request.get("/feed.xml", { headers: { "if-none-match": etag } });
  expect(again.status()).toBe(304);
});

test("the sitemap parses as XML and lists exactly the published stories, issues, pages and sections", async ({ page, request }) => {
  const res = await request.get("/sitemap.xml");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/xml; charset=utf-8");
  const xml = await res.text();
  const map = await parseXml(page, xml, [{ ns: SITEMAP_NS, name: "loc" }]);
  expect(map.error).toBeNull();
  expect(map.root).toBe("urlset");
  expect(map.namespace).toBe(SITEMAP_NS);

  const paths = map.texts.loc!.map((loc) => new URL(loc).pathname);
  const articleIds = paths.filter((p) => p.startsWith("/articles/")).flatMap((p) => linkedArticleIds(p));
  expect(new Set(articleIds).size).toBe(articleIds.length);
  expect([...articleIds].sort((a, b) => a - b)).toEqual(await publishedStoryIds());

  expect(paths).toEqual(expect.arrayContaining(["/", `/issues/${DEMO_DATE}`, `/issues/${DEMO_DATE}/1`, `/issues/${DEMO_DATE}/3`, "/sections/news", "/sections/features"]));
  expect(paths).not.toContain(`/issues/${DEMO_DATE}/2`);
  expect(paths.filter((p) => p.startsWith("/desk") || p.startsWith("/api") || p.startsWith("/search"))).toEqual([]);
  // Google News fields (given to the newest stories) sit in their story's own <url>, with its headline and the paper's name.
  const news = await page.evaluate(
    ({ xml, SITEMAP_NS, NEWS_NS }) =>
      Array.from(new DOMParser().parseFromString(xml, "application/xml").getElementsByTagNameNS(NEWS_NS, "news"), (n) => ({
        loc: n.parentElement?.namespaceURI === SITEMAP_NS && n.parentElement.localName === "url" ? (n.parentElement.getElementsByTagNameNS(SITEMAP_NS, "loc")[0]?.textContent ?? "") : "",
        name: n.getElementsByTagNameNS(NEWS_NS, "name")[0]?.textContent ?? "",
        title: n.getElementsByTagNameNS(NEWS_NS, "title")[0]?.textContent ?? "",
        date: n.getElementsByTagNameNS(NEWS_NS, "publication_date")[0]?.textContent ?? "",
      })),
    { xml, SITEMAP_NS, NEWS_NS },
  );
  expect(news.length).toBeGreaterThan(0);
  for (const entry of news) {
    const [id] = linkedArticleIds(new URL(entry.loc).pathname);
    const row = await withDatabase(async (db) => (await db.select({ title: articles.title, state: articles.state }).from(articles).where(eq(articles.id, id!)))[0]!);
    expect(row.state).toBe("published");
    expect(entry).toMatchObject({ name: "荣昌报", title: row.title });
    expect(Date.parse(entry.date)).not.toBeNaN();
  }
});

test("robots.txt keeps crawlers out of the newsroom and points at the sitemap", async ({ request, baseURL }) => {
  const res = await request.get("/robots.txt");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("text/plain; charset=utf-8");
  const lines = (await res.text()).split("\n").map((l) => l.trim());
  expect(lines).toContain("User-agent: *");
  expect(lines).toContain("Disallow: /desk");
  expect(lines).toContain("Disallow: /api");
  expect(lines).not.toContain("Disallow: /");
  expect(lines).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
});

test("a story page carries NewsArticle JSON-LD with its print page and section, a canonical link and Open Graph", async ({ page, baseURL }) => {
  for (const [title, printPage, printSection, section] of [
    [LEAD_TITLE, "1", "要闻", "要闻"],
    [FEATURE_TITLE, "3", "专题", "专题"],
  ] as const) {
    const id = await articleIdByTitle(title);
    // Asked for by id with a made-up slug, it redirects to the one canonical address.
    await page.goto(`/articles/${id}-old-slug`);
    await expect(page).toHaveURL(`${baseURL}/articles/${id}`);
    const canonical = `${baseURL}/articles/${id}`;

    const scripts = page.locator('script[type="application/ld+json"]');
    await expect(scripts).toHaveCount(1);
    const ld = JSON.parse((await scripts.textContent()) ?? "") as Record<string, unknown>;
    expect(ld).toMatchObject({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: title,
      url: canonical,
      mainEntityOfPage: { "@type": "WebPage", "@id": canonical },
      printPage,
      printSection,
      printEdition: "2024年3月8日 总第273期 第27期",
      articleSection: section,
      inLanguage: "zh-CN",
      publisher: { "@type": "Organization", name: "荣昌报" },
    });
    expect(Date.parse(String(ld.datePublished))).not.toBeNaN();
    expect(Array.isArray(ld.author) && ld.author.length > 0).toBe(true);

    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", canonical);
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", title);
    await expect(page.locator('meta[property="og:type"]')).toHaveAttribute("content", "article");
    await expect(page.locator('meta[property="og:url"]')).toHaveAttribute("content", canonical);
    await expect(page.locator('meta[property="og:site_name"]')).toHaveAttribute("content", "荣昌报");
    await expect(page.locator('meta[property="og:description"]')).toHaveAttribute("content", /\S/);
    await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute("href", `${baseURL}/feed.xml`);
  }
});
