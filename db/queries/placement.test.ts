import { removeTemporaryDatabase } from "@/db/testing/temporary-database";
import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { anArticle, anIssue, aUser } from "@/db/testing/builders";
import { articles, auditLog, issues, pages } from "@/db/schema";
import { getArticleById } from "./articles";
import { getPrintPlacement, listPagesWithArticles, placeArticle } from "./issues";

afterAll(removeTemporaryDatabase);

const editor = aUser({ role: "editor" });
const actor = { id: editor.id, email: editor.email };
const place = (articleId: number, issueDate: string, pageNumber: number, position: number | null = null, pageName: string | null = null) =>
  placeArticle({ articleId, placement: { issueDate, pageNumber, pageName, position }, actor, ip: null });
const titlesOn = (date: string, page: number) => {
  const issue = getDb().select().from(issues).where(eq(issues.date, date)).get()!;
  return listPagesWithArticles({ issueId: issue.id }).find((p) => p.number === page)!.articles.map((a) => a.title);
};

describe("placeArticle: page assignment by hand", () => {
  it("makes the issue and the page when missing, as an accepted import would", () => {
    anIssue({ date: "2032-01-01", paper: "荣昌报" });
    const a = anArticle({ author: editor, title: "甲" });
    expect(place(a.id, "2032-02-03", 2, null, "经济")).toEqual({ ok: true, issueCreated: true, pageCreated: true, position: 1 });
    const issue = getDb().select().from(issues).where(eq(issues.date, "2032-02-03")).get()!;
    // The new issue takes the paper's name from the latest one.
    expect(issue.paper).toBe("荣昌报");
    const page = getDb().select().from(pages).where(and(eq(pages.issueId, issue.id), eq(pages.number, 2))).get()!;
    expect(page.name).toBe("经济");
    expect(getArticleById({ id: a.id })).toMatchObject({ issueId: issue.id, pageId: page.id, position: 0 });
    expect(getPrintPlacement({ article: getArticleById({ id: a.id })! })).toEqual({ date: "2032-02-03", page: 2, position: 1 });
  });

  it("puts a story at its order on the page; the others keep theirs around it", () => {
    const [b, c, d] = ["乙", "丙", "丁"].map((title) => anArticle({ author: editor, title }));
    expect(place(b!.id, "2032-02-03", 2)).toMatchObject({ ok: true, issueCreated: false, pageCreated: false, position: 2 });
    place(c!.id, "2032-02-03", 2);
    expect(titlesOn("2032-02-03", 2)).toEqual(["甲", "乙", "丙"]);
    expect(place(d!.id, "2032-02-03", 2, 1)).toMatchObject({ position: 1 });
    expect(titlesOn("2032-02-03", 2)).toEqual(["丁", "甲", "乙", "丙"]);
    // Moving within the page, and an order past the end means last.
    place(d!.id, "2032-02-03", 2, 99);
    expect(titlesOn("2032-02-03", 2)).toEqual(["甲", "乙", "丙", "丁"]);
    place(c!.id, "2032-02-03", 2, 2);
    expect(titlesOn("2032-02-03", 2)).toEqual(["甲", "丙", "乙", "丁"]);
  });

  it("moves a story to another page and takes one out of print, each with an audit row", () => {
    const e = anArticle({ author: editor, title: "戊" });
    place(e.id, "2032-02-03", 2);
    place(e.id, "2032-02-03", 3, 1);
    expect(titlesOn("2032-02-03", 3)).toEqual(["戊"]);
    expect(titlesOn("2032-02-03", 2)).not.toContain("戊");
    expect(placeArticle({ articleId: e.id, placement: null, actor, ip: null })).toMatchObject({ ok: true });
    expect(getArticleById({ id: e.id })).toMatchObject({ issueId: null, pageId: null });
    const rows = getDb()
      .select({ detail: auditLog.detail })
      .from(auditLog)
      .where(and(eq(auditLog.action, "article.place"), eq(auditLog.targetId, String(e.id))))
      .all();
    expect(rows.map((r) => r.detail)).toEqual([
      { from: null, to: { date: "2032-02-03", page: 2, position: 5 } },
      { from: { date: "2032-02-03", page: 2, position: 5 }, to: { date: "2032-02-03", page: 3, position: 1 } },
      { from: { date: "2032-02-03", page: 3, position: 1 }, to: null },
    ]);
  });

  it("keeps a story linked across pages in its issue, and changes neither state nor version", () => {
    const head = anArticle({ author: editor, title: "头", state: "approved" });
    place(head.id, "2032-02-03", 1);
    const part = anArticle({ author: editor, title: "续", continuesId: head.id });
    place(part.id, "2032-02-03", 4);
    expect(place(head.id, "2032-03-01", 1)).toEqual({ ok: false, reason: "jump" });
    expect(place(part.id, "2032-03-01", 1)).toEqual({ ok: false, reason: "jump" });
    expect(placeArticle({ articleId: part.id, placement: null, actor, ip: null })).toEqual({ ok: false, reason: "jump" });
    // Within its issue it may move; placement is layout, not text.
    expect(place(head.id, "2032-02-03", 2, 1)).toMatchObject({ ok: true });
    expect(getArticleById({ id: head.id })).toMatchObject({ state: "approved", version: head.version });
    expect(getDb().select().from(articles).where(eq(articles.id, 999_999)).get()).toBeUndefined();
    expect(place(999_999, "2032-02-03", 1)).toEqual({ ok: false, reason: "not_found" });
  });
});
