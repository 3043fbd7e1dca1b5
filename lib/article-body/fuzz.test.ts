import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FUZZ_TIMEOUT_MS, fuzzRuns } from "../testing/fuzz";
import { sanitizeBodyHtml } from "./render";
import { bodyPlainText, parseArticleBody, parseArticleBodyJson, renderBodyHtml } from "./index";

/*
 * The article-body validator under random and hostile input (fast-check). Whatever a client
 * sends, it answers ok or a refusal (invalid, too_large) and never throws; and whatever it
 * accepts renders to HTML that holds only the markup the allow-list names: no script, no event
 * handler, no link but http(s), mailto and site-relative, every character of text escaped.
 */

const HOSTILE = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  " JaVaScRiPt:alert(1)",
  "java\tscript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  "//evil.example/x",
  "/\\evil.example",
  "&lt;script&gt;",
  "\u2028\u2029",
  "\u0000",
  "𠀀👨‍👩‍👧",
  "</p><p onclick=x>",
  "{{constructor.constructor('x')()}}",
];

const text = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: "grapheme", maxLength: 30 }), fc.string({ unit: "binary", maxLength: 10 }));
const href = fc.oneof(fc.constantFrom(...HOSTILE, "https://news.example.cn/a?b=1#c", "/articles/1", "mailto:editor@example.cn", "http://", "https://x"), fc.webUrl(), text);
const mark = fc.oneof(
  fc.constantFrom({ type: "bold" }, { type: "italic" }, { type: "strike" }, { type: "code" }),
  href.map((h) => ({ type: "link", attrs: { href: h } })),
  fc.record({ type: fc.constant("link"), attrs: fc.dictionary(fc.constantFrom("href", "target", "onclick", "class"), href) }),
);
const TYPES = ["doc", "paragraph", "heading", "lead", "caption", "blockquote", "bulletList", "orderedList", "listItem", "text", "hardBreak", "image", "codeBlock", "table", "script"];

/** Nodes of the body grammar and of its neighbours, with right and wrong attributes, nested at random. */
const node = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record({ type: fc.constant("text"), text, marks: fc.array(mark, { maxLength: 3 }) }, { requiredKeys: ["type", "text"] }),
    fc.constant({ type: "hardBreak" }),
    fc.record(
      {
        type: fc.constantFrom(...TYPES),
        attrs: fc.oneof(fc.constantFrom({ level: 2 }, { level: 3 }, { level: 1 }, { level: "2" }), fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }))),
        content: fc.array(tie("node"), { maxLength: 4 }),
        text,
        marks: fc.array(mark, { maxLength: 2 }),
      },
      { requiredKeys: ["type"] },
    ),
  ),
})).node;

const noise = fc.record({ type: fc.constantFrom("doc", "doc", "doc", "paragraph"), content: fc.array(node, { maxLength: 6 }) });

/** Bodies of the grammar in types.ts, with hostile text and links: most are accepted, and must render safely. */
const words = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }));
const allowedHref = fc.oneof(fc.constantFrom("https://news.example.cn/a?b=1&c=<d>#e", "/articles/1", "/search?q=\"x\"", "mailto:editor@example.cn"), fc.webUrl());
const validMarks = fc
  .subarray([{ type: "bold" }, { type: "italic" }, { type: "link" }] as const)
  .chain((marks) => fc.tuple(...marks.map((m) => (m.type === "link" ? allowedHref.map((h) => ({ type: "link", attrs: { href: h } })) : fc.constant(m)))));
const inline = fc.oneof({ weight: 5, arbitrary: fc.record({ type: fc.constant("text"), text: words, marks: validMarks }) }, fc.constant({ type: "hardBreak" }));
const paragraph = fc.record({ type: fc.constant("paragraph"), content: fc.array(inline, { maxLength: 5 }) });
const paragraphs = fc.array(paragraph, { minLength: 1, maxLength: 3 });
const block = fc.oneof(
  { weight: 4, arbitrary: paragraph },
  fc.record({ type: fc.constant("heading"), attrs: fc.record({ level: fc.constantFrom(2, 3) }), content: fc.array(inline, { maxLength: 3 }) }),
  fc.record({ type: fc.constant("caption"), content: fc.array(inline, { maxLength: 3 }) }),
  fc.record({ type: fc.constantFrom("lead", "blockquote"), content: paragraphs }),
  fc.record({ type: fc.constantFrom("bulletList", "orderedList"), content: fc.array(fc.record({ type: fc.constant("listItem"), content: paragraphs }), { minLength: 1, maxLength: 3 }) }),
);
const grammatical = fc.record({ type: fc.constant("doc"), content: fc.array(block, { maxLength: 8 }) });

const doc = fc.oneof(grammatical, noise);

/** Asserts what an accepted body renders to, and returns the HTML. */
function rendersSafely(value: unknown): void {
  const result = parseArticleBody(value);
  if (!result.ok) {
    expect(["invalid", "too_large"]).toContain(result.code);
    expect(result.message).toMatch(/^body/);
    return;
  }
  const html = renderBodyHtml(result.body);
  // Every tag is one the allow-list names, without an event handler; every link goes somewhere allowed.
  for (const [tag] of html.matchAll(/<[^>]*>/g)) {
    expect(tag).toMatch(new RegExp(`^${ALLOWED_TAG.source}$`));
    expect(tag).not.toMatch(/\son\w+\s*=/i);
    const target = /\shref="([^"]*)"/.exec(tag)?.[1];
    if (target !== undefined) expect(decodeEntities(target)).toMatch(/^(?:https?:\/\/|mailto:|\/(?![/\\]))/i);
  }
  // The renderer emits only allowed markup: the sanitizer, run again, has nothing left to remove.
  expect(sanitizeBodyHtml(html)).toBe(html);
  // Every character of text is in the HTML as text: nothing dropped, nothing read as markup.
  const textOnly = html.replace(ALLOWED_TAG, "");
  expect(textOnly).not.toContain("<");
  const shown = decodeEntities(textOnly);
  for (const line of bodyPlainText(result.body).split("\n")) expect(shown).toContain(line);
}

/** The tags renderBodyHtml writes (lib/article-body/render.ts), with their attributes. */
const ALLOWED_TAG = /<\/?(?:p|h2|h3|div|blockquote|ul|ol|li|strong|em|a|br)(?:\s[^<>]*)?\/?>/g;

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };
const decodeEntities = (html: string) =>
  html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) =>
    name.startsWith("#x") || name.startsWith("#X") ? String.fromCodePoint(parseInt(name.slice(2), 16)) : name.startsWith("#") ? String.fromCodePoint(Number(name.slice(1))) : (NAMED[name] ?? entity),
  );

describe("the article-body validator, fuzzed", () => {
  it("answers any JSON value with ok or a refusal, never an exception", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        rendersSafely(value);
        rendersSafely({ type: "doc", content: [value] });
      }),
      fuzzRuns(400),
    );
  }, FUZZ_TIMEOUT_MS);

  it("renders whatever it accepts of random and hostile bodies as allow-listed markup only", () => {
    fc.assert(fc.property(doc, rendersSafely), fuzzRuns(300));
  }, FUZZ_TIMEOUT_MS);

  it("answers any text posted as the body's JSON, nesting to any depth included", () => {
    fc.assert(
      fc.property(fc.oneof(fc.json({ maxDepth: 4 }), fc.string({ maxLength: 200 }), fc.nat({ max: 100_000 }).map((n) => `${"[".repeat(n)}${"]".repeat(n)}`)), (json) => {
        const result = parseArticleBodyJson(json);
        if (result.ok) rendersSafely(result.body);
        else expect(["invalid", "too_large"]).toContain(result.code);
      }),
      fuzzRuns(200),
    );
  }, FUZZ_TIMEOUT_MS);
});
