import { describe, expect, it } from "vitest";
import { confirmDoubts } from "./doc";
import { fromSegmentation } from "./from-segmentation";
import { rawTints, workbenchStatus } from "./status";
import { demoSeg, FEATURE_PAGE, FRONT_PAGE, frontPageWithOrphan, ORPHAN_PARAGRAPH } from "./test-samples";
import type { ArticleNode, BlockNode, TrayNode, WorkbenchDoc } from "./types";

const block = (id: string, role: BlockNode["attrs"]["role"], text: string, spans = [] as { start: number; end: number }[]): BlockNode => ({
  type: "block",
  attrs: { id, role, spans, confidence: 1, doubt: null },
  ...(text ? { content: [{ type: "text" as const, text }] } : {}),
});

const trayOf = (doc: WorkbenchDoc) => doc.content.find((n): n is TrayNode => n.type === "tray");

describe("workbenchStatus", () => {
  it("front page: 8 titled articles, empty tray, can accept", () => {
    const seg = demoSeg(FRONT_PAGE);
    const s = workbenchStatus(fromSegmentation(seg));
    expect(s.articles).toBe(8);
    expect(s.articlesWithoutTitle).toBe(0);
    expect(s.unassignedChars).toBe(0);
    expect(s.blocks).toBe(seg.articles.reduce((n, a) => n + a.blocks.length, 0) + seg.orphans.length + seg.discarded.length);
    expect(s.discardedChars).toBe("争做文明示范创建文明城区".length); // the slogan, without its space
    // Blocks under a doubt (column joins, the fragment, the trailing headline, the rubric, names) plus the discarded slogan.
    expect(s.doubts).toBeGreaterThan(10);
    expect(s.canAccept).toBe(true);
  });

  it("an orphan blocks accept until it is moved into an article", () => {
    const doc = fromSegmentation(frontPageWithOrphan());
    const before = workbenchStatus(doc);
    expect(before.unassignedChars).toBe([...ORPHAN_PARAGRAPH].length);
    expect(before.canAccept).toBe(false);

    // The editor drags the tray block to the end of the first article.
    const tray = trayOf(doc);
    const first = doc.content[0] as ArticleNode;
    first.content.push(...(tray?.content ?? []));
    if (tray) delete tray.content;
    const after = workbenchStatus(doc);
    expect(after.unassignedChars).toBe(0);
    expect(after.blocks).toBe(before.blocks);
    expect(after.canAccept).toBe(true);
  });

  it("whitespace alone in the tray does not block accept", () => {
    const doc = fromSegmentation(demoSeg(FEATURE_PAGE));
    const tray = trayOf(doc);
    if (tray) tray.content = [block("t1", "paragraph", " \u3000\n ")];
    expect(workbenchStatus(doc)).toMatchObject({ unassignedChars: 0, canAccept: true });
    if (tray) tray.content = [block("t1", "paragraph", " 𠀀x ")]; // a supplementary character counts once
    expect(workbenchStatus(doc)).toMatchObject({ unassignedChars: 2, canAccept: false });
  });

  it("an article without a non-empty title blocks accept; no articles blocks accept", () => {
    const doc = fromSegmentation(demoSeg(FRONT_PAGE));
    const a = doc.content[1] as ArticleNode;
    for (const b of a.content) if (b.attrs.role === "title") b.attrs.role = "paragraph";
    expect(workbenchStatus(doc)).toMatchObject({ articlesWithoutTitle: 1, canAccept: false });
    a.content.unshift(block("new", "title", "  "));
    expect(workbenchStatus(doc)).toMatchObject({ articlesWithoutTitle: 1, canAccept: false });
    a.content[0] = block("new", "title", "新标题");
    expect(workbenchStatus(doc)).toMatchObject({ articlesWithoutTitle: 0, canAccept: true });

    const empty: WorkbenchDoc = { type: "doc", content: [{ type: "tray" }, { type: "bin" }] };
    expect(workbenchStatus(empty)).toEqual({
      articles: 0,
      blocks: 0,
      discardedChars: 0,
      unassignedChars: 0,
      articlesWithoutTitle: 0,
      doubts: 0,
      canAccept: false,
    });
  });

  it("counts doubts on articles and blocks", () => {
    const doc: WorkbenchDoc = {
      type: "doc",
      content: [
        {
          type: "article",
          attrs: { id: "a1", doubt: { kind: "short_line", reason: "x" } },
          content: [block("b1", "title", "标题"), { ...block("b2", "paragraph", "正文"), attrs: { ...block("b2", "paragraph", "").attrs, doubt: { kind: "column_join", reason: "y" } } }],
        },
        { type: "tray" },
        { type: "bin", content: [{ ...block("b3", "paragraph", "AA"), attrs: { ...block("b3", "paragraph", "").attrs, doubt: { kind: "stray_letters", reason: "z" } } }] },
      ],
    };
    expect(workbenchStatus(doc)).toEqual({
      articles: 1,
      blocks: 3,
      discardedChars: 2,
      unassignedChars: 0,
      articlesWithoutTitle: 0,
      doubts: 3,
      canAccept: true,
    });
  });
});

describe("rawTints", () => {
  it("partitions the raw text into ordered runs, first owner wins on overlap", () => {
    const doc: WorkbenchDoc = {
      type: "doc",
      content: [
        { type: "article", attrs: { id: "x", doubt: null }, content: [block("b1", "title", "甲乙", [{ start: 2, end: 4 }]), block("b2", "paragraph", "丙", [{ start: 5, end: 6 }])] },
        { type: "tray", content: [block("b3", "paragraph", "丁", [{ start: 3, end: 8 }])] },
        { type: "bin", content: [block("b4", "paragraph", "戊", [{ start: 9, end: 99 }])] },
      ],
    };
    expect(rawTints(doc, 12)).toEqual([
      { start: 0, end: 2, owner: { kind: "none" }, blockId: null },
      { start: 2, end: 4, owner: { kind: "article", index: 0, articleId: "x" }, blockId: "b1" },
      { start: 4, end: 5, owner: { kind: "tray" }, blockId: "b3" },
      { start: 5, end: 6, owner: { kind: "article", index: 0, articleId: "x" }, blockId: "b2" },
      { start: 6, end: 8, owner: { kind: "tray" }, blockId: "b3" },
      { start: 8, end: 9, owner: { kind: "none" }, blockId: null },
      { start: 9, end: 12, owner: { kind: "bin" }, blockId: "b4" },
    ]);
    expect(rawTints(doc, 0)).toEqual([]);
  });

  it("leaves the front page masthead untinted", () => {
    const seg = demoSeg(FRONT_PAGE);
    const tints = rawTints(fromSegmentation(seg), seg.text.length);
    const paper = seg.text.indexOf("荣昌报");
    const run = tints.find((t) => t.start <= paper && paper < t.end);
    expect(run?.owner).toEqual({ kind: "none" });
    const slogan = seg.text.indexOf("争做文明示范");
    expect(tints.find((t) => t.start <= slogan && slogan < t.end)?.owner).toEqual({ kind: "bin" });
  });
});

describe("confirmDoubts (accepting confirms what is left)", () => {
  it("clears every doubt, counts them, and leaves the text and spans alone", () => {
    const doc = fromSegmentation(demoSeg(FRONT_PAGE));
    const before = workbenchStatus(doc);
    expect(before.doubts).toBeGreaterThan(0);
    const { doc: confirmed, confirmed: n } = confirmDoubts(doc);
    expect(n).toBe(before.doubts);
    expect(workbenchStatus(confirmed)).toEqual({ ...before, doubts: 0 });
    expect(rawTints(confirmed, 100_000)).toEqual(rawTints(doc, 100_000));
  });
});
