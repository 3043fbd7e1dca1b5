import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { articlePhotos, articles, media, mediaFiles } from "../db/schema";
import { generatedPhoto } from "../lib/media/generated-photos";
import { actionNamed, postAction } from "./support/actions";
import { arrangeArticle, arrangeIssue, articleState } from "./support/db";
import { withDatabase } from "./support/database";
import { expect, test } from "./support/fixtures";
import { mediaByFileName, uploadReadyPhoto } from "./support/photos";
import { removeArranged } from "./support/public";

type Body = { type: "doc"; content: unknown[] };

const para = (text: string) => ({ type: "paragraph" as const, content: [{ type: "text" as const, text }] });

/** Sets a photo's library details straight in the database (arranging, not the story under test). */
async function describePhoto(id: number, values: { alt?: string; caption?: string; credit?: string }) {
  await withDatabase(async (db) => await db.update(media).set(values).where(eq(media.id, id)));
}

async function storedBody(id: number): Promise<Body> {
  return await withDatabase(async (db) => (await db.select({ body: articles.body }).from(articles).where(eq(articles.id, id)))[0]!.body as Body);
}

/** A draft on a fresh issue's page 1 whose body has a paragraph and a printed caption. */
// Published in issues after the demo's, these stories would make their issue the reader's paper of the day for every spec after.
const cleanups: (() => Promise<void>)[] = [];
test.afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function draftWithCaption(date: string, title: string, caption: string): Promise<number> {
  const { issueId, pageIds } = await arrangeIssue(date, 1);
  const id = await arrangeArticle({ title, sectionSlug: "news", issueId, pageId: pageIds[0], body: `${title}的正文。` });
  cleanups.push(() => removeArranged({ articleIds: [id], issueDate: date }));
  await withDatabase(async (db) =>
    await db
      .update(articles)
      .set({ body: { type: "doc", content: [para(`${title}的正文。`), { type: "caption", content: [{ type: "text", text: caption }] }] }, bodyText: `${title}的正文。\n${caption}` })
      .where(eq(articles.id, id))
      ,
  );
  return id;
}

/** Saves a body as the signed-in person through the real save action, from the stored version and fields. */
async function saveBody(request: APIRequestContext, id: number, body: Body) {
  const row = await withDatabase(async (db) => (await db.select().from(articles).where(eq(articles.id, id)))[0]!);
  const fields = {
    kicker: row.kicker ?? "",
    title: row.title,
    subtitle: row.subtitle ?? "",
    rubric: row.rubric ?? "",
    byline: row.byline ?? "",
    source: row.source ?? "",
    reporters: row.reporters.join(" "),
    correspondents: row.correspondents.join(" "),
    photographers: row.photographers.join(" "),
    sectionId: row.sectionId ? String(row.sectionId) : "",
    language: row.language,
  };
  return postAction(request, actionNamed("saveArticleAction"), [{ articleId: id, baseVersion: row.version, fields, body }]);
}

async function step(page: Page, id: number, action: "submit" | "approve" | "publish" | "unpublish", extra: Record<string, string> = {}) {
  const { version } = await articleState(id);
  return postAction(page.request, actionNamed("transitionArticleAction"), [{ articleId: id, baseVersion: version, action, ...extra }]);
}

/** Submitted by the editor, approved and published by the reviewer. */
async function throughReview(editor: Page, reviewer: Page, id: number) {
  for (const [who, action] of [
    [editor, "submit"],
    [reviewer, "approve"],
    [reviewer, "publish"],
  ] as const)
    expect((await step(who, id, action)).status).toBe(200);
  expect((await articleState(id)).state).toBe("published");
}

test("an editor places a lead photo and a photo on a printed caption; publishing waits for alt text; readers see both on every surface", async ({ pageAs, browser }) => {
  test.setTimeout(120_000);
  const editor = await pageAs("editor");
  const reviewer = await pageAs("reviewer");
  const id = await draftWithCaption("2024-05-10", "河畔春耕忙", "图为村民在河畔田间插秧。记者 张三 摄");
  const lead = await uploadReadyPhoto(editor.request, await generatedPhoto({ seed: 601, width: 2400, height: 1600 }), "头图.jpg");
  const inBody = await uploadReadyPhoto(editor.request, await generatedPhoto({ seed: 602, width: 1600, height: 1200 }), "正文图.jpg");
  await describePhoto(lead.id, { caption: "春耕时节的河畔田野", credit: "记者 李四 摄" });
  await describePhoto(inBody.id, { alt: "村民弯腰在水田里插秧", credit: "记者 张三 摄" });

  // The caption as printed is attached to a photo: the cursor in the caption, then "add to the body".
  await editor.goto(`/desk/articles/${id}`);
  await editor.getByRole("textbox", { name: "正文" }).getByText("图为村民在河畔田间插秧").click();
  await editor.getByRole("button", { name: "添加到正文" }).click();
  const picker = editor.getByRole("dialog", { name: "选择图片" });
  await picker.getByRole("button", { name: `选用 #${inBody.id}` }).click();
  await expect(editor.locator(`figure.photo[data-media-id="${inBody.id}"]`)).toContainText("图为村民在河畔田间插秧。记者 张三 摄");
  // The lead photo, from the library too; it takes the library's caption.
  await editor.getByRole("button", { name: "添加为头图" }).click();
  await editor.getByRole("dialog", { name: "选择图片" }).getByRole("button", { name: `选用 #${lead.id}` }).click();
  const panel = editor.getByRole("region", { name: "图片" });
  await expect(panel.getByText("头图", { exact: true })).toBeVisible();
  await expect(panel.getByText("缺替代文字，发布前必须填写")).toBeVisible();
  await editor.getByRole("button", { name: "保存", exact: true }).click();
  await expect(editor.getByText("已保存。")).toBeVisible();
  expect((await storedBody(id)).content).toEqual([
    { type: "photo", attrs: { mediaId: lead.id, lead: true }, content: [{ type: "text", text: "春耕时节的河畔田野" }] },
    para("河畔春耕忙的正文。"),
    { type: "photo", attrs: { mediaId: inBody.id, lead: false }, content: [{ type: "text", text: "图为村民在河畔田间插秧。记者 张三 摄" }] },
  ]);
  const placed = await withDatabase(async (db) => (await db.select().from(articlePhotos).where(eq(articlePhotos.articleId, id))));
  expect(placed.map((p) => [p.position, p.mediaId, p.lead])).toEqual([
    [0, lead.id, true],
    [1, inBody.id, false],
  ]);

  // Through review; publishing is refused while the lead photo has no alt text.
  expect((await step(editor, id, "submit")).result).toContain("已提交审核。");
  expect((await step(reviewer, id, "approve")).result).toContain("已审核通过。");
  expect((await step(reviewer, id, "publish")).result).toContain("稿件中有图片尚不能给读者看");
  expect((await articleState(id)).state).toBe("approved");
  await editor.reload();
  await editor.getByRole("textbox", { name: `#${lead.id} 的替代文字` }).fill("河边的稻田和远处的村舍");
  await editor.getByRole("region", { name: "图片" }).getByRole("button", { name: `保存 #${lead.id} 的替代文字` }).click();
  await expect(editor.getByText(`#${lead.id} 的替代文字已保存。`)).toBeVisible();
  expect((await step(reviewer, id, "publish")).result).toContain("已发布");
  expect((await articleState(id)).state).toBe("published");

  // A reader: the lead photo under the headline, loaded at once, its box reserved; the body photo lazy, with caption and credit.
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/articles/${id}`);
  const leadImg = reader.locator("figure.lead-photo picture img");
  await expect(leadImg).toHaveAttribute("alt", "河边的稻田和远处的村舍");
  await expect(leadImg).toHaveAttribute("loading", "eager");
  await expect(leadImg).toHaveAttribute("fetchpriority", "high");
  await expect(leadImg).toHaveAttribute("width", "960");
  await expect(leadImg).toHaveAttribute("height", "640");
  await expect(reader.locator("figure.lead-photo figcaption")).toHaveText("春耕时节的河畔田野记者 李四 摄");
  await expect(reader.locator("figure.lead-photo source").first()).toHaveAttribute("type", "image/avif");
  const bodyPhoto = reader.locator(".article-body figure.photo:not(.lead-photo)");
  await expect(bodyPhoto.locator("img")).toHaveAttribute("loading", "lazy");
  // The caption prints its credit already: it is not repeated.
  await expect(bodyPhoto.locator("figcaption")).toHaveText("图为村民在河畔田间插秧。记者 张三 摄");
  expect(await leadImg.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  const src = await leadImg.evaluate((img: HTMLImageElement) => new URL(img.currentSrc).pathname);
  const file = await reader.request.get(src);
  expect(file.status()).toBe(200);
  expect(file.headers()["cache-control"]).toBe("private, max-age=31536000, immutable");
  expect(file.headers()["x-content-type-options"]).toBe("nosniff");
  expect(file.headers()["content-type"]).toMatch(/^image\/(avif|webp|jpeg)$/);

  // Link previews and structured data name the lead photo's JPEG.
  const ogImage = await reader.locator('meta[property="og:image"]').getAttribute("content");
  expect(ogImage).toMatch(/\/media\/[0-9a-f]{32}\.jpg$/);
  const jsonLd = JSON.parse((await reader.locator('script[type="application/ld+json"]').textContent())!) as { image: { url: string; width: number }[] };
  expect(jsonLd.image[0]).toMatchObject({ url: ogImage, width: 1600 });

  // Lists: the issue's page and the section show it beside the headline; the feed has it as an enclosure.
  await reader.goto("/issues/2024-05-10/1");
  await expect(reader.locator(".story-picture img")).toHaveCount(1);
  await reader.goto("/sections/news");
  await expect(reader.locator("article").filter({ hasText: "河畔春耕忙" }).locator(".story-picture img")).toHaveCount(1);
  const feed = await (await reader.request.get("/feed.xml")).text();
  const item = feed.split("<item>").find((i) => i.includes("河畔春耕忙"))!;
  expect(item).toMatch(new RegExp(`<enclosure url="${ogImage!.replace(/[.]/g, "\\.")}" length="\\d+" type="image/jpeg"/>`));
});

test("an editor uploads a photo on the article page and places it as the lead photo", async ({ pageAs }) => {
  const editor = await pageAs("editor");
  const id = await draftWithCaption("2024-05-13", "文章页上传", "图为现场。");
  await editor.goto(`/desk/articles/${id}`);
  await editor.getByRole("button", { name: "添加为头图" }).click();
  const picker = editor.getByRole("dialog", { name: "选择图片" });
  await picker.locator('input[type="file"]').setInputFiles({ name: "现场.jpg", mimeType: "image/jpeg", buffer: await generatedPhoto({ seed: 607, width: 2000, height: 1300 }) });
  await expect(picker.getByRole("list", { name: "上传进度" }).getByRole("listitem").filter({ hasText: "现场.jpg" })).toContainText("已就绪", { timeout: 30_000 });
  const uploaded = (await mediaByFileName("现场.jpg"))!;
  // In the dialog's list, with its picture once it is ready.
  const choose = picker.getByRole("button", { name: `选用 #${uploaded.id}` });
  await expect(choose.locator("img")).toBeVisible();
  await choose.click();
  const panel = editor.getByRole("region", { name: "图片" });
  await expect(panel.getByText("头图", { exact: true })).toBeVisible();
  await expect(panel.locator(`img[src="/api/media/${uploaded.id}/preview"]`)).toBeVisible();
  await editor.getByRole("button", { name: "保存", exact: true }).click();
  await expect(editor.getByText("已保存。")).toBeVisible();
  expect((await storedBody(id)).content[0]).toMatchObject({ type: "photo", attrs: { mediaId: uploaded.id, lead: true } });
  expect((await withDatabase(async (db) => db.select().from(articlePhotos).where(eq(articlePhotos.articleId, id)))).map((p) => [p.mediaId, p.lead])).toEqual([[uploaded.id, true]]);
});

test("an unpublished story's photos are refused to readers, whoever knows their names; the newsroom still sees them", async ({ pageAs, browser }) => {
  const editor = await pageAs("editor");
  const reviewer = await pageAs("reviewer");
  const id = await draftWithCaption("2024-05-11", "撤稿前的配图", "图为现场。");
  const photo = await uploadReadyPhoto(editor.request, await generatedPhoto({ seed: 603, width: 1200, height: 800 }), "撤稿.jpg");
  await describePhoto(photo.id, { alt: "现场全景" });
  const saved = await saveBody(editor.request, id, { type: "doc", content: [{ type: "photo", attrs: { mediaId: photo.id, lead: true }, content: [{ type: "text", text: "图为现场。" }] }, para("正文。")] });
  expect(saved.result).toContain("已保存");
  await throughReview(editor, reviewer, id);

  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto(`/articles/${id}`);
  const urls = await anonymous.locator("figure.lead-photo picture").evaluate((p) => [...p.querySelectorAll("source, img")].flatMap((e) => (e.getAttribute("srcset") ?? "").split(",").map((c) => c.trim().split(" ")[0]!)));
  expect(urls.length).toBe(9);
  for (const url of urls) expect((await anonymous.request.get(url)).status(), url).toBe(200);

  expect((await step(reviewer, id, "unpublish", { reason: "图片有误" })).status).toBe(200);
  expect((await articleState(id)).state).toBe("unpublished");
  for (const url of urls) {
    const res = await anonymous.request.get(url);
    expect(res.status(), url).toBe(404);
    expect(res.headers()["cache-control"]).toBe("no-store");
    // The newsroom keeps its view of the photo.
    expect((await editor.request.get(url)).status(), url).toBe(200);
  }
  // Drafts' photos were never public either: a photo in no published story is a 404 to readers.
  const draftOnly = await uploadReadyPhoto(editor.request, await generatedPhoto({ seed: 604, width: 800, height: 600 }), "草稿图.jpg");
  const name = (await withDatabase(async (db) => (await db.select().from(mediaFiles).where(and(eq(mediaFiles.mediaId, draftOnly.id), eq(mediaFiles.format, "jpeg"))))[0]))!.name;
  expect((await anonymous.request.get(`/media/${name}`)).status()).toBe(404);
  expect((await editor.request.get(`/media/${name}`)).status()).toBe(200);
});

test("a photo change on a published story changes the public pages at once (the public generation)", async ({ pageAs, browser }) => {
  const editor = await pageAs("editor");
  const reviewer = await pageAs("reviewer");
  const id = await draftWithCaption("2024-05-12", "换替代文字", "图为现场。");
  const photo = await uploadReadyPhoto(editor.request, await generatedPhoto({ seed: 605, width: 1200, height: 800 }), "换字.jpg");
  await describePhoto(photo.id, { alt: "旧的替代文字" });
  await saveBody(editor.request, id, { type: "doc", content: [{ type: "photo", attrs: { mediaId: photo.id, lead: true } }, para("正文。")] });
  await throughReview(editor, reviewer, id);
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/articles/${id}`);
  await expect(reader.locator("figure.lead-photo img")).toHaveAttribute("alt", "旧的替代文字");
  expect((await reader.request.get(`/articles/${id}`)).headers()["x-folio-cache"]).toBe("hit");

  await editor.goto(`/desk/media/${photo.id}`);
  // Until the new text stands alone: filled before the form had hydrated (CI's PostgreSQL pass),
  // the select-all was undone and the text went in before the old one (新的替代文字旧的替代文字).
  const alt = editor.getByLabel("替代文字");
  await expect(async () => {
    await alt.fill("新的替代文字");
    await expect(alt).toHaveValue("新的替代文字", { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await editor.getByRole("button", { name: "保存" }).click();
  await expect(editor.getByText("已保存。")).toBeVisible();
  const again = await reader.request.get(`/articles/${id}`);
  expect(again.headers()["x-folio-cache"]).toBe("miss");
  expect(await again.text()).toContain('alt="新的替代文字"');
});

test("the workbench attaches a printed caption to a photo; accepting keeps the caption exactly as printed", async ({ pageAs }) => {
  const page = await pageAs("editor");
  const photo = await uploadReadyPhoto(page.request, await generatedPhoto({ seed: 606, width: 1600, height: 1000 }), "科技城.jpg");
  await page.goto("/desk/imports/new");
  await page.getByLabel("上传文件").setInputFiles(path.join(__dirname, "..", "db", "demo", "rongchang-feature-page.txt"));
  await expect(page.getByText(/已识别：编码/)).toBeVisible();
  for (const [label, value] of Object.entries({ 出版日期: "2024-05-20", 版次: "3", 版名: "专题", 报名: "荣昌报" })) await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole("button", { name: "创建导入" }).click();
  await expect(page).toHaveURL(/\/desk\/imports\/\d+$/);
  const importId = Number(page.url().split("/").pop());

  const caption = page.locator('[data-type="block"][data-role="caption"]').first();
  const printed = "重庆市畜牧科学院等单位正积极推动荣昌国家畜牧科技城建设。";
  await caption.getByText(printed).click();
  await page.getByRole("button", { name: "为说明配图" }).click();
  await page.getByRole("dialog", { name: "选择图片" }).getByRole("button", { name: `选用 #${photo.id}` }).click();
  await expect(caption).toContainText(`配图 #${photo.id}`);
  await expect(page.getByTestId("save-status")).toHaveText(/已保存 v\d+/, { timeout: 15_000 });
  await page.getByRole("button", { name: "接受划分，生成稿件" }).click();
  await expect(page.getByText("已接受：新建 1 篇")).toBeVisible();

  const row = await withDatabase(async (db) => (await db.select({ id: articles.id, body: articles.body, bodyText: articles.bodyText }).from(articles).where(eq(articles.importId, importId)))[0]!);
  const body = row.body as Body;
  expect(body.content.filter((b) => (b as { type: string }).type === "caption")).toEqual([]);
  expect(body.content).toContainEqual({ type: "photo", attrs: { mediaId: photo.id, lead: false }, content: [{ type: "text", text: printed }] });
  expect(row.bodyText).toContain(printed);
  // The photo had no caption of its own: it takes the printed one.
  await expect.poll(async () => await withDatabase(async (db) => (await db.select({ caption: media.caption }).from(media).where(eq(media.id, photo.id)))[0]!.caption)).toBe(printed);
});
