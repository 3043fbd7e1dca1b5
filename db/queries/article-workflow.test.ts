import { removeTemporaryDatabase } from "@/db/testing/temporary-database";
import { and, count, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { refuseAuditWrites } from "@/db/testing/faults";
import { actorOf, anArticle, anIssue, aSection, aUser, paragraphs } from "@/db/testing/builders";
import { articleApprovals, articleRevisions, articles, auditLog, type Article } from "@/db/schema";
import { publishArticles, publishDueArticles, saveArticle, transitionArticle } from "./article-workflow";
import { getArticleById } from "./articles";
import { firstRow } from "@/db/raw";

afterAll(removeTemporaryDatabase);

const editor = await aUser({ role: "editor", name: "张编辑" });
const otherEditor = await aUser({ role: "editor", name: "李编辑" });
const reviewer = await aUser({ role: "reviewer", name: "王审稿" });

async function revisions(articleId: number) {
  return (await getDb().select().from(articleRevisions).where(eq(articleRevisions.articleId, articleId)).orderBy(articleRevisions.version));
}

async function auditCount(action: string, articleId: number): Promise<number> {
  return (
    firstRow(await getDb()
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.targetType, "article"), eq(auditLog.targetId, String(articleId)))))?.n ?? 0
  );
}

async function save(id: number, baseVersion: number, title: string, by = editor) {
  return await saveArticle({ id, baseVersion, changes: { title, body: paragraphs(`${title}的新正文。`) }, note: null, actor: actorOf(by), ip: "10.0.0.1" });
}

/** Submitted by the editor and approved by the reviewer, through the workflow itself. */
async function approvedArticle(sectionId: number) {
  const article = await anArticle({ author: editor, sectionId });
  const submitted = await transitionArticle({ id: article.id, baseVersion: article.version, action: "submit", actor: actorOf(editor), ip: null });
  if (!submitted.ok) throw new Error("submit failed");
  const approved = await transitionArticle({ id: article.id, baseVersion: submitted.article.version, action: "approve", actor: actorOf(reviewer), ip: null });
  if (!approved.ok) throw new Error("approve failed");
  return approved.article;
}

describe("saveArticle: a save that checks the version", () => {
  it("writes the change, its revision and its audit row at the version it started from", async () => {
    const article = await anArticle({ author: editor, title: "初稿" });
    const outcome = await save(article.id, article.version, "改过的标题");
    expect(outcome.ok).toBe(true);
    const stored = (await getArticleById({ id: article.id }))!;
    expect(stored).toMatchObject({ version: article.version + 1, title: "改过的标题", bodyText: "改过的标题的新正文。", lastEditedById: editor.id });
    expect((await revisions(article.id)).map((r) => [r.version, r.kind, r.snapshot.title])).toEqual([
      [1, "create", "初稿"],
      [2, "save", "改过的标题"],
    ]);
    expect(await auditCount("article.save", article.id)).toBe(1);
  });

  it("refuses a stale save with who saved last and when, and writes nothing", async () => {
    const article = await anArticle({ author: editor });
    expect((await save(article.id, article.version, "李的版本", otherEditor)).ok).toBe(true);
    const before = (await getArticleById({ id: article.id }))!;
    const outcome = await save(article.id, article.version, "张的版本");
    expect(outcome).toEqual({ ok: false, reason: "stale", stale: { version: before.version, savedByName: "李编辑", savedAt: before.updatedAt } });
    expect(await getArticleById({ id: article.id })).toEqual(before);
    expect(await revisions(article.id)).toHaveLength(2);
    expect(await auditCount("article.save", article.id)).toBe(1);
  });

  it("lets two saves from the same version race: exactly one wins", async () => {
    const article = await anArticle({ author: editor });
    const results = [await save(article.id, article.version, "甲"), await save(article.id, article.version, "乙", otherEditor)];
    expect(results.map((r) => r.ok)).toEqual([true, false]);
    expect(await getArticleById({ id: article.id })).toMatchObject({ title: "甲", version: article.version + 1 });
  });

  it("asks the workflow first: a reviewer may not edit a draft, and nothing is written", async () => {
    const article = await anArticle({ author: editor });
    const outcome = await save(article.id, article.version, "审稿人改的", reviewer);
    expect(outcome).toMatchObject({ ok: false, reason: "refused", refusal: { code: "role" } });
    expect((await getArticleById({ id: article.id }))?.version).toBe(article.version);
    expect(await revisions(article.id)).toHaveLength(1);
  });

  it("an edit of an approved article starts a new review round: approvals void, the editor barred from approving", async () => {
    const section = await aSection();
    const article = await approvedArticle(section.id);
    expect(article.state).toBe("approved");
    const outcome = await save(article.id, article.version, "发布前的修改");
    expect(outcome).toMatchObject({ ok: true, article: { state: "in_review", editorsSinceSubmit: [editor.id] } });
    const stored = (await getArticleById({ id: article.id }))!;
    const round = (await getDb().select().from(articleApprovals).where(and(eq(articleApprovals.articleId, article.id), eq(articleApprovals.round, stored.submittedAt!))));
    expect(round).toEqual([]);
  });

  it("commits the save, its revision and its audit row together or not at all", async () => {
    const article = await anArticle({ author: editor });
    // The audit row cannot be written: the whole save must roll back with it.
    const allowAudit = await refuseAuditWrites();
    try {
      // drizzle wraps the driver's error; the trigger's message is its cause.
      await expect(save(article.id, article.version, "不会留下")).rejects.toMatchObject({ cause: { message: "audit refused" } });
    } finally {
      await allowAudit();
    }
    expect(await getArticleById({ id: article.id })).toMatchObject({ version: article.version, title: article.title });
    expect(await revisions(article.id)).toHaveLength(1);
  });

  it("answers not_found for an unknown article", async () => {
    expect(await save(999_999, 1, "无")).toEqual({ ok: false, reason: "not_found" });
  });
});

describe("concurrent saves (on PostgreSQL from separate connections)", () => {
  it("of twelve saves from one version at once, exactly one wins; the others are told stale and write nothing", async () => {
    const article = await anArticle({ author: editor });
    const results = await Promise.all(Array.from({ length: 12 }, async (_, i) => await save(article.id, article.version, `并发${i}`, i % 2 ? otherEditor : editor)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === "stale")).toBe(true);
    expect(await getArticleById({ id: article.id })).toMatchObject({ version: article.version + 1 });
    expect(await revisions(article.id)).toHaveLength(2);
    expect(await auditCount("article.save", article.id)).toBe(1);
  });

  it("loses no update: four editors saving in turn from the version they last saw, all at once", async () => {
    const article = await anArticle({ author: editor });
    let acknowledged = 0;
    await Promise.all(
      [editor, otherEditor, editor, otherEditor].map(async (by, who) => {
        for (let n = 0; n < 6; n++) {
          const current = (await getArticleById({ id: article.id }))!;
          const outcome = await save(article.id, current.version, `编辑${who}第${n}次`, by);
          if (outcome.ok) acknowledged += 1;
        }
      }),
    );
    const stored = (await getArticleById({ id: article.id }))!;
    // Every acknowledged save made exactly one version with its revision and audit row.
    expect(stored.version).toBe(article.version + acknowledged);
    expect(await revisions(article.id)).toHaveLength(1 + acknowledged);
    expect(await auditCount("article.save", article.id)).toBe(acknowledged);
    expect(acknowledged).toBeGreaterThan(0);
  });

  it("the scheduled-publish clock publishes a due article once even when two clocks tick at once", async () => {
    const section = await aSection();
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) {
      const approved = await approvedArticle(section.id);
      const scheduled = await transitionArticle({ id: approved.id, baseVersion: approved.version, action: "schedule", actor: actorOf(reviewer), ip: null, publishAt: new Date(Date.now() + 60_000) });
      expect(scheduled.ok).toBe(true);
      ids.push(approved.id);
    }
    const later = new Date(Date.now() + 120_000);
    const ticks = await Promise.all([publishDueArticles(later), publishDueArticles(later), publishDueArticles(later)]);
    expect(ticks.reduce((a, b) => a + b, 0)).toBe(3);
    for (const id of ids) {
      expect((await getArticleById({ id }))?.state).toBe("published");
      expect(await auditCount("article.publish_scheduled", id)).toBe(1);
    }
  });
});

describe("publishArticles: publish issue, all or none", () => {
  async function issueOf(states: ("approved" | "draft" | "published")[]) {
    const section = await aSection();
    const { issue, pages } = await anIssue();
    const list: Article[] = [];
    for (const [position, state] of states.entries()) {
      const article = state === "draft" ? await anArticle({ author: editor, sectionId: section.id }) : await approvedArticle(section.id);
      await getDb().update(articles).set({ issueId: issue.id, pageId: pages[0]!.id, position }).where(eq(articles.id, article.id));
      if (state === "published") {
        const current = (await getArticleById({ id: article.id }))!;
        const published = await transitionArticle({ id: article.id, baseVersion: current.version, action: "publish", actor: actorOf(reviewer), ip: null });
        if (!published.ok) throw new Error("publish failed");
      }
      list.push((await getArticleById({ id: article.id }))!);
    }
    return list;
  }

  it("publishes every approved article of the issue, each with its audit row, skipping those already published", async () => {
    const list = await issueOf(["approved", "published", "approved"]);
    const result = await publishArticles({ ids: list.map((a) => a.id), actor: actorOf(reviewer), ip: null });
    expect(result).toEqual({ ok: true, published: 2 });
    for (const a of list) {
      expect((await getArticleById({ id: a.id }))?.state).toBe("published");
      expect(await auditCount("article.publish", a.id)).toBe(1);
    }
  });

  it("publishes nothing when one article cannot be published, and names it", async () => {
    const list = await issueOf(["approved", "draft", "approved"]);
    const result = await publishArticles({ ids: list.map((a) => a.id), actor: actorOf(reviewer), ip: null });
    expect(result).toMatchObject({ ok: false, id: list[1]!.id, outcome: { reason: "refused" } });
    for (const a of list) {
      expect(await getArticleById({ id: a.id })).toEqual(a);
      expect(await auditCount("article.publish", a.id)).toBe(0);
    }
  });

  it("publishes nothing when the person may not publish", async () => {
    const list = await issueOf(["approved", "approved"]);
    const result = await publishArticles({ ids: list.map((a) => a.id), actor: actorOf(editor), ip: null });
    expect(result).toMatchObject({ ok: false, id: list[0]!.id, outcome: { reason: "refused", refusal: { code: "role" } } });
    const states = [];
    for (const a of list) states.push((await getArticleById({ id: a.id }))?.state);
    expect(states).toEqual(["approved", "approved"]);
  });
});

describe("blank-looking stories go nowhere", () => {
  it("refuses to submit a title of zero-width characters or an empty body, and writes nothing", async () => {
    const invisible = await anArticle({ author: editor, title: "\u200B\u200D\u2060", text: "有正文。" });
    expect(await transitionArticle({ id: invisible.id, baseVersion: invisible.version, action: "submit", actor: actorOf(editor), ip: null })).toMatchObject({
      ok: false,
      reason: "refused",
      refusal: { code: "title_blank" },
    });
    expect(await getArticleById({ id: invisible.id })).toEqual(invisible);

    const empty = await anArticle({ author: editor, title: "有标题", body: { type: "doc", content: [{ type: "paragraph" }] } });
    expect(await transitionArticle({ id: empty.id, baseVersion: empty.version, action: "submit", actor: actorOf(editor), ip: null })).toMatchObject({
      ok: false,
      refusal: { code: "body_empty" },
    });
    expect(await auditCount("article.submit", empty.id)).toBe(0);
  });

  it("refuses to approve or publish one that got into review with a blank-looking title", async () => {
    const section = await aSection({ approvalsRequired: 1 });
    const article = await approvedArticle(section.id);
    await getDb().update(articles).set({ title: "\u3164\u2800" }).where(eq(articles.id, article.id));
    const outcome = await transitionArticle({ id: article.id, baseVersion: article.version, action: "publish", actor: actorOf(reviewer), ip: null });
    expect(outcome).toMatchObject({ ok: false, refusal: { code: "title_blank" } });
    expect((await getArticleById({ id: article.id }))?.state).toBe("approved");
  });
});
