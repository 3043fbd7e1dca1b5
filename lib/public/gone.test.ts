import { describe, expect, it } from "vitest";
import { renderGonePage } from "./gone";
import { HOSTILE } from "./testing/fixtures";

describe("the 410 page", () => {
  const html = renderGonePage({
    lang: "zh-CN",
    siteName: "荣昌报",
    title: "已撤下",
    message: "这篇稿件已撤下。",
    links: [
      { href: "/", label: "首页" },
      { href: "/search", label: "搜索" },
    ],
  });

  it("is a complete, indexable-never document", () => {
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain("<title>已撤下 · 荣昌报</title>");
    expect(html).toContain("<h1>已撤下</h1>");
    expect(html).toContain('<li><a href="/search">搜索</a></li>');
    expect(html).not.toContain("<script");
  });

  it("escapes every value", () => {
    const hostile = renderGonePage({ lang: `"><x`, siteName: HOSTILE, title: HOSTILE, message: HOSTILE, links: [{ href: `"onmouseover="x`, label: HOSTILE }] });
    expect(hostile).not.toContain("<script>");
    expect(hostile).not.toContain('"><x');
    expect(hostile).not.toContain(`href=""onmouseover`);
    expect(hostile).toContain("&lt;script&gt;");
  });
});
