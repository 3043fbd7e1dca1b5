import { describe, expect, it } from "vitest";
import { articleMeta } from "./open-graph";
import { makeArticle } from "./testing/fixtures";

describe("articleMeta", () => {
  it("gives title, a 120-character description, canonical URL and Open Graph article fields", () => {
    const meta = articleMeta(makeArticle({ id: 11, bodyText: "第一段。\n\n" + "荣".repeat(300) }), "https://epaper.example.org/", { siteName: "荣昌报" });
    expect(meta.title).toBe("重庆将实施五大行动加速创新要素向企业集聚");
    expect(Array.from(meta.description)).toHaveLength(120);
    expect(meta.description.startsWith("第一段。 荣")).toBe(true);
    expect(meta.canonical).toBe("https://epaper.example.org/articles/11");
    expect(meta.openGraph).toEqual({
      type: "article",
      title: meta.title,
      description: meta.description,
      url: meta.canonical,
      siteName: "荣昌报",
      locale: "zh_CN",
      publishedTime: "2024-03-08T00:30:00Z",
      modifiedTime: "2024-03-08T02:00:00Z",
      section: "要闻",
      authors: ["张雪"],
    });
  });

  it("keeps a short body whole and handles an English article", () => {
    const meta = articleMeta(makeArticle({ id: 12, title: "River festival", language: "en", bodyText: "Short.", sectionName: null }), "https://x.org");
    expect(meta.description).toBe("Short.");
    expect(meta.canonical).toBe("https://x.org/articles/12-river-festival");
    expect(meta.openGraph.locale).toBe("en_US");
    expect(meta.openGraph).not.toHaveProperty("section");
    expect(meta.openGraph).not.toHaveProperty("siteName");
  });

  it("names the lead photo's JPEG by its absolute address, under a site that lives in a folder, with a large card", () => {
    const image = { url: "/media/0123456789abcdef0123456789abcdef.jpg", width: 1600, height: 1067, bytes: 227_000, type: "image/jpeg", alt: "河边的稻田" };
    const meta = articleMeta(makeArticle({ id: 11, image }), "https://example.cn/paper");
    const url = "https://example.cn/paper/media/0123456789abcdef0123456789abcdef.jpg";
    expect(meta.openGraph.images).toEqual([{ url, width: 1600, height: 1067, alt: "河边的稻田", type: "image/jpeg" }]);
    expect(meta.twitter).toEqual({ card: "summary_large_image", images: [url] });
    const without = articleMeta(makeArticle({ id: 11 }), "https://example.cn/paper");
    expect(without.openGraph).not.toHaveProperty("images");
    expect(without).not.toHaveProperty("twitter");
  });
});
