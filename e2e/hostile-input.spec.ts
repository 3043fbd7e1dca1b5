import type { BrowserContext, Page } from "@playwright/test";
import { actionNamed, postAction } from "./support/actions";
import { eq } from "drizzle-orm";
import { articleComments, articles, sections, users } from "../db/schema";
import { arrangeArticle, arrangeIssue, sectionIdBySlug } from "./support/db";
import { withDatabase } from "./support/database";
import { expect, test } from "./support/fixtures";

/** Each payload, if it ever ran, would set window.__xss (or open a dialog). */
const PAYLOADS = [
  `<script>window.__xss=1</script>`,
  `<img src=x onerror="window.__xss=1">`,
  `"><svg onload=window.__xss=1>`,
  `'><iframe srcdoc="<script>parent.__xss=1</script>">`,
  `</script><script>window.__xss=1</script>`,
  `<a href="javascript:window.__xss=1">点我</a>`,
  `<a href="JaVaScRiPt:window.__xss=1">x</a>`,
  `<a href="data:text/html,<script>window.__xss=1</script>">x</a>`,
  `<svg><a xlink:href="javascript:window.__xss=1"><text x="20" y="20">x</text></a></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>`,
  `<noscript><p title="</noscript><img src=x onerror=window.__xss=1>">`,
  `<form><math><mtext></form><form><mglyph><style></math><img src onerror=window.__xss=1>`,
  `<div <img src=x onerror=window.__xss=1>>`,
  `{{constructor.constructor('window.__xss=1')()}}`,
  `\u2028\u2029</script>`,
];
const MARK = "毒样本";
const ALL = PAYLOADS.join(" ");

async function watch(context: BrowserContext): Promise<void> {

  await context.addInitScript(() => {
    (window as unknown as { __xss: number }).__xss = 0;
  });
}

async function assertNoScriptRan(page: Page, url: string) {
  let dialog = false;
  page.on("dialog", (d) => {
    dialog = true;
    void d.dismiss();
  });
  const res = await page.goto(url);
  expect(res?.status(), url).toBeLessThan(400);
  await page.waitForLoadState("load");
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss ?? 0), url).toBe(0);
  expect(dialog, url).toBe(false);
}

test("hostile text in every field and hostile JSON posted to the save action never run on any surface", async ({ pageAs, browser }) => {
  const { issueId, pageIds } = await arrangeIssue("2024-01-05", 1);
  const id = await arrangeArticle({ title: "待写入", sectionSlug: "local", issueId, pageId: pageIds[0] });

  const editor = await pageAs("editor");
  const editorContext = editor.context();
  const save = actionNamed("saveArticleAction");
  const localSectionId = await withDatabase(async (db) => await sectionIdBySlug(db, "local"));
  const fields = {
    kicker: `${MARK}引题 ${PAYLOADS[1]}`,
    title: `${MARK}标题 ${PAYLOADS[0]} ${PAYLOADS[2]}`.slice(0, 200),
    subtitle: `${MARK}副题 ${PAYLOADS[4]}`,
    rubric: PAYLOADS[6]!.slice(0, 60),
    byline: `本报讯 ${PAYLOADS[3]}`,
    source: PAYLOADS[13]!.slice(0, 60),
    reporters: "张三",
    correspondents: "",
    photographers: "",
    sectionId: String(localSectionId),
    language: "zh-CN",
  };
  const body = {
    type: "doc",
    content: [
      { type: "paragraph", content: [{ type: "text", text: `${MARK}正文 ${ALL}` }] },
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: PAYLOADS[9]! }] },
      { type: "caption", content: [{ type: "text", text: PAYLOADS[10]! }] },
      { type: "paragraph", content: [{ type: "text", text: "安全链接", marks: [{ type: "link", attrs: { href: "https://example.cn/?q=\"><script>window.__xss=1</script>" } }] }] },
    ],
  };
  const saved = await postAction(editor.request, save, [{ articleId: id, baseVersion: 1, fields, body }]);
  expect(saved.result, saved.text.slice(0, 300)).toContain('"ok":true');

  // Links with script schemes are refused outright, however they are spelled.
  for (const href of ["javascript:window.__xss=1", "JaVaScRiPt:window.__xss=1", " javascript:alert(1)", "java\tscript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)"]) {
    const bad = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href } }] }] }] };
    const refused = await postAction(editor.request, save, [{ articleId: id, baseVersion: 2, fields, body: bad }]);
    expect(refused.result, href).toContain("正文含有不允许的内容");
  }

  // A comment and a section name carry payloads too.
  const stored = await withDatabase(async (db) => {
    await db.update(sections).set({ name: `综合${PAYLOADS[1]}`.slice(0, 40) }).where(eq(sections.slug, "local"));
    const reviewer = (await db.select({ id: users.id }).from(users).where(eq(users.email, "reviewer@folio.local")))[0]!;
    await db.insert(articleComments).values({ articleId: id, authorId: reviewer.id, body: ALL });
    await db.update(articles).set({ state: "published", publishedAt: new Date(), firstPublishedAt: new Date(), correction: PAYLOADS[11] }).where(eq(articles.id, id));
    return (await db.select({ title: articles.title, kicker: articles.kicker }).from(articles).where(eq(articles.id, id)))[0]!;
  });
  expect(stored.title).toBe(fields.title.trim());

  const reader = await browser.newContext();
  await watch(reader);
  const page = await reader.newPage();
  for (const url of [`/articles/${id}`, "/issues/2024-01-05/1", "/issues/2024-01-05", `/search?q=${encodeURIComponent(MARK)}`, `/search?q=${encodeURIComponent("window")}`, "/sections/local", "/feed.xml", "/sitemap.xml"]) {
    await assertNoScriptRan(page, url);
  }
  // The text is shown as text, exactly.
  await page.goto(`/articles/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(fields.title.trim());
  const ld = await page.locator('script[type="application/ld+json"]').first().textContent();
  expect(ld).not.toContain("</script");
  expect((JSON.parse(ld!) as { headline: string }).headline).toContain(MARK);
  expect(await page.locator('meta[property="og:title"]').getAttribute("content")).toContain(MARK);

  await watch(editorContext);
  const desk = await editorContext.newPage();
  for (const url of [`/desk/articles/${id}`, `/desk/articles/${id}/history`, "/desk/issues/2024-01-05", "/desk/articles"]) await assertNoScriptRan(desk, url);
  await desk.goto(`/desk/articles/${id}`);
  await expect(desk.getByRole("textbox", { name: "正文" })).toContainText(PAYLOADS[0]!);

  await withDatabase(async (db) => await db.update(sections).set({ name: "综合" }).where(eq(sections.slug, "local")));
});

test("unicode edge cases survive a save unchanged, and a lone surrogate is refused clearly", async ({ pageAs }) => {
  const id = await arrangeArticle({ title: "统一码测试", sectionSlug: "news" });
  const page = await pageAs("editor");
  const save = actionNamed("saveArticleAction");
  const tricky = "𠀀𪚥𫝀 👨‍👩‍👧‍👦 \u202Eevil.exe\u202C a\u200Db 荣昌";
  const fields = { kicker: "", title: tricky, subtitle: "", rubric: "", byline: "", source: "", reporters: "", correspondents: "", photographers: "", sectionId: "", language: "zh-CN" };
  const body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: tricky }] }] };
  const ok = await postAction(page.request, save, [{ articleId: id, baseVersion: 1, fields, body }]);
  expect(ok.result).toContain('"ok":true');
  const row = await withDatabase(async (db) => (await db.select({ title: articles.title, body_text: articles.bodyText }).from(articles).where(eq(articles.id, id)))[0]!);
  expect(row.title).toBe(tricky);
  expect(row.body_text).toBe(tricky);

  // JSON.stringify writes a lone surrogate as \ud800, so it reaches the server intact and must be refused there.
  const broken = await postAction(page.request, save, [{ articleId: id, baseVersion: 2, fields: { ...fields, title: "坏\uD800字" }, body }]);
  expect(broken.result).toContain("含有无效的字符");
  const brokenBody = await postAction(page.request, save, [{ articleId: id, baseVersion: 2, fields, body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "坏\uDC00" }] }] } }]);
  expect(brokenBody.result).toContain("正文含有不允许的内容");
  // Unknown fields and wrong types are refused too, and nothing was written.
  const unknown = await postAction(page.request, save, [{ articleId: id, baseVersion: 2, fields: { ...fields, state: "published" }, body }]);
  expect(unknown.result).toContain("输入有误");
  const wrongType = await postAction(page.request, save, [{ articleId: "2; drop table articles", baseVersion: "x", fields, body }]);
  expect(wrongType.status).toBeLessThan(500);
  expect((await withDatabase(async (db) => (await db.select({ version: articles.version }).from(articles).where(eq(articles.id, id)))[0]!)).version).toBe(2);
});
