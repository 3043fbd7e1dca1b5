import { removeTemporaryDatabase } from "@/db/testing/temporary-database";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { actorOf, anArticle, anIssue, aSection, aUser, paragraphs } from "@/db/testing/builders";
import { saveArticle, transitionArticle } from "./article-workflow";
import { listDeskArticles } from "./articles";
import { searchPublishedArticles } from "./public/search";

afterAll(removeTemporaryDatabase);

const editor = aUser({ role: "editor" });
const other = aUser({ role: "editor" });
const reviewer = aUser({ role: "reviewer" });
const section = aSection({ name: "农业" });
const { issue, pages } = anIssue({ date: "2031-05-06", pages: [1, 2] });

const ids = (q: string, filters = {}) => listDeskArticles({ q, ...filters }).rows.map((r) => r.id);

describe("desk search: full text over every article, whatever its state", () => {
  const draft = anArticle({ author: editor, title: "夏布织造技艺传承", text: "荣昌夏布有千年历史，草稿里的独有词：蜀绣坊。" });
  const inReview = anArticle({ author: other, title: "春耕", text: "全区播种粮食作物五十万亩，审核中的独有词：稻香村。", sectionId: section.id, issueId: issue.id, pageId: pages[1]!.id });
  transitionArticle({ id: inReview.id, baseVersion: inReview.version, action: "submit", actor: actorOf(other), ip: null });

  it("finds a draft and an article in review by a word of their body", () => {
    expect(ids("蜀绣坊")).toEqual([draft.id]);
    expect(ids("稻香村")).toEqual([inReview.id]);
  });

  it("finds terms of one and two characters, at the very end of a title too", () => {
    expect(ids("传承")).toContain(draft.id);
    expect(ids("耕")).toContain(inReview.id);
    expect(ids("夏布 千年")).toEqual([draft.id]);
    expect(ids("夏布 稻香村")).toEqual([]);
  });

  it("narrows by state, section, issue date, page and author", () => {
    expect(ids("独有词", { state: "in_review" })).toEqual([inReview.id]);
    expect(ids("独有词", { state: "draft" })).toEqual([draft.id]);
    expect(ids("独有词", { sectionId: section.id })).toEqual([inReview.id]);
    expect(ids("独有词", { issueDate: "2031-05-06", pageNumber: 2 })).toEqual([inReview.id]);
    expect(ids("独有词", { issueDate: "2031-05-06", pageNumber: 1 })).toEqual([]);
    expect(ids("独有词", { authorId: editor.id })).toEqual([draft.id]);
  });

  it("follows every save: the old words are gone, the new ones found", () => {
    const a = anArticle({ author: editor, title: "旧标题", text: "旧正文里的词：梧桐巷。" });
    expect(ids("梧桐巷")).toEqual([a.id]);
    const saved = saveArticle({ id: a.id, baseVersion: a.version, changes: { title: "新标题", body: paragraphs("新正文里的词：银杏街。") }, note: null, actor: actorOf(editor), ip: null });
    expect(saved.ok).toBe(true);
    expect(ids("梧桐巷")).toEqual([]);
    expect(ids("银杏街")).toEqual([a.id]);
  });

  it("counts every match and returns the body text of the listed ones for snippets", () => {
    const result = listDeskArticles({ q: "独有词" }, { limit: 1 });
    expect(result.total).toBe(2);
    expect(result.rows).toHaveLength(1);
    expect(result.terms).toEqual(["独有词"]);
    expect(result.texts.get(result.rows[0]!.id)).toContain("独有词");
  });

  it("treats FTS5 syntax in a query as text", () => {
    expect(() => ids('"蜀绣 OR NEAR(a b) * :')).not.toThrow();
  });

  it("never puts unpublished text in the reader's index, and takes it out of the reader's search when unpublished", () => {
    const secret = anArticle({ author: editor, title: "尚未发布的独家", text: "未发布的独家词：青石板。", sectionId: section.id });
    const readerIndex = () => getDb().all<{ id: number }>(sql`select rowid as id from search_index where search_index match '"青石板"'`);
    expect(ids("青石板")).toEqual([secret.id]);
    expect(readerIndex()).toEqual([]);
    expect(searchPublishedArticles({ q: "青石板", page: 1, pageSize: 10 }).total).toBe(0);

    let version = secret.version;
    for (const [action, actor] of [
      ["submit", editor],
      ["approve", reviewer],
      ["publish", reviewer],
    ] as const) {
      const step = transitionArticle({ id: secret.id, baseVersion: version, action, actor: actorOf(actor), ip: null });
      if (!step.ok) throw new Error(`${action} failed`);
      version = step.article.version;
    }
    expect(readerIndex()).toEqual([{ id: secret.id }]);
    const pulled = transitionArticle({ id: secret.id, baseVersion: version, action: "unpublish", reason: "核实中", actor: actorOf(reviewer), ip: null });
    expect(pulled.ok).toBe(true);
    expect(readerIndex()).toEqual([]);
    expect(ids("青石板")).toEqual([secret.id]);
  });
});
