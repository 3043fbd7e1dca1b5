import { describe, expect, it } from "vitest";
import { renderRobots, renderRss, renderSitemap } from "./feed";
import { HOSTILE, makeArticle } from "./testing/fixtures";
import { childElements, childText, parseXml, textOf, type XmlElement } from "./testing/parse-xml";
import { stripInvalidXmlChars } from "./xml";

const SITE = "https://epaper.example.org";
const HOSTILE_CLEAN = stripInvalidXmlChars(HOSTILE);

const articles = [
  makeArticle({ id: 11, title: "重庆将实施五大行动加速创新要素向企业集聚", reporters: ["张雪", "李明"] }),
  makeArticle({ id: 12, title: "River festival draws 10,000", language: "en", reporters: [], sectionName: null }),
  makeArticle({ id: 13, title: HOSTILE, bodyText: `${HOSTILE}\n正文`, sectionName: HOSTILE, reporters: [HOSTILE] }),
  makeArticle({ id: 14, title: null, subtitle: "（上接1版）", issueDate: "2024-03-05", publishedAt: new Date("2024-03-05T00:00:00Z"), updatedAt: new Date("2024-03-09T08:00:00Z") }),
];

function rss(list = articles) {
  return renderRss({ siteUrl: SITE, title: "荣昌报 & <新闻>", description: "荣昌区融媒体中心", language: "zh-CN", articles: list });
}

describe("renderRss", () => {
  it("is well-formed RSS 2.0 with an atom:self link", () => {
    const root = parseXml(rss());
    expect(root.name).toBe("rss");
    expect(root.attrs.version).toBe("2.0");
    const channel = childElements(root, "channel")[0] as XmlElement;
    expect(childText(channel, "title")).toBe("荣昌报 & <新闻>");
    expect(childText(channel, "link")).toBe(`${SITE}/`);
    expect(childText(channel, "language")).toBe("zh-cn");
    expect(childText(channel, "lastBuildDate")).toBe("Sat, 09 Mar 2024 08:00:00 GMT");
    const self = childElements(channel, "atom:link")[0];
    expect(self?.attrs).toEqual({ href: `${SITE}/feed.xml`, rel: "self", type: "application/rss+xml" });
  });

  it("contains exactly the given articles, in order, with the item fields", () => {
    const channel = childElements(parseXml(rss()), "channel")[0] as XmlElement;
    const items = childElements(channel, "item");
    expect(items.map((i) => childText(i, "guid"))).toEqual(articles.map((a) => `${SITE}/articles/${a.id}`));
    const [first, second, , fourth] = items as [XmlElement, XmlElement, XmlElement, XmlElement];
    expect(childText(first, "title")).toBe("重庆将实施五大行动加速创新要素向企业集聚");
    expect(childText(first, "link")).toBe(`${SITE}/articles/11`);
    expect(childElements(first, "guid")[0]?.attrs.isPermaLink).toBe("true");
    expect(childText(first, "pubDate")).toBe("Fri, 08 Mar 2024 00:30:00 GMT");
    expect(childText(first, "description")).toMatch(/^重庆日报消息 近日，/);
    expect(childText(first, "description")).not.toContain("\n");
    expect(childText(first, "category")).toBe("要闻");
    expect(childText(first, "dc:creator")).toBe("张雪、李明");
    expect(childText(second, "link")).toBe(`${SITE}/articles/12-river-festival-draws-10-000`);
    expect(childElements(second, "category")).toHaveLength(0);
    expect(childElements(second, "dc:creator")).toHaveLength(0);
    expect(childText(fourth, "title")).toBe("（上接1版）");
  });

  it("round-trips a hostile title, section and body as text", () => {
    const xml = rss();
    expect(xml).not.toContain("<script>");
    const channel = childElements(parseXml(xml), "channel")[0] as XmlElement;
    const hostile = childElements(channel, "item")[2] as XmlElement;
    expect(childText(hostile, "title")).toBe(HOSTILE_CLEAN.trim());
    expect(childText(hostile, "category")).toBe(HOSTILE_CLEAN);
    expect(childText(hostile, "dc:creator")).toBe(HOSTILE_CLEAN);
    expect(childText(hostile, "description")).toContain('<script>alert(1)</script> & "x"');
    expect(HOSTILE_CLEAN).not.toMatch(/[\u0000\u0008\uFFFE\uFFFF\uD800]/);
  });

  it("gives a story's lead photo as an enclosure: absolute address, length in bytes, type", () => {
    const image = { url: "/media/0123456789abcdef0123456789abcdef.jpg", width: 1600, height: 1067, bytes: 227_000, type: "image/jpeg", alt: "河边的稻田" };
    const xml = renderRss({ siteUrl: "https://example.cn/paper", title: "荣昌报", description: "", language: "zh-CN", articles: [makeArticle({ id: 11, image }), makeArticle({ id: 12 })] });
    const [withPhoto, without] = childElements(childElements(parseXml(xml), "channel")[0] as XmlElement, "item") as [XmlElement, XmlElement];
    expect(childElements(withPhoto, "enclosure").map((e) => e.attrs)).toEqual([
      { url: "https://example.cn/paper/media/0123456789abcdef0123456789abcdef.jpg", length: "227000", type: "image/jpeg" },
    ]);
    expect(childElements(without, "enclosure")).toHaveLength(0);
  });

  it("caps the description at 200 characters", () => {
    const long = makeArticle({ bodyText: "荣".repeat(500) });
    const item = childElements(childElements(parseXml(rss([long])), "channel")[0] as XmlElement, "item")[0] as XmlElement;
    expect(Array.from(childText(item, "description"))).toHaveLength(200);
  });

  it("is valid with no articles and is deterministic", () => {
    const empty = parseXml(rss([]));
    expect(childElements(childElements(empty, "channel")[0] as XmlElement, "item")).toHaveLength(0);
    expect(rss()).toBe(rss());
  });
});

describe("renderSitemap", () => {
  const sitemap = (now?: Date) =>
    renderSitemap({
      siteUrl: `${SITE}/`,
      issues: [
        { date: "2024-03-08", pages: [1, 2, 3, 4], lastModified: new Date("2024-03-08T03:00:00Z") },
        { date: "2024-03-05", pages: [1, 2], lastModified: new Date("2024-03-05T03:00:00Z") },
      ],
      articles,
      sections: [{ slug: "yaowen", lastModified: new Date("2024-03-08T03:00:00Z") }],
      publicationName: "荣昌报",
      language: "zh-CN",
      ...(now ? { now } : {}),
    });
  const urls = (xml: string) => childElements(parseXml(xml), "url");
  const articleUrls = (xml: string) => urls(xml).filter((u) => childText(u, "loc").includes("/articles/"));

  it("is a well-formed urlset with the news namespace declared", () => {
    const root = parseXml(sitemap());
    expect(root.name).toBe("urlset");
    expect(root.attrs.xmlns).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    expect(root.attrs["xmlns:news"]).toBe("http://www.google.com/schemas/sitemap-news/0.9");
  });

  it("lists home, issues, every page, sections and exactly the given articles", () => {
    const locs = urls(sitemap()).map((u) => childText(u, "loc"));
    expect(locs).toEqual([
      `${SITE}/`,
      `${SITE}/issues/2024-03-08`,
      ...[1, 2, 3, 4].map((n) => `${SITE}/issues/2024-03-08/${n}`),
      `${SITE}/issues/2024-03-05`,
      `${SITE}/issues/2024-03-05/1`,
      `${SITE}/issues/2024-03-05/2`,
      `${SITE}/sections/yaowen`,
      `${SITE}/articles/11`,
      `${SITE}/articles/12-river-festival-draws-10-000`,
      `${SITE}/articles/13-script-alert-1-script-x-y-end`,
      `${SITE}/articles/14`,
    ]);
    expect(new Set(locs).size).toBe(locs.length);
    expect(childText(urls(sitemap())[0] as XmlElement, "lastmod")).toBe("2024-03-09T08:00:00Z");
  });

  it("gives news fields to the latest issue's articles only", () => {
    const entries = articleUrls(sitemap());
    expect(entries.map((u) => childElements(u, "news:news").length)).toEqual([1, 1, 1, 0]);
    const news = childElements(entries[0] as XmlElement, "news:news")[0] as XmlElement;
    const publication = childElements(news, "news:publication")[0] as XmlElement;
    expect(childText(publication, "news:name")).toBe("荣昌报");
    expect(childText(publication, "news:language")).toBe("zh-cn");
    expect(childText(news, "news:publication_date")).toBe("2024-03-08T00:30:00Z");
    expect(childText(news, "news:title")).toBe("重庆将实施五大行动加速创新要素向企业集聚");
    expect(childText(entries[0] as XmlElement, "lastmod")).toBe("2024-03-08T02:00:00Z");
    const hostile = childElements(entries[2] as XmlElement, "news:news")[0] as XmlElement;
    expect(childText(hostile, "news:title")).toBe(HOSTILE_CLEAN.trim());
  });

  it("with `now`, leaves out news fields older than 2 days", () => {
    expect(articleUrls(sitemap(new Date("2024-03-09T12:00:00Z"))).map((u) => childElements(u, "news:news").length)).toEqual([1, 1, 1, 0]);
    expect(articleUrls(sitemap(new Date("2024-03-20T00:00:00Z"))).map((u) => childElements(u, "news:news").length)).toEqual([0, 0, 0, 0]);
  });

  it("escapes section slugs and survives empty input", () => {
    const xml = renderSitemap({
      siteUrl: SITE,
      issues: [],
      articles: [],
      sections: [{ slug: "a&b<c>", lastModified: new Date("2024-03-08T00:00:00Z") }],
      publicationName: HOSTILE,
      language: "zh-CN",
    });
    const locs = urls(xml).map((u) => textOf(childElements(u, "loc")[0] as XmlElement));
    expect(locs).toEqual([`${SITE}/`, `${SITE}/sections/a%26b%3Cc%3E`]);
  });
});

describe("renderRobots", () => {
  it("allows all but the desk and the API, and points at the sitemap", () => {
    expect(renderRobots(SITE)).toBe(
      ["User-agent: *", "Allow: /", "Disallow: /desk", "Disallow: /api", "", `Sitemap: ${SITE}/sitemap.xml`, ""].join("\n"),
    );
  });

  it("follows a sub-path deployment", () => {
    const robots = renderRobots("https://example.org/paper/");
    expect(robots).toContain("Disallow: /paper/desk\n");
    expect(robots).toContain("Sitemap: https://example.org/paper/sitemap.xml\n");
  });
});
