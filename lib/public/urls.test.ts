import { describe, expect, it } from "vitest";
import {
  canonicalSitePath,
  absoluteUrl,
  archivePath,
  parseListPageParam,
  siteUrlFromRequest,
  withPage,
  articleParam,
  articlePath,
  articleSlug,
  issuePath,
  pagePath,
  parseArticleParam,
  parseIssueDateParam,
  parsePageParam,
  searchPath,
  sectionPath,
} from "./urls";

describe("article URLs", () => {
  it("is the id alone for a Chinese headline", () => {
    expect(articlePath({ id: 123, title: "重庆将实施五大行动加速创新要素向企业集聚" })).toBe("/articles/123");
  });

  it("adds a slug for an ASCII headline", () => {
    expect(articlePath({ id: 7, title: "Rongchang's River Festival: 10,000 visitors!" })).toBe("/articles/7-rongchangs-river-festival-10-000-visitors");
    expect(articlePath({ id: 8, title: "Café  Culture — in Rongchang" })).toBe("/articles/8-cafe-culture-in-rongchang");
    expect(articlePath({ id: 9, title: "ＡＩ Week" })).toBe("/articles/9-ai-week");
  });

  it("gives no partial slug for a mixed headline", () => {
    expect(articleSlug("荣昌AI产业")).toBeNull();
    expect(articleSlug("Straße")).toBeNull();
    expect(articlePath({ id: 5, title: "AI赋能乡村振兴" })).toBe("/articles/5");
  });

  it("has no slug for null, empty or punctuation-only titles", () => {
    expect(articleSlug(null)).toBeNull();
    expect(articleSlug("")).toBeNull();
    expect(articleSlug("“……”")).toBeNull();
    expect(articlePath({ id: 4, title: null })).toBe("/articles/4");
  });

  it("caps slugs at 60 characters on a word boundary", () => {
    const slug = articleSlug("word ".repeat(30)) ?? "";
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toMatch(/^word(-word)*$/);
    expect((articleSlug("x".repeat(80)) ?? "").length).toBe(60);
  });

  it("prefers an explicit slug, sanitised", () => {
    expect(articleParam({ id: 3, title: "荣昌夏布", slug: "Xiabu Linen" })).toBe("3-xiabu-linen");
    expect(articleParam({ id: 3, title: "荣昌夏布", slug: "" })).toBe("3");
  });

  it("rejects impossible ids", () => {
    expect(() => articlePath({ id: 0, title: "x" })).toThrow(RangeError);
    expect(() => articlePath({ id: 1.5, title: "x" })).toThrow(RangeError);
  });

  it.each([
    ["123", 123],
    ["123-some-slug", 123],
    ["7-River-Festival", 7],
    ["1", 1],
    ["999999999999999", 999999999999999],
  ])("parses %s", (param, id) => {
    expect(parseArticleParam(param)).toBe(id);
  });

  it.each(["", "0", "0123", "-1", "+1", "1.5", "123abc", "123-", "123--x", "123-x-", "abc", "123-荣昌", "123 ", " 123", "1234567890123456", "123-a_b", "123/x"])(
    "rejects %j",
    (param) => {
      expect(parseArticleParam(param)).toBeNull();
    },
  );

  it("round-trips every path it makes", () => {
    for (const title of ["荣昌夏布", "River festival", null]) {
      const path = articlePath({ id: 42, title });
      expect(parseArticleParam(path.replace("/articles/", ""))).toBe(42);
    }
  });
});

describe("issue, page, section and search URLs", () => {
  it("builds them", () => {
    expect(issuePath("2024-03-08")).toBe("/issues/2024-03-08");
    expect(pagePath("2024-03-08", 2)).toBe("/issues/2024-03-08/2");
    expect(sectionPath("yaowen")).toBe("/sections/yaowen");
    expect(sectionPath("a b/c")).toBe("/sections/a%20b%2Fc");
    expect(searchPath("荣昌 夏布")).toBe("/search?q=%E8%8D%A3%E6%98%8C+%E5%A4%8F%E5%B8%83");
    expect(searchPath("")).toBe("/search");
  });

  it("refuses malformed input", () => {
    expect(() => issuePath("2024-02-30")).toThrow(RangeError);
    expect(() => pagePath("2024-03-08", 0)).toThrow(RangeError);
    expect(() => sectionPath("")).toThrow(RangeError);
  });

  it("parses route params", () => {
    expect(parseIssueDateParam("2024-03-08")).toBe("2024-03-08");
    expect(parseIssueDateParam("2024-02-29")).toBe("2024-02-29");
    for (const bad of ["2023-02-29", "2024-13-01", "2024-3-8", "20240308", "", "2024-03-08x"]) expect(parseIssueDateParam(bad)).toBeNull();
    expect(parsePageParam("4")).toBe(4);
    for (const bad of ["0", "01", "1.5", "-1", "", "a", "99999"]) expect(parsePageParam(bad)).toBeNull();
  });
});

describe("absoluteUrl", () => {
  it("joins without doubling or dropping slashes", () => {
    expect(absoluteUrl("https://news.example.org", "/articles/1")).toBe("https://news.example.org/articles/1");
    expect(absoluteUrl("https://news.example.org/", "/articles/1")).toBe("https://news.example.org/articles/1");
    expect(absoluteUrl("https://news.example.org", "articles/1")).toBe("https://news.example.org/articles/1");
    expect(absoluteUrl("https://news.example.org", "/")).toBe("https://news.example.org/");
  });

  it("keeps a sub-path deployment", () => {
    expect(absoluteUrl("https://example.org/paper/", "/articles/1")).toBe("https://example.org/paper/articles/1");
  });

  it("rejects what is not an http(s) site URL", () => {
    for (const bad of ["news.example.org", "javascript:alert(1)", "ftp://x.org", "https://x.org/?a=1", "https://x.org/#top"]) {
      expect(() => absoluteUrl(bad, "/")).toThrow(RangeError);
    }
  });
});

describe("list pages and the archive", () => {
  it("adds page numbers after the first page only", () => {
    expect(withPage("/sections/news", 1)).toBe("/sections/news");
    expect(withPage("/sections/news", 2)).toBe("/sections/news?page=2");
    expect(searchPath("荣昌", 3)).toBe("/search?q=%E8%8D%A3%E6%98%8C&page=3");
    expect(searchPath("", 2)).toBe("/search?page=2");
    expect(() => withPage("/x", 0)).toThrow(RangeError);
  });

  it("reads ?page= leniently: anything odd is the first page", () => {
    expect(parseListPageParam("2")).toBe(2);
    for (const odd of [undefined, "", "0", "-1", "1.5", "02", "abc", ["2", "3"], "9999999"]) expect(parseListPageParam(odd)).toBe(1);
  });

  it("opens the archive at a month", () => {
    expect(archivePath()).toBe("/issues");
    expect(archivePath("2024-03")).toBe("/issues?month=2024-03");
    expect(() => archivePath("2024-3")).toThrow(RangeError);
  });
});

describe("siteUrlFromRequest", () => {
  it("prefers the configured URL", () => {
    expect(siteUrlFromRequest({ configured: "https://example.org/paper/", host: "evil.test" })).toBe("https://example.org/paper");
  });

  it("uses the request host, behind a proxy its forwarded host and scheme", () => {
    expect(siteUrlFromRequest({ host: "localhost:3000" })).toBe("http://localhost:3000");
    expect(siteUrlFromRequest({ host: "10.0.0.2:3000", forwardedHost: "News.Example.org", forwardedProto: "https, http" })).toBe(
      "https://news.example.org",
    );
    expect(siteUrlFromRequest({ host: "[::1]:3000" })).toBe("http://[::1]:3000");
  });

  it("does not print a malformed host into links", () => {
    for (const host of ["evil.test/<script>", "a b", "x@y", "", null, "ex ample.org"]) {
      expect(siteUrlFromRequest({ host })).toBe("http://localhost");
    }
    expect(siteUrlFromRequest({ host: "example.org", forwardedProto: "javascript" })).toBe("http://example.org");
  });
});

describe("canonicalSitePath", () => {
  const q = (s: string) => new URLSearchParams({ q: s }).toString();

  it("drops every parameter a page does not read", () => {
    expect(canonicalSitePath("/articles/2?zz=1")).toBe("/articles/2");
    expect(canonicalSitePath("/articles/2-river-festival?from=timeline&isappinstalled=0")).toBe("/articles/2-river-festival");
    expect(canonicalSitePath("/?utm_source=wechat")).toBe("/");
    expect(canonicalSitePath("/issues/2024-03-08/1?x")).toBe("/issues/2024-03-08/1");
    expect(canonicalSitePath("/articles/2?")).toBe("/articles/2");
    expect(canonicalSitePath("/articles/2#top")).toBe("/articles/2");
  });

  it("keeps what the page reads, in the form it reads it and the order its links write it", () => {
    expect(canonicalSitePath(`/search?${q("荣昌")}`)).toBe(`/search?${q("荣昌")}`);
    expect(canonicalSitePath(`/search?page=2&zz=1&q=${encodeURIComponent("  荣昌　新闻 ")}`)).toBe(`/search?${q("荣昌 新闻")}&page=2`);
    expect(canonicalSitePath("/search?q=%E8%8D%A3%E6%98%8C&page=1")).toBe(`/search?${q("荣昌")}`);
    expect(canonicalSitePath("/search?q=&page=3")).toBe("/search");
    expect(canonicalSitePath(`/search?q=${"荣".repeat(500)}`)).toBe(`/search?${q("荣".repeat(100))}`);
    expect(canonicalSitePath("/sections/news?page=02")).toBe("/sections/news");
    expect(canonicalSitePath("/sections/news?page=3&q=x")).toBe("/sections/news?page=3");
    expect(canonicalSitePath("/issues?month=2024-03&junk=1")).toBe("/issues?month=2024-03");
    expect(canonicalSitePath("/issues?month=2024-13")).toBe("/issues");
    expect(canonicalSitePath("/issues?year=2024&no=%EF%BC%92%EF%BC%97&month=")).toBe("/issues?no=27&year=2024");
    expect(canonicalSitePath("/issues?no=27&date=2024-03-08")).toBe("/issues?date=2024-03-08");
  });

  it("treats a repeated parameter as the page does: as absent", () => {
    expect(canonicalSitePath("/search?q=a&q=b")).toBe("/search");
    expect(canonicalSitePath("/sections/news?page=2&page=3")).toBe("/sections/news");
  });

  it("gives the pages' own links back unchanged", () => {
    for (const link of [searchPath("乡村振兴 AI", 3), searchPath("a+b & c?"), withPage(sectionPath("news"), 2), archivePath("2024-03"), "/", articlePath({ id: 7, title: "River Festival" })]) {
      expect(canonicalSitePath(link), link).toBe(link);
    }
  });
});
