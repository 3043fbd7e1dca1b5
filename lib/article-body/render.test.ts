import { describe, expect, it } from "vitest";
import { RENDITION_FORMATS, renditionWidths } from "@/lib/media/limits";
import type { PublicPhoto } from "@/lib/media/picture";
import { escapeHtml, renderBodyHtml, renderPictureHtml, sanitizeBodyHtml } from "./render";
import { bodyCharCount, bodyPlainText, countChars, textToBody } from "./text";
import { REALISTIC_BODY } from "./test-fixtures";
import type { ArticleBody, BodyInline } from "./types";
import { parseArticleBody } from "./validate";

const doc = (...content: ArticleBody["content"]): ArticleBody => ({ type: "doc", content });
const p = (...content: BodyInline[]) => ({ type: "paragraph" as const, content });
const t = (text: string): BodyInline => ({ type: "text", text });
const linked = (text: string, href: string): BodyInline => ({ type: "text", text, marks: [{ type: "link", attrs: { href } }] });

const TAGS = new Set(["p", "h2", "h3", "div", "blockquote", "ul", "ol", "li", "strong", "em", "a", "br"]);
const ATTRS: Record<string, string[]> = { a: ["href", "rel"], div: ["class"], p: ["class"] };

/**
 * No element, attribute or URL that could run script. Text is escaped, so every literal
 * "<" in the output must open one of the renderer's own tags, whose attributes are read
 * one by one: only the allowed names, double-quoted, and an href only with an allowed scheme.
 * A payload's words (" onerror=", "javascript:") may still appear as escaped text.
 */
function expectInert(html: string) {
  expect(html).not.toMatch(/<script/i);
  for (const [tag] of html.matchAll(/<[^>]*>?/g)) {
    const m = /^<\/?([a-z][a-z0-9]*)((?:\s[a-z]+="[^"<>]*")*)\s*\/?>$/.exec(tag);
    expect(m, `unexpected markup ${tag}`).not.toBeNull();
    const [, name = "", attrs = ""] = m ?? [];
    expect(TAGS.has(name), `tag ${name}`).toBe(true);
    for (const [, attr = "", value = ""] of attrs.matchAll(/\s([a-z]+)="([^"]*)"/g)) {
      expect(ATTRS[name] ?? [], `attribute ${attr} on ${name}`).toContain(attr);
      if (attr === "href") expect(value).toMatch(/^(https?:\/\/|mailto:|\/(?![/\\]))/i);
      if (attr === "class") expect(["lead", "caption"]).toContain(value);
      if (attr === "rel") expect(value).toBe("noopener nofollow");
      else expect(value).not.toMatch(/[\s"<>]/);
    }
  }
  expect(html).not.toMatch(/<[^a-z/]/i);
}

const XSS = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  '"><svg onload=alert(1)>',
  "'><svg/onload=alert(1)>",
  "</p><script>alert(1)</script><p>",
  "<a href=\"javascript:alert(1)\">x</a>",
  "<iframe src=javascript:alert(1)>",
  "&lt;script&gt;alert(1)&lt;/script&gt;",
  "<!--<script>alert(1)//-->",
  "<style>*{background:url(javascript:alert(1))}</style>",
  "\" onmouseover=\"alert(1)",
  "' onfocus='alert(1)' autofocus='",
  "<scr<script>ipt>alert(1)</scr</script>ipt>",
];

describe("renderBodyHtml", () => {
  it("maps every node and mark to semantic HTML", () => {
    const html = renderBodyHtml(REALISTIC_BODY);
    expect(html).toContain('<div class="lead"><p><strong>本报讯</strong>（记者 王𠀀 通讯员 李𪚥）');
    expect(html).toContain("<em>种子、化肥</em>");
    expect(html).toContain('<a href="https://nyj.example.gov.cn/spring" rel="noopener nofollow">县农业农村局网站</a>');
    expect(html).toContain("<h2>抓好三项重点</h2>");
    expect(html).toContain("<h3>群众说</h3>");
    expect(html).toContain("<ol><li><p>确保种子质量</p></li><li><p>保障化肥供应</p></li></ol>");
    expect(html).toContain("<blockquote><p>“今年的种子来得早，<br />心里踏实。”</p></blockquote>");
    expect(html).toContain('<a href="/contact" rel="noopener nofollow">本报网站</a>');
    expect(html).toContain('<a href="mailto:news@example.cn" rel="noopener nofollow">news@example.cn</a>');
    expect(html).toContain("<strong><em>来信：</em></strong>");
    expect(html).toContain('<p class="caption">图为农技人员在田间指导。👩‍🌾 本报记者 摄</p>');
    expect(html).not.toContain("<p></p>");
    expectInert(html);
  });

  it("keeps one element open across neighbouring text that shares a mark", () => {
    const html = renderBodyHtml(
      doc(
        p(
          { type: "text", text: "见", marks: [{ type: "link", attrs: { href: "/a" } }] },
          { type: "text", text: "本报", marks: [{ type: "bold" }, { type: "link", attrs: { href: "/a" } }] },
          { type: "text", text: "网站", marks: [{ type: "link", attrs: { href: "/a" } }] },
          { type: "text", text: "或", marks: [{ type: "link", attrs: { href: "/b" } }] },
        ),
      ),
    );
    expect(html).toBe(
      '<p><a href="/a" rel="noopener nofollow">见<strong>本报</strong>网站</a><a href="/b" rel="noopener nofollow">或</a></p>',
    );
  });

  it("leaves out blank paragraphs, subheads, captions and empty boxes but keeps list items", () => {
    const html = renderBodyHtml(
      doc(
        { type: "paragraph" },
        p(t("　 ")),
        { type: "heading", attrs: { level: 2 } },
        { type: "caption", content: [{ type: "hardBreak" }] },
        { type: "lead", content: [{ type: "paragraph" }] },
        { type: "orderedList", content: [{ type: "listItem", content: [{ type: "paragraph" }] }] },
      ),
    );
    expect(html).toBe("<ol><li></li></ol>");
  });

  it("renders a stored link that today's rules refuse as plain text", () => {
    expect(renderBodyHtml(doc(p(linked("点我", "javascript:alert(1)"))))).toBe("<p>点我</p>");
  });

  describe.each(XSS)("XSS payload %j", (payload) => {
    it("is escaped in text, subheads, captions and lists", () => {
      const html = renderBodyHtml(
        doc(
          p(t(payload), { type: "text", text: payload, marks: [{ type: "bold" }, { type: "italic" }] }),
          { type: "heading", attrs: { level: 3 }, content: [t(payload)] },
          { type: "caption", content: [t(payload)] },
          { type: "bulletList", content: [{ type: "listItem", content: [p(t(payload))] }] },
        ),
      );
      expectInert(html);
      if (payload.includes("<")) expect(html).toContain("&lt;");
    });

    it("is escaped inside an allowed href", () => {
      for (const href of [`https://example.cn/${payload}`, `/search?q=${payload}`, `mailto:a@b.cn?subject=${payload}`]) {
        const html = renderBodyHtml(doc(p(linked("链接", href))));
        expectInert(html);
        expect(html.match(/<a /g)).toHaveLength(1);
        expect(html).toMatch(/^<p><a href="[^"]*" rel="noopener nofollow">链接<\/a><\/p>$/);
      }
    });

    it("is refused as an href by validation", () => {
      const body = doc(p(linked("链接", payload)));
      expect(parseArticleBody(body).ok).toBe(false);
      expectInert(renderBodyHtml(body));
    });
  });
});

/** A processed photo whose files follow the media naming (32 hex digits and the format's extension). */
function readyPhoto(id: number, credit: string | null = "记者 王𠀀 摄"): PublicPhoto {
  const hex = (n: number) => n.toString(16).padStart(32, "0");
  const ext = { avif: "avif", webp: "webp", jpeg: "jpg" } as const;
  return {
    id,
    alt: "农民在田间<播种>",
    credit,
    width: 4000,
    height: 3000,
    focalX: 0.5,
    focalY: 0.4,
    renditions: renditionWidths(4000).flatMap((w, i) =>
      RENDITION_FORMATS.map((format, j) => ({ format, width: w, height: (w * 3) / 4, bytes: 1000, url: `/media/${hex(id * 100 + i * 10 + j)}.${ext[format]}` })),
    ),
  };
}

describe("photos", () => {
  const photos = new Map([7, 8].map((id) => [id, readyPhoto(id)]));

  it("renders a placed photo as <figure> with <picture>, its caption as printed and the credit", () => {
    const html = renderBodyHtml(REALISTIC_BODY, { photos });
    const lead = /<figure class="photo lead-photo"><picture>(.*?)<\/picture><figcaption>(.*?)<\/figcaption><\/figure>/.exec(html);
    expect(lead?.[2]).toBe('全县春耕生产现场会会场。<p class="credit">记者 王𠀀 摄</p>');
    expect(lead?.[1]).toMatch(/^<source type="image\/avif" srcset="\/media\/0{29}2bc\.avif 480w, [^"]+ 960w, [^"]+ 1600w" sizes="\(min-width: 48rem\) 48rem, 100vw" \/>/);
    expect(lead?.[1]).toContain('<source type="image/webp"');
    expect(lead?.[1]).toMatch(/<img src="\/media\/[0-9a-f]{32}\.jpg" srcset="[^"]+ 480w, [^"]+ 960w, [^"]+ 1600w" sizes="[^"]+" width="960" height="720" alt="农民在田间&lt;播种&gt;" loading="eager" decoding="async" fetchpriority="high" \/>/);
    // Further down the story: lazy, and no second credit when the caption prints it already.
    const other = /<figure class="photo"><picture>.*?<img [^>]*loading="lazy"[^>]*\/><\/picture><figcaption>(.*?)<\/figcaption><\/figure>/.exec(html);
    expect(other?.[1]).toBe("图为农民在田间播种。记者 王𠀀 摄");
  });

  it("shows the caption alone while the photo is not ready for readers", () => {
    const html = renderBodyHtml(REALISTIC_BODY, { photos: new Map() });
    expect(html).not.toContain("<figure");
    expect(html).toContain('<p class="caption">全县春耕生产现场会会场。</p>');
    expect(renderBodyHtml(doc({ type: "photo", attrs: { mediaId: 7, lead: false } }))).toBe("");
  });

  it("renders a thumbnail cropped around the focal point", () => {
    expect(renderPictureHtml(readyPhoto(7), { sizes: "7rem", crop: true })).toMatch(/<img [^>]*loading="lazy"[^>]*style="object-position:50% 40%" \/><\/picture>$/);
    expect(renderPictureHtml({ ...readyPhoto(7), renditions: [] }, { sizes: "7rem" })).toBe("");
  });

  it("lets no picture through that is not one of Folio's media files", () => {
    const hostile =
      '<picture><source srcset="https://evil.example/x.avif 480w"><img src="/media/0123456789abcdef0123456789abcdef.jpg" srcset="javascript:alert(1) 1x" onerror="x()"></picture>' +
      '<img src="/media/../../etc/passwd"><img src="/media/0123456789abcdef0123456789abcdef.jpg" alt="ok" style="position:fixed">';
    // sanitize-html drops the unsafe srcset itself; the <img> keeps only its media file.
    expect(sanitizeBodyHtml(hostile)).toBe(
      '<picture><img src="/media/0123456789abcdef0123456789abcdef.jpg" /></picture><img src="/media/0123456789abcdef0123456789abcdef.jpg" alt="ok" />',
    );
  });
});

describe("sanitizeBodyHtml", () => {
  it("strips everything the renderer never emits, had a bug let it through", () => {
    const hostile = [
      '<p class="caption evil" onclick="x()" style="color:red">说明</p>',
      '<div class="lead other"><script>alert(1)</script><p>导语</p></div>',
      '<a href="javascript:alert(1)" target="_blank" rel="noopener nofollow">甲</a>',
      '<a href=" JaVaScRiPt:alert(1)">乙</a><a href="//evil.example/">丙</a><a href="data:text/html,x">丁</a>',
      '<img src=x onerror="alert(1)"><svg onload="alert(1)"></svg><iframe src="https://evil.example"></iframe>',
      '<h1>大标题</h1><h4>小</h4><span style="x">字</span><u>下划线</u><code>c</code>',
    ].join("");
    const html = sanitizeBodyHtml(hostile);
    expect(html).toBe(
      '<p class="caption">说明</p><div class="lead"><p>导语</p></div>' +
        '<a rel="noopener nofollow">甲</a><a>乙</a><a>丙</a><a>丁</a>' +
        "大标题小字下划线c",
    );
    expectInert(html);
  });
});

describe("escapeHtml", () => {
  it("escapes the five HTML-significant characters", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  });
});

describe("plain text", () => {
  it("puts each non-blank textblock on its own line, hard breaks as line breaks", () => {
    expect(bodyPlainText(REALISTIC_BODY).split("\n")).toEqual([
      "本报讯（记者 王𠀀 通讯员 李𪚥）3月8日，全县春耕生产现场会在城关镇召开。",
      "会议要求，各乡镇要抓好种子、化肥等农资供应，详见县农业农村局网站。",
      "抓好三项重点",
      "确保种子质量",
      "保障化肥供应",
      "群众说",
      "“今年的种子来得早，",
      "心里踏实。”",
      "咨询电话见本报网站",
      "来信：news@example.cn",
      "图为农技人员在田间指导。👩‍🌾 本报记者 摄",
      "图为农民在田间播种。记者 王𠀀 摄",
      // The lead photo's caption last: a story's opening is its text, not the picture's caption.
      "全县春耕生产现场会会场。",
    ]);
  });

  it("counts visible characters: surrogate pairs once, whitespace and ZWJ not at all", () => {
    expect(countChars("𠀀𪚥")).toBe(2);
    expect(countChars("中 文\n\t　字")).toBe(3);
    expect(countChars("👨‍👩‍👧")).toBe(3);
    expect(countChars("a\u200bb\u00adc")).toBe(3);
    expect(countChars("“你好。”")).toBe(5);
    expect(bodyCharCount(doc(p(t("𠀀𪚥 "), { type: "hardBreak" }, t("abc"))))).toBe(5);
    expect(bodyCharCount(REALISTIC_BODY)).toBe(countChars(bodyPlainText(REALISTIC_BODY)));
  });
});

describe("textToBody", () => {
  it("makes valid paragraphs, with hard breaks for line breaks and U+FFFD for broken surrogates", () => {
    const body = textToBody(["第一段", "", "第二段\r\n第二行", "坏\ud800字"]);
    expect(body).toEqual(
      doc(
        p(t("第一段")),
        { type: "paragraph" },
        p(t("第二段"), { type: "hardBreak" }, t("第二行")),
        p(t("坏\ufffd字")),
      ),
    );
    expect(parseArticleBody(body).ok).toBe(true);
  });
});
