import { removeTemporaryDatabase } from "@/db/testing/temporary-database";
import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { anArticle, anIssue, aUser } from "@/db/testing/builders";
import { articles, auditLog, issues, pages } from "@/db/schema";
import { getArticleById } from "./articles";
import { getPrintPlacement, listPagesWithArticles, placeArticle } from "./issues";
import { firstRow } from "@/db/raw";

afterAll(removeTemporaryDatabase);

const editor = await aUser({ role: "editor" });
const actor = { id: editor.id, email: editor.email };
const place = async (articleId: number, issueDate: string, pageNumber: number, position: number | null = null, pageName: string | null = null) =>
  await placeArticle({ articleId, placement: { issueDate, pageNumber, pageName, position }, actor, ip: null });
const titlesOn = async (date: string, page: number) => {
  const issue = firstRow(await getDb().select().from(issues).where(eq(issues.date, date)))!;
  return (await listPagesWithArticles({ issueId: issue.id })).find((p) => p.number === page)!.articles.map((a) => a.title);
};

describe("placeArticle: page assignment by hand", () => {
  it("makes the issue and the page when missing, as an accepted import would", async () => {
    await anIssue({ date: "2032-01-01", paper: "荣昌报" });
    const a = await anArticle({ author: editor, title: "甲" });
    expect(await place(a.id, "2032-02-03", 2, null, "经济")).toEqual({ ok: true, issueCreated: true, pageCreated: true, position: 1 });
    const issue = firstRow(await getDb().select().from(issues).where(eq(issues.date, "2032-02-03")))!;
    // The new issue takes the paper's name from the latest one.
    expect(issue.paper).toBe("荣昌报");
    const page = firstRow(await getDb().select().from(pages).where(and(eq(pages.issueId, issue.id), eq(pages.number, 2))))!;
    expect(page.name).toBe("经济");
    expect(await getArticleById({ id: a.id })).toMatchObject({ issueId: issue.id, pageId: page.id, position: 0 });
    expect(await getPrintPlacement({ article: (await getArticleById({ id: a.id }))! })).toEqual({ date: "2032-02-03", page: 2, position: 1 });
  });

  it("puts a story at its order on the page; the others keep theirs around it", async () => {
    const [b, c, d] = [await anArticle({ author: editor, title: "乙" }), await anArticle({ author: editor, title: "丙" }), await anArticle({ author: editor, title: "丁" })];
    expect(await place(b!.id, "2032-02-03", 2)).toMatchObject({ ok: true, issueCreated: false, pageCreated: false, position: 2 });
    await place(c!.id, "2032-02-03", 2);
    expect(await titlesOn("2032-02-03", 2)).toEqual(["甲", "乙", "丙"]);
    expect(await place(d!.id, "2032-02-03", 2, 1)).toMatchObject({ position: 1 });
    expect(await titlesOn("2032-02-03", 2)).toEqual(["丁", "甲", "乙", "丙"]);
    // Moving within the page, and an order past the end means last.
    await place(d!.id, "2032-02-03", 2, 99);
    expect(await titlesOn("2032-02-03", 2)).toEqual(["甲", "乙", "丙", "丁"]);
    await place(c!.id, "2032-02-03", 2, 2);
    expect(await titlesOn("2032-02-03", 2)).toEqual(["甲", "丙", "乙", "丁"]);
  });

  it("moves a story to another page and takes one out of print, each with an audit row", async () => {
    const e = await anArticle({ author: editor, title: "戊" });
    await place(e.id, "2032-02-03", 2);
    await place(e.id, "2032-02-03", 3, 1);
    expect(await titlesOn("2032-02-03", 3)).toEqual(["戊"]);
    expect(await titlesOn("2032-02-03", 2)).not.toContain("戊");
    expect(await placeArticle({ articleId: e.id, placement: null, actor, ip: null })).toMatchObject({ ok: true });
    expect(await getArticleById({ id: e.id })).toMatchObject({ issueId: null, pageId: null });
    const rows = (await getDb()
      .select({ detail: auditLog.detail })
      .from(auditLog)
      .where(and(eq(auditLog.action, "article.place"), eq(auditLog.targetId, String(e.id)))));
    expect(rows.map((r) => r.detail)).toEqual([
      { from: null, to: { date: "2032-02-03", page: 2, position: 5 } },
      { from: { date: "2032-02-03", page: 2, position: 5 }, to: { date: "2032-02-03", page: 3, position: 1 } },
      { from: { date: "2032-02-03", page: 3, position: 1 }, to: null },
    ]);
  });

  it("keeps a story linked across pages in its issue, and changes neither state nor version", async () => {
    const head = await anArticle({ author: editor, title: "头", state: "approved" });
    await place(head.id, "2032-02-03", 1);
    const part = await anArticle({ author: editor, title: "续", continuesId: head.id });
    await place(part.id, "2032-02-03", 4);
    expect(await place(head.id, "2032-03-01", 1)).toEqual({ ok: false, reason: "jump" });
    expect(await place(part.id, "2032-03-01", 1)).toEqual({ ok: false, reason: "jump" });
    expect(await placeArticle({ articleId: part.id, placement: null, actor, ip: null })).toEqual({ ok: false, reason: "jump" });
    // Within its issue it may move; placement is layout, not text.
    expect(await place(head.id, "2032-02-03", 2, 1)).toMatchObject({ ok: true });
    expect(await getArticleById({ id: head.id })).toMatchObject({ state: "approved", version: head.version });
    expect(firstRow(await getDb().select().from(articles).where(eq(articles.id, 999_999)))).toBeUndefined();
    expect(await place(999_999, "2032-02-03", 1)).toEqual({ ok: false, reason: "not_found" });
  });
});
