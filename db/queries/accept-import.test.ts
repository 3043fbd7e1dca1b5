import { removeTemporaryDatabase } from "@/db/testing/temporary-database";
import { and, asc, count, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { actorOf, anImport, aSection, aUser } from "@/db/testing/builders";
import { articleRevisions, articles, auditLog, importWork, importWorkRevisions, imports, type Import } from "@/db/schema";
import { proposalOf } from "@/lib/desk/import-text";
import { acceptedArticles, articlesOf, workbenchStatus, type WorkbenchDoc } from "@/lib/workbench";
import { acceptImportWork } from "./accept-import";
import { transitionArticle } from "./article-workflow";
import { getImportWork, saveImportWork } from "./import-work";
import { getIssueByDate } from "./issues";
import { getPendingRevision } from "./pending-revisions";
import { firstRow } from "@/db/raw";

afterAll(removeTemporaryDatabase);

const editor = await aUser({ role: "editor" });
const reviewer = await aUser({ role: "reviewer" });
const news = await aSection({ name: "要闻" });

async function accept(item: Import, { confirmed = [] as number[], skipHeld = false } = {}) {
  const work = (await getImportWork({ importId: item.id }))!;
  return await acceptImportWork({
    importId: item.id,
    baseVersion: work.version,
    accepted: acceptedArticles(work.doc),
    masthead: proposalOf(item).masthead,
    person: actorOf(editor),
    confirmed: new Set(confirmed),
    skipHeld,
  });
}

async function articlesOfImport(importId: number) {
  return (await getDb().select().from(articles).where(eq(articles.importId, importId)).orderBy(asc(articles.position)));
}

/** The working state with the title of article `index` rewritten, saved as the editor would. */
async function retitle(item: Import, changes: Record<number, string>) {
  const work = (await getImportWork({ importId: item.id }))!;
  const doc = structuredClone(work.doc) as WorkbenchDoc;
  articlesOf(doc).forEach((article, index) => {
    const title = changes[index];
    if (title === undefined) return;
    const block = article.content.find((b) => b.attrs.role === "title")!;
    block.content = [{ type: "text", text: title }];
  });
  const saved = await saveImportWork({ importId: item.id, baseVersion: work.version, doc, userId: editor.id });
  if (!saved.ok) throw new Error("save failed");
}

describe("acceptImportWork", () => {
  it("turns the working state into the issue, its page and one draft per article, each with its import revision, in print order", async () => {
    const { item, work } = await anImport({ by: editor, issueDate: "2024-03-08" });
    const expected = acceptedArticles(work.doc);
    const outcome = await accept(item);
    expect(outcome).toMatchObject({ ok: true, issueDate: "2024-03-08", pageNumber: 1, created: expected.length, updated: 0, removed: 0 });

    const issue = (await getIssueByDate({ date: "2024-03-08" }))!;
    expect(issue).toMatchObject({ paper: "荣昌报", totalIssueNo: 273 });
    const stored = await articlesOfImport(item.id);
    expect(stored.map((a) => [a.position, a.importKey, a.title, a.state, a.issueId, a.sectionId])).toEqual(
      expected.map((a, i) => [i, a.key, a.title ?? "", "draft", issue.id, news.id]),
    );
    for (const a of stored) {
      const revs = (await getDb().select().from(articleRevisions).where(eq(articleRevisions.articleId, a.id)));
      expect(revs.map((r) => [r.version, r.kind, r.note])).toEqual([[1, "import", `import #${item.id}`]]);
    }
    expect(firstRow(await getDb().select().from(imports).where(eq(imports.id, item.id)))?.status).toBe("accepted");
    // The doubts still open were confirmed by accepting: a new version without them, the old one kept.
    const after = firstRow(await getDb().select().from(importWork).where(eq(importWork.importId, item.id)))!;
    expect(outcome).toMatchObject({ version: work.version + 1 });
    expect(after).toMatchObject({ version: work.version + 1, acceptedVersion: work.version + 1 });
    expect(workbenchStatus(after.doc).doubts).toBe(0);
    expect(outcome.ok && outcome.confirmed).toBe(workbenchStatus(work.doc).doubts);
    expect((await getDb().select().from(importWorkRevisions).where(eq(importWorkRevisions.importId, item.id))).map((r) => [r.version, r.reason])).toEqual([
      [work.version, "accept"],
    ]);
    const audits = firstRow(await getDb().select({ n: count() }).from(auditLog).where(and(eq(auditLog.action, "import.accept"), eq(auditLog.targetId, String(item.id)))));
    expect(audits?.n).toBe(1);
  });

  it("refuses a working state someone saved since, and writes nothing", async () => {
    const { item, work } = await anImport({ by: editor, issueDate: "2024-03-12" });
    await retitle(item, { 0: "别人改过的标题" });
    const outcome = await acceptImportWork({
      importId: item.id,
      baseVersion: work.version,
      accepted: acceptedArticles(work.doc),
      masthead: proposalOf(item).masthead,
      person: actorOf(editor),
      confirmed: new Set(),
      skipHeld: false,
    });
    expect(outcome).toEqual({ ok: false, reason: "stale", version: work.version + 1 });
    expect(await getIssueByDate({ date: "2024-03-12" })).toBeUndefined();
    expect(await articlesOfImport(item.id)).toEqual([]);
  });

  it("needs the issue date and page from the masthead", async () => {
    const { item } = await anImport({ by: editor, issueDate: null });
    expect(await accept(item)).toEqual({ ok: false, reason: "masthead" });
    expect(await articlesOfImport(item.id)).toEqual([]);
  });

  it("accepting again updates drafts, holds an article that moved on in review until confirmed, and changes nothing held without it", async () => {
    const { item } = await anImport({ by: editor, issueDate: "2024-03-15" });
    expect((await accept(item)).ok).toBe(true);
    const [first, second] = await articlesOfImport(item.id);
    // The first story goes through review and is approved.
    const submitted = await transitionArticle({ id: first!.id, baseVersion: first!.version, action: "submit", actor: actorOf(editor), ip: null });
    expect(submitted.ok && (await transitionArticle({ id: first!.id, baseVersion: submitted.article.version, action: "approve", actor: actorOf(reviewer), ip: null })).ok).toBe(true);
    const approved = (await articlesOfImport(item.id))[0]!;

    await retitle(item, { 0: "审过的稿子改了标题", 1: "草稿改了标题" });
    const held = await accept(item);
    expect(held).toMatchObject({ ok: false, reason: "held", plan: { held: [{ id: first!.id, state: "approved", changed: ["title"] }] } });
    expect((await articlesOfImport(item.id)).slice(0, 2)).toEqual([approved, second]);

    const skipping = await accept(item, { skipHeld: true });
    expect(skipping).toMatchObject({ ok: true, updated: 1 });
    const [keptApproved, updatedDraft] = await articlesOfImport(item.id);
    expect(keptApproved).toEqual(approved);
    expect(updatedDraft).toMatchObject({ title: "草稿改了标题", state: "draft", version: second!.version + 1 });

    const confirmed = await accept(item, { confirmed: [first!.id] });
    expect(confirmed).toMatchObject({ ok: true, updated: 1 });
    // Re-accepting is an edit like any other: the approved story goes back to review.
    expect((await articlesOfImport(item.id))[0]).toMatchObject({ title: "审过的稿子改了标题", state: "in_review" });
  });

  it("re-accepting into a published story, confirmed, makes its pending revision: readers keep the published text", async () => {
    const { item } = await anImport({ by: editor, issueDate: "2024-03-22" });
    expect((await accept(item)).ok).toBe(true);
    const [first] = await articlesOfImport(item.id);
    let version = first!.version;
    for (const [action, by] of [
      ["submit", editor],
      ["approve", reviewer],
      ["publish", reviewer],
    ] as const) {
      const outcome = await transitionArticle({ id: first!.id, baseVersion: version, action, actor: actorOf(by), ip: null });
      if (!outcome.ok) throw new Error(`${action} failed`);
      version = outcome.article.version;
    }
    const published = (await articlesOfImport(item.id))[0]!;

    await retitle(item, { 0: "已发布稿件重新接受后的标题" });
    expect(await accept(item)).toMatchObject({ ok: false, reason: "held", plan: { held: [{ id: first!.id, state: "published" }] } });
    expect(await accept(item, { confirmed: [first!.id] })).toMatchObject({ ok: true, updated: 1 });
    expect((await articlesOfImport(item.id))[0]).toEqual(published);
    expect(await getPendingRevision({ articleId: first!.id })).toMatchObject({ state: "draft", startedById: editor.id, changes: { title: "已发布稿件重新接受后的标题" } });
  });

  it("removes a draft nobody edited once its article is gone from the working state", async () => {
    const { item } = await anImport({ by: editor, issueDate: "2024-03-19" });
    expect((await accept(item)).ok).toBe(true);
    const before = await articlesOfImport(item.id);
    const work = (await getImportWork({ importId: item.id }))!;
    const doc = structuredClone(work.doc) as WorkbenchDoc;
    const lastArticle = doc.content.findLastIndex((n) => n.type === "article");
    // Its blocks go to the bin, so no character is lost.
    const [gone] = doc.content.splice(lastArticle, 1);
    const bin = doc.content.find((n) => n.type === "bin")!;
    bin.content = [...(bin.content ?? []), ...(gone?.type === "article" ? gone.content : [])];
    expect((await saveImportWork({ importId: item.id, baseVersion: work.version, doc, userId: editor.id })).ok).toBe(true);
    expect(await accept(item)).toMatchObject({ ok: true, removed: 1 });
    expect((await articlesOfImport(item.id)).map((a) => a.id)).toEqual(before.slice(0, -1).map((a) => a.id));
  });
});
