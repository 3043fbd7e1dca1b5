import { describe, expect, it } from "vitest";
import { REALISTIC_BODY } from "./test-fixtures";
import type { ArticleBody } from "./types";
import { MAX_BODY_BYTES, MAX_BODY_PHOTOS, isAllowedHref, parseArticleBody, parseArticleBodyJson, utf8Length } from "./validate";

const para = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });
const doc = (...content: unknown[]) => ({ type: "doc", content });
const withLink = (href: unknown) => doc({ type: "paragraph", content: [{ type: "text", text: "链接", marks: [{ type: "link", attrs: { href } }] }] });

function refusal(input: unknown): { code: string; message: string } {
  const r = parseArticleBody(input);
  if (r.ok) throw new Error(`expected a refusal for ${JSON.stringify(input).slice(0, 200)}`);
  return { code: r.code, message: r.message };
}

describe("photos in the body", () => {
  const photo = (attrs: unknown, text = "图为会场") => ({ type: "photo", attrs, content: [{ type: "text", text }] });

  it("takes a photo with its caption, and a lead photo as the first block", () => {
    const body = doc(photo({ mediaId: 3, lead: true }), para("正文"), photo({ mediaId: 4, lead: false }), { type: "photo", attrs: { mediaId: 3, lead: false } });
    expect(parseArticleBody(body)).toEqual({ ok: true, body });
  });

  it.each([
    [photo({ mediaId: 0, lead: false }), /mediaId must be a positive integer/],
    [photo({ mediaId: "3", lead: false }), /mediaId must be a positive integer/],
    [photo({ mediaId: 1.5, lead: false }), /mediaId must be a positive integer/],
    [photo({ mediaId: 3 }), /lead must be true or false/],
    [photo({ mediaId: 3, lead: false, src: "https://evil.example/x.jpg" }), /unknown key "src" on photo attrs/],
    [{ type: "photo", content: [] }, /photo needs attrs/],
  ])("refuses a bad photo %#", (node, message) => {
    expect(refusal(doc(node)).message).toMatch(message);
  });

  it("refuses a lead photo anywhere but first, and photos inside other blocks", () => {
    expect(refusal(doc(para("正文"), photo({ mediaId: 3, lead: true }))).message).toMatch(/content\[1\]\.attrs\.lead: only the body's first block may be the lead photo/);
    expect(refusal(doc({ type: "blockquote", content: [photo({ mediaId: 3, lead: false })] })).message).toMatch(/photo is not allowed inside blockquote/);
  });

  it("refuses more photos than a body may place", () => {
    const many = Array.from({ length: MAX_BODY_PHOTOS + 1 }, (_, i) => photo({ mediaId: i + 1, lead: false }));
    expect(refusal(doc(...many)).message).toMatch(/more than 100 photos/);
  });
});

describe("parseArticleBody accepts", () => {
  it("a realistic body using every node and mark, unchanged", () => {
    const r = parseArticleBody(JSON.parse(JSON.stringify(REALISTIC_BODY)));
    expect(r).toEqual({ ok: true, body: REALISTIC_BODY });
  });

  it("an empty doc and empty textblocks", () => {
    expect(parseArticleBody(doc()).ok).toBe(true);
    expect(parseArticleBody(doc({ type: "paragraph", content: [] }, { type: "caption" })).ok).toBe(true);
  });

  it("keeps CJK Extension B characters, ZWJ sequences and combining marks intact", () => {
    const text = "𠀀𪚥 👨‍👩‍👧 e\u0301 ·\u200d·";
    const r = parseArticleBody(doc(para(text)));
    expect(r.ok && r.body.content[0]).toEqual(para(text));
  });

  it("returns a fresh copy, and trims surrounding spaces off a link target", () => {
    const input = withLink("  https://example.cn/a  ");
    const r = parseArticleBody(input);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.body).not.toBe(input);
    expect(JSON.stringify(r.body)).toContain('"href":"https://example.cn/a"');
  });

  it("drops marks on a hard break (ProseMirror puts them there on paste) after checking them", () => {
    const input = doc({ type: "paragraph", content: [{ type: "text", text: "甲" }, { type: "hardBreak", marks: [{ type: "bold" }] }] });
    const r = parseArticleBody(input);
    expect(r.ok && r.body.content[0]).toEqual({ type: "paragraph", content: [{ type: "text", text: "甲" }, { type: "hardBreak" }] });
    const evil = doc({ type: "paragraph", content: [{ type: "hardBreak", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }] });
    expect(refusal(evil).code).toBe("invalid");
  });
});

describe("parseArticleBody refuses", () => {
  const cases: [string, unknown, RegExp][] = [
    ["null", null, /body: must be an object/],
    ["a string", JSON.stringify(REALISTIC_BODY), /must be an object/],
    ["an array", [REALISTIC_BODY], /must be an object/],
    ["a number", 42, /must be an object/],
    ["a non-doc top node", para("x"), /top node must be doc/],
    ["a doc without content", { type: "doc" }, /body\.content: expected an array/],
    ["an image node", doc({ type: "image", attrs: { src: "x.png" } }), /body\.content\[0\]: unknown node type "image"/],
    ["a script node", doc({ type: "script", content: [] }), /unknown node type "script"/],
    ["a code block", doc({ type: "codeBlock" }), /unknown node type "codeBlock"/],
    ["a node without type", doc({ content: [] }), /body\.content\[0\]: node has no string type/],
    ["text at the top level", doc({ type: "text", text: "x" }), /text is not allowed at the top level/],
    ["a heading inside a lead", doc({ type: "lead", content: [{ type: "heading", attrs: { level: 2 } }] }), /body\.content\[0\]\.content\[0\]: heading is not allowed inside lead/],
    ["an empty lead", doc({ type: "lead", content: [] }), /body\.content\[0\]\.content: must not be empty/],
    ["a list without items", doc({ type: "bulletList", content: [] }), /must not be empty/],
    ["a paragraph as a list item", doc({ type: "bulletList", content: [para("x")] }), /paragraph is not allowed inside a list/],
    ["a nested list", doc({ type: "bulletList", content: [{ type: "listItem", content: [para("a"), { type: "bulletList", content: [] }] }] }), /content\[0\]\.content\[0\]\.content\[1\]: bulletList is not allowed inside listItem/],
    ["an unknown mark", doc({ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "underline" }] }] }), /marks\[0\]: unknown mark "underline"/],
    ["a code mark", doc({ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "code" }] }] }), /unknown mark "code"/],
    ["a duplicate mark", doc({ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "bold" }, { type: "bold" }] }] }), /duplicate bold mark/],
    ["heading level 1", doc({ type: "heading", attrs: { level: 1 }, content: [] }), /body\.content\[0\]\.attrs\.level: heading level must be 2 or 3, got 1$/],
    ["heading level 4", doc({ type: "heading", attrs: { level: 4 } }), /heading level must be 2 or 3/],
    ["heading level as a string", doc({ type: "heading", attrs: { level: "2" } }), /heading level must be 2 or 3, got "2"/],
    ["a heading without attrs", doc({ type: "heading", content: [] }), /heading needs attrs/],
    ["an unknown key on a node", doc({ type: "paragraph", content: [], style: "color:red" }), /unknown key "style" on paragraph/],
    ["an unknown key on the doc", { ...doc(), html: "<p>x</p>" }, /body: unknown key "html" on doc/],
    ["attrs on a paragraph", doc({ type: "paragraph", attrs: { textAlign: "left" } }), /unknown key "attrs" on paragraph/],
    ["attrs on an ordered list", doc({ type: "orderedList", attrs: { start: 3 }, content: [] }), /unknown key "attrs" on orderedList/],
    ["an extra heading attr", doc({ type: "heading", attrs: { level: 2, id: "x" } }), /unknown key "id" on heading attrs/],
    ["extra link attrs", doc({ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "https://a.cn", target: "_blank" } }] }] }), /unknown key "target" on link attrs/],
    ["attrs on bold", doc({ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "bold", attrs: {} }] }] }), /unknown key "attrs" on bold mark/],
    ["__proto__ as a key", JSON.parse('{"type":"doc","content":[],"__proto__":{"x":1}}'), /unknown key "__proto__"/],
    ["empty text", doc({ type: "paragraph", content: [{ type: "text", text: "" }] }), /content\[0\]\.text: text must not be empty/],
    ["non-string text", doc({ type: "paragraph", content: [{ type: "text", text: 5 }] }), /text must be a string, got 5$/],
    ["missing text", doc({ type: "paragraph", content: [{ type: "text" }] }), /text must be a string, got nothing$/],
    ["a lone high surrogate", doc(para("abc\ud800def")), /body\.content\[0\]\.content\[0\]\.text: text contains an unpaired surrogate/],
    ["a lone low surrogate", doc(para("\udc00")), /unpaired surrogate/],
    ["swapped surrogates", doc(para("\ude00\ud840")), /unpaired surrogate/],
    ["a class instance", doc(new (class Para { type = "paragraph" })()), /expected a node object/],
  ];
  it.each(cases)("%s", (_name, input, message) => {
    const r = refusal(input);
    expect(r.code).toBe("invalid");
    expect(r.message).toMatch(message);
  });

  it("a depth bomb, without throwing", () => {
    let bomb: unknown = para("深");
    for (let i = 0; i < 50; i++) bomb = { type: "blockquote", content: [bomb] };
    expect(refusal(doc(bomb)).code).toBe("invalid");

    // Deeper than JSON.stringify can follow: still a refusal, not a crash.
    let abyss: Record<string, unknown> = { type: "doc", content: [] };
    for (let i = 0; i < 200_000; i++) abyss = { type: "doc", content: [abyss] };
    expect(refusal(abyss).code).toBe("invalid");
  });

  it("a circular structure", () => {
    const loop: Record<string, unknown> = { type: "doc", content: [] };
    (loop.content as unknown[]).push(loop);
    expect(refusal(loop).message).toMatch(/cannot be serialized/);
  });

  it("a 5 MB body as too_large", () => {
    const big = doc(...Array.from({ length: 5 * 1024 }, () => para("县".repeat(350))));
    expect(utf8Length(JSON.stringify(big))).toBeGreaterThan(5 * 1024 * 1024);
    expect(refusal(big)).toEqual({ code: "too_large", message: "body: larger than 2 MB" });
  });

  it("too_large before looking at the structure", () => {
    expect(refusal(doc({ type: "image", src: "x".repeat(MAX_BODY_BYTES) })).code).toBe("too_large");
  });
});

describe("link targets", () => {
  const allowed = [
    "https://example.cn",
    "http://example.cn/a?b=1#c",
    "HTTPS://EXAMPLE.CN",
    "mailto:news@example.cn",
    "MailTo:news@example.cn",
    "/articles/12",
    "/",
    "https://例子.中国/新闻",
  ];
  const refused = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "\tjavascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "java\u0000script:alert(1)",
    "javascript&colon;alert(1)",
    "&#106;avascript:alert(1)",
    "\u00a0javascript:alert(1)",
    "vbscript:msgbox(1)",
    "VBScript:msgbox(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "DATA:text/html,<script>alert(1)</script>",
    "file:///etc/passwd",
    "ftp://example.cn",
    "//evil.example",
    "/\\evil.example",
    "/\t/evil.example",
    "relative/path",
    "#top",
    "?q=1",
    "https://",
    "https:",
    "mailto:",
    "",
    "   ",
    `https://example.cn/${"a".repeat(2100)}`,
  ];
  it.each(allowed)("allows %j", (href) => {
    expect(isAllowedHref(href)).toBe(true);
    expect(parseArticleBody(withLink(href)).ok).toBe(true);
  });
  it.each(refused)("refuses %j", (href) => {
    expect(isAllowedHref(href)).toBe(false);
    expect(refusal(withLink(href)).message).toMatch(/^body\.content\[0\]\.content\[0\]\.marks\[0\]\.attrs\.href: /);
  });
  it("refuses a non-string href", () => {
    expect(refusal(withLink(null)).message).toMatch(/href must be a string/);
  });
});

describe("parseArticleBodyJson", () => {
  it("parses JSON text", () => {
    const r = parseArticleBodyJson(JSON.stringify(REALISTIC_BODY));
    expect(r.ok && (r.body satisfies ArticleBody)).toEqual(REALISTIC_BODY);
  });
  it("refuses bad JSON and oversized text before parsing it", () => {
    expect(parseArticleBodyJson("{")).toMatchObject({ ok: false, code: "invalid" });
    expect(parseArticleBodyJson(" ".repeat(MAX_BODY_BYTES + 1))).toMatchObject({ ok: false, code: "too_large" });
  });
});

describe("utf8Length", () => {
  it("matches TextEncoder, including lone surrogates", () => {
    for (const s of ["", "abc", "é", "县", "𠀀", "👨‍👩‍👧", "\ud800", "a\udc00b", "\ud800\ud800"]) {
      expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
    }
  });
});
