import { describe, expect, it } from "vitest";
import { jsonLdScript, newsArticleJsonLd, pageRanges } from "./jsonld";
import { HOSTILE, makeArticle } from "./testing/fixtures";

const SITE = "https://epaper.example.org";
const opts = { siteUrl: SITE, paper: "荣昌报" };

describe("newsArticleJsonLd", () => {
  it("describes a front-page story", () => {
    const ld = newsArticleJsonLd(makeArticle({ id: 11, kicker: "优化营商环境", subtitle: "今年将实施五大行动" }), {
      ...opts,
      logoUrl: `${SITE}/logo.png`,
      issue: { date: "2024-03-08", issueNo: 27, totalIssueNo: 273 },
    });
    expect(ld).toEqual({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: "重庆将实施五大行动加速创新要素向企业集聚",
      alternativeHeadline: "优化营商环境 今年将实施五大行动",
      description: expect.stringMatching(/^重庆日报消息 近日/),
      url: `${SITE}/articles/11`,
      mainEntityOfPage: { "@type": "WebPage", "@id": `${SITE}/articles/11` },
      datePublished: "2024-03-08T00:30:00Z",
      dateModified: "2024-03-08T02:00:00Z",
      author: [{ "@type": "Person", name: "张雪" }],
      publisher: { "@type": "Organization", name: "荣昌报", url: `${SITE}/`, logo: { "@type": "ImageObject", url: `${SITE}/logo.png` } },
      inLanguage: "zh-CN",
      articleSection: "要闻",
      printEdition: "2024年3月8日 总第273期 第27期",
      printPage: "1",
      printSection: "要闻",
      isAccessibleForFree: true,
    });
  });

  it("gives the lead photo as an ImageObject with its absolute address and size", () => {
    const image = { url: "/media/0123456789abcdef0123456789abcdef.jpg", width: 1600, height: 1067, bytes: 227_000, type: "image/jpeg", alt: "河边的稻田" };
    expect(newsArticleJsonLd(makeArticle({ id: 11, image }), { ...opts, siteUrl: "https://example.cn/paper" }).image).toEqual([
      { "@type": "ImageObject", url: "https://example.cn/paper/media/0123456789abcdef0123456789abcdef.jpg", width: 1600, height: 1067 },
    ]);
    expect(newsArticleJsonLd(makeArticle({ id: 11 }), opts)).not.toHaveProperty("image");
  });

  it("gives print pages in print order and pagination for a continued story", () => {
    const jumped = newsArticleJsonLd(makeArticle({ pages: [{ number: 1, name: "要闻" }, { number: 2, name: "综合" }] }), opts);
    expect(jumped).toMatchObject({ printPage: "1, 2", pagination: "1-2", printSection: "要闻" });
    const far = newsArticleJsonLd(makeArticle({ pages: [{ number: 3, name: null }, { number: 1, name: null }] }), opts);
    expect(far).toMatchObject({ printPage: "3, 1", pagination: "1, 3" });
    expect(far).not.toHaveProperty("printSection");
    expect(pageRanges([1, 2, 3, 5, 7, 8, 2])).toBe("1-3, 5, 7-8");
  });

  it("credits the paper, or a wire source, when no reporter is named", () => {
    expect(newsArticleJsonLd(makeArticle({ reporters: [], source: "本报讯" }), opts).author).toEqual([{ "@type": "Organization", name: "荣昌报" }]);
    expect(newsArticleJsonLd(makeArticle({ reporters: [] }), opts).author).toEqual([{ "@type": "Organization", name: "荣昌报" }]);
    expect(newsArticleJsonLd(makeArticle({ reporters: [], source: "新华社" }), opts).author).toEqual([{ "@type": "Organization", name: "新华社" }]);
    const two = newsArticleJsonLd(makeArticle({ reporters: ["张雪", "李明"], photographers: ["王芳"] }), opts);
    expect(two.author.map((p) => p.name)).toEqual(["张雪", "李明"]);
    expect(two.contributor).toEqual([{ "@type": "Person", name: "王芳" }]);
  });

  it("caps the headline at 110 characters and falls back for a headless continuation", () => {
    const long = newsArticleJsonLd(makeArticle({ title: "长".repeat(200) }), opts);
    expect(Array.from(long.headline)).toHaveLength(110);
    expect(long.headline.endsWith("…")).toBe(true);
    expect(newsArticleJsonLd(makeArticle({ title: null, subtitle: "（上接1版）" }), opts).headline).toBe("（上接1版）");
  });

  it("uses the date alone when the issue numbers are unknown or for another day, and carries a correction", () => {
    const ld = newsArticleJsonLd(makeArticle({ correction: "本文第三段数字有误，已更正。" }), { ...opts, issue: { date: "2024-03-05", issueNo: 26, totalIssueNo: 272 } });
    expect(ld.printEdition).toBe("2024年3月8日");
    expect(ld.correction).toBe("本文第三段数字有误，已更正。");
    expect(ld.inLanguage).toBe("zh-CN");
  });
});

describe("jsonLdScript", () => {
  it("never lets a hostile title close the script tag, and parses back", () => {
    const article = makeArticle({ title: `</script><script>alert(1)</script><!-- ${HOSTILE}`, kicker: "</SCRIPT >", sectionName: "a\u2028b\u2029c" });
    const ld = newsArticleJsonLd(article, opts);
    const text = jsonLdScript(ld);
    expect(text.toLowerCase()).not.toContain("</script");
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(ld)));
    expect(JSON.parse(text).headline).toContain("</script><script>alert(1)</script>");
  });

  it("keeps lone surrogates escaped and refuses what JSON cannot hold", () => {
    expect(jsonLdScript({ s: "\uD800" })).toBe('{"s":"\\ud800"}');
    expect(() => jsonLdScript(undefined)).toThrow(TypeError);
  });
});
