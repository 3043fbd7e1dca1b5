import { removeTemporaryDatabase } from "@/db/testing/temporary-database";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { actorOf, anArticle, anIssue, aPhoto, aSection, aUser, bodyWithPhotos, paragraphs } from "@/db/testing/builders";
import { openPostgresPublicMediaReader, openPublicMediaReader } from "@/db/public-media";
import { media, publicGeneration } from "@/db/schema";
import type { ArticleBody } from "@/lib/article-body/types";
import { env } from "@/lib/env";
import { saveArticle, transitionArticle } from "./article-workflow";
import { listPagesWithArticles } from "./issues";
import { workingVersion } from "./pending-revisions";
import {
  claimMediaJob,
  failMediaJob,
  insertMedia,
  listArticlePhotos,
  listMedia,
  listMediaUses,
  missingMediaIds,
  updateMediaDetails,
} from "./media";
import { getMediaFile, listLeadPhotos, listPublicPhotos } from "./public/photos";

afterAll(removeTemporaryDatabase);

const editor = await aUser({ role: "editor", name: "张编辑" });
const reviewer = await aUser({ role: "reviewer", name: "王审稿" });
const section = await aSection();

const token = async () => (await getDb().select().from(publicGeneration))[0]!.token;

async function step(id: number, version: number, action: "submit" | "approve" | "publish" | "publish_correction" | "unpublish", by = reviewer) {
  return await transitionArticle({ id, baseVersion: version, action, actor: actorOf(by), ip: null, reason: action === "unpublish" ? "撤稿" : undefined });
}

/** An article placing these photos, taken through the workflow to published. */
async function publishedWith(lead: number, other?: number) {
  const article = await anArticle({ author: editor, sectionId: section.id, body: bodyWithPhotos(lead, other) });
  const submitted = await step(article.id, article.version, "submit", editor);
  if (!submitted.ok) throw new Error("submit");
  const approved = await step(article.id, submitted.article.version, "approve");
  if (!approved.ok) throw new Error("approve");
  const published = await step(article.id, approved.article.version, "publish");
  if (!published.ok) throw new Error(`publish: ${JSON.stringify(published)}`);
  return published.article;
}

describe("the media library", () => {
  it("keeps one photo per file: the same bytes uploaded twice are the photo already there", async () => {
    const values = { sha256: "a".repeat(64), format: "jpeg" as const, fileName: "a.jpg", bytes: 10, width: 100, height: 80, takenAt: null, caption: "", credit: "", photographers: [], alt: "", uploadedById: editor.id };
    const first = await insertMedia(values);
    const second = await insertMedia({ ...values, fileName: "again.jpg" });
    expect(first.duplicate).toBe(false);
    expect(second).toEqual({ media: first.media, duplicate: true });
  });

  it("finds photos by words of the caption, credit or alt text, and by the day taken or uploaded", async () => {
    const river = await aPhoto({ by: editor, caption: "濑溪河两岸春色", credit: "记者 李四 摄", alt: "河岸" });
    const market = await aPhoto({ by: editor, caption: "夏布市场", credit: "通讯员 赵六 摄", alt: "市场里的摊位" });
    const ids = async (q: string, extra = {}) => (await listMedia({ q, ...extra })).items.map((i) => i.id);
    expect(await ids("濑溪河")).toEqual([river.id]);
    expect(await ids("赵六")).toEqual([market.id]);
    expect(await ids("摊位")).toEqual([market.id]);
    expect(await ids("春色 李四")).toEqual([river.id]);
    expect(await ids("100%")).toEqual([]);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect(await ids("夏布", { from: today, to: today })).toEqual([market.id]);
    expect(await ids("夏布", { to: "2020-01-01" })).toEqual([]);
  });

  it("saves caption, credit, alt text and focal point at the version the editor started from", async () => {
    const photo = await aPhoto({ by: editor, alt: "" });
    const details = { caption: "新说明", credit: "记者 张三 摄", photographers: ["张三"], alt: "会场", focalX: 0.2, focalY: 0.7 };
    const saved = await updateMediaDetails({ id: photo.id, baseVersion: photo.version, details, actor: editor, ip: null });
    expect(saved).toMatchObject({ ok: true, media: { ...details, version: photo.version + 1 } });
    const stale = await updateMediaDetails({ id: photo.id, baseVersion: photo.version, details: { ...details, alt: "别的" }, actor: editor, ip: null });
    expect(stale).toMatchObject({ ok: false, reason: "stale", stale: { version: photo.version + 1 } });
    expect(await updateMediaDetails({ id: 999_999, baseVersion: 1, details, actor: editor, ip: null })).toEqual({ ok: false, reason: "not_found" });
  });

  it("keeps the alt text of a photo a published story shows: emptying it is refused, naming the story; a draft's photo may lose it", async () => {
    const photo = await aPhoto({ by: editor, alt: "会场全景" });
    const draft = await anArticle({ author: editor, sectionId: section.id, title: "草稿用图", body: bodyWithPhotos(photo.id) });
    const details = { caption: "图为会场", credit: "", photographers: [], alt: " ", focalX: 0.5, focalY: 0.5 };
    const emptied = await updateMediaDetails({ id: photo.id, baseVersion: photo.version, details, actor: editor, ip: null });
    expect(emptied.ok).toBe(true);
    const restored = await updateMediaDetails({ id: photo.id, baseVersion: photo.version + 1, details: { ...details, alt: "会场全景" }, actor: editor, ip: null });
    if (!restored.ok) throw new Error("restore");
    const story = await publishedWith(photo.id);
    const refused = await updateMediaDetails({ id: photo.id, baseVersion: restored.media.version, details, actor: editor, ip: null });
    expect(refused).toEqual({ ok: false, reason: "alt_in_use", titles: [story.title] });
    expect((await getDb().select({ alt: media.alt }).from(media).where(eq(media.id, photo.id)))[0]?.alt).toBe("会场全景");
    // Other changes to it are fine.
    expect((await updateMediaDetails({ id: photo.id, baseVersion: restored.media.version, details: { ...details, alt: "会场全景，远处是主席台" }, actor: editor, ip: null })).ok).toBe(true);
    expect(draft.state).toBe("draft");
  });

  it("names the ids in a body that are no photo of the library", async () => {
    const photo = await aPhoto({ by: editor });
    expect(await missingMediaIds({ ids: [photo.id, 888_888, photo.id] })).toEqual([888_888]);
  });
});

describe("the processing queue", () => {
  it("hands each waiting photo to one taker, and takes it again once the lease has run out", async () => {
    await getDb().update(media).set({ status: "ready" }).where(eq(media.status, "processing"));
    const waiting = await aPhoto({ by: editor, ready: false });
    const now = new Date();
    const first = await claimMediaJob({ now, leaseMs: 60_000 });
    expect(first).toMatchObject({ id: waiting.id, attempts: 1 });
    expect(await claimMediaJob({ now, leaseMs: 60_000 })).toBeUndefined();
    const later = new Date(now.getTime() + 61_000);
    expect(await claimMediaJob({ now: later, leaseMs: 60_000 })).toMatchObject({ id: waiting.id, attempts: 2 });
    await failMediaJob({ id: waiting.id, failure: "does not decode" });
    expect(await claimMediaJob({ now: new Date(later.getTime() + 120_000), leaseMs: 60_000 })).toBeUndefined();
  });
});

describe("photos in articles", () => {
  it("records an article's ordered set of photos from its body at every save, and where each photo is used", async () => {
    const lead = await aPhoto({ by: editor });
    const other = await aPhoto({ by: editor });
    const article = await anArticle({ author: editor, body: bodyWithPhotos(lead.id, other.id) });
    expect((await listArticlePhotos({ articleId: article.id })).map((p) => [p.position, p.media.id, p.lead])).toEqual([
      [0, lead.id, true],
      [1, other.id, false],
    ]);
    expect(await listMediaUses({ mediaId: other.id })).toEqual([{ articleId: article.id, title: article.title, state: "draft", lead: false }]);
    const saved = await saveArticle({ id: article.id, baseVersion: article.version, changes: { body: paragraphs("不要图了。") }, note: null, actor: actorOf(editor), ip: null });
    expect(saved.ok).toBe(true);
    expect(await listArticlePhotos({ articleId: article.id })).toEqual([]);
    expect(await listMediaUses({ mediaId: other.id })).toEqual([]);
  });

  it("refuses to publish while a photo has no alt text or is still being processed, says which, and the issue lists it as a blocker", async () => {
    const undescribed = await aPhoto({ by: editor, alt: "" });
    const processing = await aPhoto({ by: editor, ready: false });
    const { issue, pages } = await anIssue({ pages: [1] });
    const article = await anArticle({ author: editor, sectionId: section.id, issueId: issue.id, pageId: pages[0]!.id, body: bodyWithPhotos(undescribed.id, processing.id) });
    const fine = await anArticle({ author: editor, sectionId: section.id, issueId: issue.id, pageId: pages[0]!.id, body: bodyWithPhotos((await aPhoto({ by: editor })).id) });
    expect((await listPagesWithArticles({ issueId: issue.id }))[0]!.articles.map((a) => [a.id, a.photosNotReady])).toEqual([
      [article.id, true],
      [fine.id, false],
    ]);
    const submitted = await step(article.id, article.version, "submit", editor);
    const approved = submitted.ok ? await step(article.id, submitted.article.version, "approve") : submitted;
    if (!approved.ok) throw new Error("approve");
    const refused = await step(article.id, approved.article.version, "publish");
    expect(refused).toMatchObject({ ok: false, reason: "refused", refusal: { code: "photos_not_ready" } });
    expect(refused.ok ? "" : "refusal" in refused ? refused.refusal.message : "").toContain(`#${undescribed.id} (no_alt), #${processing.id} (processing)`);
  });

  it("checks the photos of a published story's pending revision, not the published text's: a reviewed revision adding an undescribed photo is not published until the photo is described", async () => {
    const story = await publishedWith((await aPhoto({ by: editor })).id);
    const undescribed = await aPhoto({ by: editor, alt: "" });
    const revised: ArticleBody = { type: "doc", content: [...(story.body as ArticleBody).content, { type: "photo", attrs: { mediaId: undescribed.id, lead: false }, content: [{ type: "text", text: "新补的图" }] }] };
    const saved = await saveArticle({ id: story.id, baseVersion: story.version, changes: { body: revised }, note: null, actor: actorOf(editor), ip: null, reason: "补图。" });
    if (!saved.ok) throw new Error(`save: ${JSON.stringify(saved)}`);
    let v = workingVersion(saved.article, saved.revision);
    // A new photo is never a small correction: it goes through review.
    expect(await step(story.id, v, "publish_correction", editor)).toMatchObject({ ok: false, reason: "refused", refusal: { code: "correction_too_large" } });
    for (const [action, by] of [["submit", editor], ["approve", reviewer]] as const) {
      const done = await step(story.id, v, action, by);
      if (!done.ok) throw new Error(`${action}: ${JSON.stringify(done)}`);
      v = workingVersion(done.article, done.revision);
    }
    const refused = await step(story.id, v, "publish");
    expect(refused).toMatchObject({ ok: false, reason: "refused", refusal: { code: "photos_not_ready" } });
    expect(refused.ok ? "" : "refusal" in refused ? refused.refusal.message : "").toContain(`#${undescribed.id} (no_alt)`);
    // Described, the same revision goes out.
    await updateMediaDetails({ id: undescribed.id, baseVersion: undescribed.version, details: { caption: "新补的图", credit: "", photographers: [], alt: "新补的现场图", focalX: 0.5, focalY: 0.5 }, actor: editor, ip: null });
    expect(await step(story.id, v, "publish")).toMatchObject({ ok: true, article: { state: "published" } });
  });
});

describe("what readers get", () => {
  it("serves a photo's files to anyone only while a published article places it (the app and the server in front of it agree)", async () => {
    // scripts/serve.ts's own read-only connection, as it answers readers before Next.
    const front = env().DATABASE_URL ? openPostgresPublicMediaReader(env().DATABASE_URL as string) : openPublicMediaReader(env().DATABASE_PATH);
    const photo = await aPhoto({ by: editor });
    // Another story with another photo is published: its photo says nothing about this one.
    await publishedWith((await aPhoto({ by: editor })).id);
    const name = (await listPublicPhotos({ mediaIds: [photo.id] })).get(photo.id)!.renditions[0]!.url.slice("/media/".length);
    expect(await getMediaFile({ name })).toMatchObject({ mediaId: photo.id, public: false });
    expect(await front.publicFormat(name)).toBeUndefined();
    const article = await publishedWith(photo.id);
    expect((await getMediaFile({ name }))?.public).toBe(true);
    expect(await front.publicFormat(name)).toBe((await getMediaFile({ name }))?.format);
    const unpublished = await step(article.id, article.version, "unpublish");
    expect(unpublished.ok).toBe(true);
    expect((await getMediaFile({ name }))?.public).toBe(false);
    expect(await front.publicFormat(name)).toBeUndefined();
    expect(await getMediaFile({ name: "0".repeat(32) + ".jpg" })).toBeUndefined();
    expect(await front.publicFormat("0".repeat(32) + ".jpg")).toBeUndefined();
    await front.close();
  });

  it("shows only photos that are ready and described, with their files, and lists' lead photos", async () => {
    const ready = await aPhoto({ by: editor, credit: "  " });
    const undescribed = await aPhoto({ by: editor, alt: " " });
    const processing = await aPhoto({ by: editor, ready: false });
    const photos = await listPublicPhotos({ mediaIds: [ready.id, undescribed.id, processing.id] });
    expect([...photos.keys()]).toEqual([ready.id]);
    expect(photos.get(ready.id)).toMatchObject({ alt: "会场全景", credit: null, width: 4000, height: 3000 });
    expect(photos.get(ready.id)!.renditions).toHaveLength(9);
    const article = await publishedWith(ready.id);
    expect([...(await listLeadPhotos({ articleIds: [article.id] })).entries()].map(([a, p]) => [a, p.id])).toEqual([[article.id, ready.id]]);
  });

  it("changes the public generation when a photo a published story shows changes, and only then", async () => {
    const shown = await aPhoto({ by: editor });
    const unused = await aPhoto({ by: editor });
    await publishedWith(shown.id);
    const edit = async (photo: typeof shown, alt: string) => {
      const current = (await getDb().select().from(media).where(eq(media.id, photo.id)))[0]!;
      const details = { caption: current.caption, credit: current.credit, photographers: current.photographers, alt, focalX: current.focalX, focalY: current.focalY };
      expect((await updateMediaDetails({ id: photo.id, baseVersion: current.version, details, actor: editor, ip: null })).ok).toBe(true);
    };
    let before = await token();
    await edit(unused, "没用上的图");
    expect(await token()).toBe(before);
    await edit(shown, "新的替代文字");
    expect(await token()).not.toBe(before);
    before = await token();
    await getDb().update(media).set({ caption: "只是图片库的说明" }).where(eq(media.id, shown.id));
    expect(await token(), "the library's own caption is not shown to readers").toBe(before);
  });
});
