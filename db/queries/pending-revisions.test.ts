import { removeTemporaryDatabase } from "@/db/testing/temporary-database";
import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { actorOf, anArticle, aSection, aUser, paragraphs } from "@/db/testing/builders";
import { articleRevisions, auditLog, pendingRevisions, publicGeneration } from "@/db/schema";
import { saveArticle, transitionArticle, type WriteOutcome } from "./article-workflow";
import { getArticleById } from "./articles";
import { getPendingRevision, workingVersion } from "./pending-revisions";
import { firstRow } from "@/db/raw";
import { searchPublishedArticles } from "./public/search";

afterAll(removeTemporaryDatabase);

/*
 * A published story is changed on a pending revision (issue 16, finding 4): readers, search and
 * the public page cache's generation token see nothing of it until it is published, as a small
 * correction with its reason or after the section's review.
 */

const editor = await aUser({ role: "editor", name: "张编辑" });
const editor2 = await aUser({ role: "editor", name: "李编辑" });
const reviewer = await aUser({ role: "reviewer", name: "王审稿" });
const reviewer2 = await aUser({ role: "reviewer", name: "赵审稿" });

const TEXT = ["区图书馆自下月起延长开放时间，工作日开放至晚上九点，周末开放至晚上八点。", "据了解，区图书馆现有藏书三十五万册，去年接待读者四十二万人次，举办阅读推广活动一百六十场。"];
const FIRST_PUBLISHED = new Date("2024-03-08T01:00:00Z");

async function publishedStory(approvalsRequired = 1) {
  const section = await aSection({ approvalsRequired });
  return await anArticle({
    author: editor,
    title: "区图书馆延长开放时间",
    body: paragraphs(...TEXT),
    sectionId: section.id,
    state: "published",
    publishedAt: FIRST_PUBLISHED,
    firstPublishedAt: FIRST_PUBLISHED,
  });
}

const token = async () => firstRow(await getDb().select({ token: publicGeneration.token }).from(publicGeneration))!.token;
const searchFinds = async (term: string) => (await searchPublishedArticles({ q: term, page: 1, pageSize: 50 })).items.map((hit) => hit.id);
const revisionsOf = async (articleId: number) => (await getDb().select().from(articleRevisions).where(eq(articleRevisions.articleId, articleId)).orderBy(articleRevisions.version));
const audits = async (articleId: number, action: string) =>
  (await getDb().select().from(auditLog).where(and(eq(auditLog.targetType, "article"), eq(auditLog.targetId, String(articleId)), eq(auditLog.action, action))));

function versionOf(outcome: WriteOutcome): number {
  if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome)}`);
  return workingVersion(outcome.article, outcome.revision);
}

async function edit(id: number, baseVersion: number, texts: string[], { by = editor, reason }: { by?: typeof editor; reason?: string | null } = {}) {
  return await saveArticle({ id, baseVersion, changes: { title: "区图书馆延长开放时间", body: paragraphs(...texts) }, reason, note: null, actor: actorOf(by), ip: null });
}

async function step(id: number, baseVersion: number, action: Parameters<typeof transitionArticle>[0]["action"], by: typeof editor, extra: { comment?: string; reason?: string } = {}) {
  return await transitionArticle({ id, baseVersion, action, actor: actorOf(by), ip: null, ...extra });
}

describe("a save on a published story", () => {
  it("goes into a pending revision: the article row, its history, search and the public generation token stay as they were", async () => {
    const story = await publishedStory();
    const before = { token: await token(), row: await getArticleById({ id: story.id }) };
    const outcome = await edit(story.id, story.version, [...TEXT, "此外，图书馆将开设夜间自习室。"]);
    expect(outcome).toMatchObject({ ok: true, article: { id: story.id, version: story.version }, revision: { state: "draft", startedById: editor.id }, changedState: true });
    expect(await getArticleById({ id: story.id })).toEqual(before.row);
    expect(await revisionsOf(story.id)).toHaveLength(1);
    expect(await token()).toBe(before.token);
    expect(await searchFinds("夜间自习室")).not.toContain(story.id);
    expect((await audits(story.id, "article.save"))[0]?.detail).toMatchObject({ revision: true, from: null, to: "draft" });

    // Autosaves go on into the same revision, each checked against the working version.
    const again = await edit(story.id, versionOf(outcome), [...TEXT, "此外，图书馆将开设夜间自习室，每晚一百个座位。"], { reason: "补充夜间安排。" });
    expect(again).toMatchObject({ ok: true, revision: { reason: "补充夜间安排。" }, changedState: false });
    expect(await edit(story.id, versionOf(outcome), TEXT, { by: editor2 })).toMatchObject({ ok: false, reason: "stale", stale: { savedByName: "张编辑", version: versionOf(again) } });
    expect(await token()).toBe(before.token);
  });
});

describe("concurrent saves of a published story (on PostgreSQL from separate connections)", () => {
  it("of eight first saves at once, exactly one opens the pending revision; the others are told stale", async () => {
    const story = await publishedStory();
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, async (_, i) => await edit(story.id, story.version, [...TEXT, `第${i}位编辑补充的一句。`], { by: i % 2 ? editor2 : editor })),
    );
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.filter((o) => !o.ok).every((o) => !o.ok && o.reason === "stale")).toBe(true);
    expect(await getDb().select().from(pendingRevisions).where(eq(pendingRevisions.articleId, story.id))).toHaveLength(1);
    expect(await audits(story.id, "article.save")).toHaveLength(1);
  });

  it("a save and a submission of the same revision at once: one of them is turned away, nothing is half-written", async () => {
    const story = await publishedStory(2);
    // With its reason given, so that the submission is in order whichever of the two comes first
    // (without one, a submission that came first was refused for the missing reason, not raced).
    const opened = versionOf(await edit(story.id, story.version, [...TEXT, "此外，图书馆将开设夜间自习室。"], { reason: "补充夜间安排。" }));
    const [saved, submitted] = await Promise.all([
      edit(story.id, opened, [...TEXT, "此外，图书馆将开设夜间自习室，每晚一百个座位。"], { by: editor2 }),
      step(story.id, opened, "submit", editor),
    ]);
    expect([saved.ok, submitted.ok].filter(Boolean)).toHaveLength(1);
    // After the save the submission's version is stale; after the submission the save may be stale
    // or refused (a revision in review is not the editor's to change).
    const loser = saved.ok ? submitted : saved;
    expect(loser.ok).toBe(false);
    expect(["stale", "refused"]).toContain(!loser.ok && loser.reason);
    if (saved.ok) expect(loser).toMatchObject({ reason: "stale" });
    const winner = saved.ok ? saved : submitted;
    expect(await getPendingRevision({ articleId: story.id })).toMatchObject({ version: versionOf(winner) });
  });
});

describe("publishing a pending revision", () => {
  it("publishes a small correction at once with its reason: the text, search, the 更正 note and a history row; the first publication time stays", async () => {
    const story = await publishedStory(3);
    const tokenBefore = await token();
    const fixed = TEXT.map((t) => t.replace("三十五万册", "三十八万册"));
    let v = versionOf(await edit(story.id, story.version, fixed));
    expect(await step(story.id, v, "publish_correction", editor)).toMatchObject({ ok: false, refusal: { code: "change_reason_required" } });
    v = versionOf(await edit(story.id, v, fixed, { reason: "藏书数量原稿有误。" }));
    const outcome = await step(story.id, v, "publish_correction", editor);
    expect(outcome).toMatchObject({ ok: true, revision: null });
    const stored = (await getArticleById({ id: story.id }))!;
    expect(stored).toMatchObject({ state: "published", publishedAt: FIRST_PUBLISHED, firstPublishedAt: FIRST_PUBLISHED, version: v + 1 });
    expect(stored.bodyText).toContain("三十八万册");
    expect(stored.correction).toMatch(/^\d{4}-\d{2}-\d{2}：藏书数量原稿有误。$/);
    expect(await getPendingRevision({ articleId: story.id })).toBeUndefined();
    expect((await revisionsOf(story.id)).map((r) => [r.version, r.kind, r.note])).toEqual([
      [1, "create", null],
      [v + 1, "correction", "藏书数量原稿有误。"],
    ]);
    expect(await token()).not.toBe(tokenBefore);
    expect(await searchFinds("三十八万册")).toContain(story.id);
    expect((await audits(story.id, "article.publish_correction"))[0]?.detail).toMatchObject({ revision: true, to: "published", publicNote: true });
  });

  it("sends anything bigger through the section's review; the published text stays up until the approved revision is published", async () => {
    const story = await publishedStory(2);
    const added = [...TEXT, "此外，图书馆将在三楼开设夜间自习室，试点期间免费预约，每晚提供一百个座位，并配备饮水和充电设施。"];
    let v = versionOf(await edit(story.id, story.version, added, { reason: "补充夜间自习室安排。" }));
    expect(await step(story.id, v, "publish_correction", editor)).toMatchObject({ ok: false, refusal: { code: "correction_too_large" } });
    const tokenBefore = await token();
    v = versionOf(await step(story.id, v, "submit", editor));
    expect(await step(story.id, v, "approve", editor)).toMatchObject({ ok: false, refusal: { code: "role" } });
    v = versionOf(await step(story.id, v, "approve", reviewer));
    expect(await getPendingRevision({ articleId: story.id })).toMatchObject({ state: "in_review" });
    v = versionOf(await step(story.id, v, "approve", reviewer2));
    expect(await getPendingRevision({ articleId: story.id })).toMatchObject({ state: "approved" });
    expect((await getArticleById({ id: story.id }))?.bodyText).not.toContain("夜间自习室");
    expect(await token()).toBe(tokenBefore);
    expect(await step(story.id, v, "publish", reviewer)).toMatchObject({ ok: true, article: { state: "published" }, revision: null });
    expect(await getArticleById({ id: story.id })).toMatchObject({ publishedAt: FIRST_PUBLISHED, correction: expect.stringContaining("补充夜间自习室安排。") });
    expect(await searchFinds("夜间自习室")).toContain(story.id);
    expect(await token()).not.toBe(tokenBefore);
  });

  it("is barred to whoever began the revision, and its approvals belong to its own round", async () => {
    const story = await publishedStory(1);
    let v = versionOf(await edit(story.id, story.version, [...TEXT, "新增一段较长的说明文字，超过小更正的范围，需要审核。新增一段较长的说明文字。"], { by: editor2, reason: "补充。" }));
    v = versionOf(await step(story.id, v, "submit", editor2));
    expect(await step(story.id, v, "approve", { ...editor2, role: "admin" } as typeof editor)).toMatchObject({ ok: false, refusal: { code: "self_approval" } });
    expect(await step(story.id, v, "approve", reviewer)).toMatchObject({ ok: true, revision: { state: "approved" } });
  });

  it("publishes a punctuation-only fix without a public note", async () => {
    const story = await publishedStory();
    const v = versionOf(await edit(story.id, story.version, TEXT.map((t) => t.replace("九点，", "九点；")), { reason: "标点。" }));
    expect((await step(story.id, v, "publish_correction", editor)).ok).toBe(true);
    expect((await getArticleById({ id: story.id }))?.correction).toBeNull();
    expect((await revisionsOf(story.id)).at(-1)).toMatchObject({ kind: "correction", note: "标点。" });
  });

  it("discards a revision: gone, the story untouched, an editor's open copy is stale", async () => {
    const story = await publishedStory();
    const v = versionOf(await edit(story.id, story.version, [...TEXT, "不要了。"]));
    const before = await getArticleById({ id: story.id });
    expect(await step(story.id, v, "discard_revision", editor)).toMatchObject({ ok: true, revision: null });
    expect(await getPendingRevision({ articleId: story.id })).toBeUndefined();
    expect(await getArticleById({ id: story.id })).toEqual(before);
    expect(await edit(story.id, v, [...TEXT, "再改。"])).toMatchObject({ ok: false, reason: "stale" });
  });
});

describe("other ways into a published story take the same path", () => {
  it("restoring an old revision makes a pending revision, not a published change", async () => {
    const story = await publishedStory();
    const v = versionOf(await edit(story.id, story.version, TEXT.map((t) => t.replace("三十五万册", "三十八万册")), { reason: "更正。" }));
    versionOf(await step(story.id, v, "publish_correction", editor));
    const current = (await getArticleById({ id: story.id }))!;
    const first = (await revisionsOf(story.id))[0]!.snapshot;
    const outcome = await saveArticle({ id: story.id, baseVersion: current.version, changes: first, kind: "restore", note: "恢复自 v1", actor: actorOf(editor), ip: null });
    expect(outcome).toMatchObject({ ok: true, revision: { state: "draft" } });
    expect(await getArticleById({ id: story.id })).toEqual(current);
    expect((await audits(story.id, "article.restore"))[0]?.detail).toMatchObject({ revision: true });
  });

  it("unpublishing keeps the revision pending; reopening takes it into the draft, to be reviewed with it", async () => {
    const story = await publishedStory();
    let v = versionOf(await edit(story.id, story.version, [...TEXT, "撤下前写的修改。"], { reason: "补充。" }));
    v = versionOf(await step(story.id, v, "unpublish", reviewer, { reason: "核实中" }));
    expect(await getPendingRevision({ articleId: story.id })).toMatchObject({ state: "draft" });
    expect(await edit(story.id, v, TEXT)).toMatchObject({ ok: false, reason: "refused", refusal: { code: "not_allowed_from_state" } });
    const reopened = await step(story.id, v, "reopen", editor);
    expect(reopened).toMatchObject({ ok: true, article: { state: "draft" }, revision: null });
    expect((await getArticleById({ id: story.id }))?.bodyText).toContain("撤下前写的修改。");
    expect(await getPendingRevision({ articleId: story.id })).toBeUndefined();
    expect((await getDb().select().from(pendingRevisions).where(eq(pendingRevisions.articleId, story.id)))).toEqual([]);
  });
});
