import { removeTemporaryDatabase } from "@/db/testing/temporary-database";
import { afterAll, describe, expect, it } from "vitest";
import { actorOf, anArticle, anIssue, aSection, aUser, paragraphs } from "@/db/testing/builders";
import { saveArticle, transitionArticle } from "./article-workflow";
import { listDeskArticles } from "./articles";
import { searchPublishedArticles } from "./public/search";
import { readerIndexIds } from "@/db/testing/search-index";

afterAll(removeTemporaryDatabase);

const editor = await aUser({ role: "editor" });
const other = await aUser({ role: "editor" });
const reviewer = await aUser({ role: "reviewer" });
const section = await aSection({ name: "农业" });
const { issue, pages } = await anIssue({ date: "2031-05-06", pages: [1, 2] });

const ids = async (q: string, filters = {}) => (await listDeskArticles({ q, ...filters })).rows.map((r) => r.id);

describe("desk search: full text over every article, whatever its state", async () => {
  const draft = await anArticle({ author: editor, title: "夏布织造技艺传承", text: "荣昌夏布有千年历史，草稿里的独有词：蜀绣坊。" });
  const inReview = await anArticle({ author: other, title: "春耕", text: "全区播种粮食作物五十万亩，审核中的独有词：稻香村。", sectionId: section.id, issueId: issue.id, pageId: pages[1]!.id });
  await transitionArticle({ id: inReview.id, baseVersion: inReview.version, action: "submit", actor: actorOf(other), ip: null });

  it("finds a draft and an article in review by a word of their body", async () => {
    expect(await ids("蜀绣坊")).toEqual([draft.id]);
    expect(await ids("稻香村")).toEqual([inReview.id]);
  });

  it("finds terms of one and two characters, at the very end of a title too", async () => {
    expect(await ids("传承")).toContain(draft.id);
    expect(await ids("耕")).toContain(inReview.id);
    expect(await ids("夏布 千年")).toEqual([draft.id]);
    expect(await ids("夏布 稻香村")).toEqual([]);
  });

  it("narrows by state, section, issue date, page and author", async () => {
    expect(await ids("独有词", { state: "in_review" })).toEqual([inReview.id]);
    expect(await ids("独有词", { state: "draft" })).toEqual([draft.id]);
    expect(await ids("独有词", { sectionId: section.id })).toEqual([inReview.id]);
    expect(await ids("独有词", { issueDate: "2031-05-06", pageNumber: 2 })).toEqual([inReview.id]);
    expect(await ids("独有词", { issueDate: "2031-05-06", pageNumber: 1 })).toEqual([]);
    expect(await ids("独有词", { authorId: editor.id })).toEqual([draft.id]);
  });

  it("follows every save: the old words are gone, the new ones found", async () => {
    const a = await anArticle({ author: editor, title: "旧标题", text: "旧正文里的词：梧桐巷。" });
    expect(await ids("梧桐巷")).toEqual([a.id]);
    const saved = await saveArticle({ id: a.id, baseVersion: a.version, changes: { title: "新标题", body: paragraphs("新正文里的词：银杏街。") }, note: null, actor: actorOf(editor), ip: null });
    expect(saved.ok).toBe(true);
    expect(await ids("梧桐巷")).toEqual([]);
    expect(await ids("银杏街")).toEqual([a.id]);
  });

  it("counts every match and returns the body text of the listed ones for snippets", async () => {
    const result = await listDeskArticles({ q: "独有词" }, { limit: 1 });
    expect(result.total).toBe(2);
    expect(result.rows).toHaveLength(1);
    expect(result.terms).toEqual(["独有词"]);
    expect(result.texts.get(result.rows[0]!.id)).toContain("独有词");
  });

  it("treats FTS5 syntax in a query as text", async () => {
    await expect(ids('"蜀绣 OR NEAR(a b) * :')).resolves.toEqual([]);
  });

  it("never puts unpublished text in the reader's index, and takes it out of the reader's search when unpublished", async () => {
    const secret = await anArticle({ author: editor, title: "尚未发布的独家", text: "未发布的独家词：青石板。", sectionId: section.id });
    const readerIndex = () => readerIndexIds("青石板");
    expect(await ids("青石板")).toEqual([secret.id]);
    expect(await readerIndex()).toEqual([]);
    expect((await searchPublishedArticles({ q: "青石板", page: 1, pageSize: 10 })).total).toBe(0);

    let version = secret.version;
    for (const [action, actor] of [
      ["submit", editor],
      ["approve", reviewer],
      ["publish", reviewer],
    ] as const) {
      const step = await transitionArticle({ id: secret.id, baseVersion: version, action, actor: actorOf(actor), ip: null });
      if (!step.ok) throw new Error(`${action} failed`);
      version = step.article.version;
    }
    expect(await readerIndex()).toEqual([secret.id]);
    const pulled = await transitionArticle({ id: secret.id, baseVersion: version, action: "unpublish", reason: "核实中", actor: actorOf(reviewer), ip: null });
    expect(pulled.ok).toBe(true);
    expect(await readerIndex()).toEqual([]);
    expect(await ids("青石板")).toEqual([secret.id]);
  });
});
