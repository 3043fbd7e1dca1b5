import { getSchema } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { history, undo, redo } from "@tiptap/pm/history";
import { EditorState, NodeSelection, TextSelection, type Command } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import type { Span } from "@/lib/ingest";
import { fromSegmentation, parseWorkbenchDoc, rawTints, type BlockDoubt, type BlockNode, type WorkbenchDoc, type WorkbenchRole } from "@/lib/workbench";
import { demoSeg, FRONT_PAGE, FEATURE_PAGE, frontPageWithOrphan } from "@/lib/workbench/test-samples";
import {
  currentBlock,
  discardBlock,
  doubtStops,
  joinBlockWithNext,
  joinBlockWithPrevious,
  joinSeparator,
  mergeArticle,
  moveArticle,
  moveBlock,
  moveBlockToArticle,
  nextDoubt,
  resolveDoubt,
  restoreBlock,
  setBlockRole,
  splitArticle,
  splitBlock,
  type WorkbenchContext,
} from "./commands";
import { toWorkbenchDoc } from "./doc-json";
import { createWorkbenchExtensions } from "./extensions";
import { describeShortcuts, formatShortcut, shortcutFor, WORKBENCH_SHORTCUTS } from "./keymap";
import { DEFAULT_WORKBENCH_LABELS, fillLabel, resolveLabels, WORKBENCH_ACTIONS } from "./labels";
import { decorationsKey, decorationsPlugin, doubtFocusPlugin, normalizePlugin } from "./plugins";

// ---------------------------------------------------------------------------
// Fixture: a raw text and a document whose spans point into it.

const RAW = ["标题一", "第一段内容。", "第二段内容。", "Title two", "Hello world.", "Second line.", "孤立文字", "报头"].join("\n");

function spanOf(text: string): Span[] {
  const start = RAW.indexOf(text);
  if (start < 0) throw new Error(`not in RAW: ${text}`);
  return [{ start, end: start + text.length }];
}

const doubt = (kind: BlockDoubt["kind"], reason = `why ${kind}`): BlockDoubt => ({ kind, reason });

function block(id: string, role: WorkbenchRole, text: string, d: BlockDoubt | null = null, confidence = 0.9): BlockNode {
  return { type: "block", attrs: { id, role, spans: RAW.includes(text) && text ? spanOf(text) : [], confidence, doubt: d }, ...(text ? { content: [{ type: "text", text }] } : {}) };
}

function sampleDoc(): WorkbenchDoc {
  return {
    type: "doc",
    content: [
      {
        type: "article",
        attrs: { id: "a1", doubt: null },
        content: [block("b1", "title", "标题一"), block("b2", "paragraph", "第一段内容。"), block("b3", "paragraph", "第二段内容。", doubt("column_join"), 0.5)],
      },
      {
        type: "article",
        attrs: { id: "a2", doubt: doubt("page_inferred") },
        content: [block("b4", "title", "Title two", doubt("trailing_headline"), 0.7), block("b5", "paragraph", "Hello world."), block("b6", "paragraph", "Second line.")],
      },
      { type: "tray", content: [block("b7", "paragraph", "孤立文字", doubt("no_article"), 0)] },
      { type: "bin", content: [block("b8", "paragraph", "报头", doubt("furniture"), 1)] },
    ],
  };
}

function counterIds(): () => string {
  let n = 0;
  return () => `n${++n}`;
}

const schema = getSchema(createWorkbenchExtensions({ rawText: RAW, nodeViews: false }));

function makeState(doc: WorkbenchDoc = sampleDoc(), newId = counterIds(), rawText = RAW): { state: EditorState; ctx: WorkbenchContext } {
  const ctx: WorkbenchContext = { rawText, newId };
  const node = schema.nodeFromJSON(doc);
  node.check();
  const state = EditorState.create({ schema, doc: node, plugins: [history(), doubtFocusPlugin(), normalizePlugin(ctx), decorationsPlugin()] });
  return { state, ctx };
}

function posOf(doc: PMNode, id: string): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found >= 0) return false;
    if (node.attrs.id === id && (node.type.name === "block" || node.type.name === "article")) found = pos;
    return node.type.name !== "block";
  });
  if (found < 0) throw new Error(`no node ${id}`);
  return found;
}

/** Cursor inside block `id` at text offset `offset` (or a range to `to`). */
function at(state: EditorState, id: string, offset = 0, to?: { id: string; offset: number }): EditorState {
  const from = posOf(state.doc, id) + 1 + offset;
  const head = to ? posOf(state.doc, to.id) + 1 + to.offset : from;
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, head)));
}

function run(state: EditorState, cmd: Command): { ok: boolean; state: EditorState; steps: number } {
  let next = state;
  let steps = 0;
  const ok = cmd(state, (tr) => {
    steps++;
    next = state.applyTransaction(tr).state;
  });
  return { ok, state: next, steps };
}

function mustRun(state: EditorState, cmd: Command): EditorState {
  const r = run(state, cmd);
  expect(r.ok).toBe(true);
  expect(r.steps).toBe(1);
  return r.state;
}

function json(state: EditorState): WorkbenchDoc {
  return toWorkbenchDoc(state.doc.toJSON() as Parameters<typeof toWorkbenchDoc>[0]);
}

/** The document as ids: [["a1", "b1", "b2"], ["tray", "b7"], ["bin", "b8"]]. */
function outline(state: EditorState): string[][] {
  const out: string[][] = [];
  state.doc.forEach((c) => {
    const row = [c.type.name === "article" ? String(c.attrs.id) : c.type.name];
    c.forEach((b) => {
      row.push(String(b.attrs.id));
    });
    out.push(row);
  });
  return out;
}

function blockNode(state: EditorState, id: string): PMNode {
  const node = state.doc.nodeAt(posOf(state.doc, id));
  if (!node) throw new Error(id);
  return node;
}

function expectValid(state: EditorState) {
  state.doc.check();
  const parsed = parseWorkbenchDoc(json(state), RAW.length);
  expect(parsed.ok ? "ok" : parsed.message).toBe("ok");
}

function cursorBlockId(state: EditorState): string | null {
  return (currentBlock(state)?.node.attrs.id as string | undefined) ?? null;
}

// ---------------------------------------------------------------------------

describe("schema", () => {
  it("builds headlessly and accepts the engine's documents", () => {
    expect(Object.keys(schema.nodes)).toEqual(expect.arrayContaining(["doc", "article", "block", "tray", "bin", "text"]));
    for (const name of [FRONT_PAGE, FEATURE_PAGE]) {
      const seg = demoSeg(name);
      const doc = fromSegmentation(seg);
      const node = schema.nodeFromJSON(doc);
      node.check();
      // Editor JSON → WorkbenchDoc is lossless for the engine's documents.
      expect(toWorkbenchDoc(node.toJSON() as Parameters<typeof toWorkbenchDoc>[0])).toEqual(doc);
    }
  });

  it("refuses documents that break article* tray bin", () => {
    const bad = { type: "doc", content: [{ type: "tray" }, { type: "article", attrs: { id: "a" }, content: [block("x", "title", "t")] }, { type: "bin" }] };
    expect(() => schema.nodeFromJSON(bad).check()).toThrow();
    const empty = { type: "doc", content: [{ type: "article", attrs: { id: "a" }, content: [] }, { type: "tray" }, { type: "bin" }] };
    expect(() => schema.nodeFromJSON(empty).check()).toThrow();
  });

  it("keeps block attributes through HTML attributes", () => {
    const spec = schema.nodes.block?.spec;
    expect(spec?.marks).toBe("");
    expect(spec?.draggable).toBe(true);
    expect(schema.nodes.article?.spec.isolating).toBe(true);
    const out = schema.nodes.block?.spec.toDOM?.(blockNode(makeState().state, "b3"));
    expect(JSON.stringify(out)).toContain('"data-doubt"');
  });
});

describe("splitArticle", () => {
  it("moves the cursor's block and the ones after it into a new article", () => {
    const { state, ctx } = makeState();
    const s = mustRun(at(state, "b2", 2), splitArticle(ctx));
    expect(outline(s)).toEqual([["a1", "b1"], ["n1", "b2", "b3"], ["a2", "b4", "b5", "b6"], ["tray", "b7"], ["bin", "b8"]]);
    expect(cursorBlockId(s)).toBe("b2");
    expect(s.selection.from - posOf(s.doc, "b2")).toBe(3);
    expectValid(s);
  });

  it("does nothing at an article's first block", () => {
    const { state, ctx } = makeState();
    expect(run(at(state, "b1"), splitArticle(ctx)).ok).toBe(false);
  });

  it("makes a tray block an article of its own", () => {
    const { state, ctx } = makeState();
    const s = mustRun(at(state, "b7"), splitArticle(ctx));
    expect(outline(s)).toEqual([["a1", "b1", "b2", "b3"], ["a2", "b4", "b5", "b6"], ["n1", "b7"], ["tray"], ["bin", "b8"]]);
    // Placing orphaned text answers the engine's "no article" doubt.
    expect(blockNode(s, "b7").attrs.doubt).toBeNull();
    expect(cursorBlockId(s)).toBe("b7");
    expectValid(s);
  });

  it("never reuses an id in the document", () => {
    const { state, ctx } = makeState(sampleDoc(), () => "b1");
    const s = mustRun(at(state, "b3"), splitArticle(ctx));
    const ids = outline(s).flat().filter((x) => x !== "tray" && x !== "bin");
    expect(new Set(ids).size).toBe(ids.length);
    expectValid(s);
  });
});

describe("mergeArticle", () => {
  it("joins with the previous article, keeping the first id", () => {
    const { state } = makeState();
    const s = mustRun(at(state, "b5"), mergeArticle("previous"));
    expect(outline(s)).toEqual([["a1", "b1", "b2", "b3", "b4", "b5", "b6"], ["tray", "b7"], ["bin", "b8"]]);
    // a1 had no doubt: the merged article keeps a2's.
    expect(s.doc.child(0).attrs.doubt).toEqual(doubt("page_inferred"));
    expect(cursorBlockId(s)).toBe("b5");
    expectValid(s);
  });

  it("joins with the next article", () => {
    const { state } = makeState();
    const s = mustRun(at(state, "b1"), mergeArticle("next"));
    expect(outline(s)[0]).toEqual(["a1", "b1", "b2", "b3", "b4", "b5", "b6"]);
  });

  it("stops at the edges and outside articles", () => {
    const { state } = makeState();
    expect(run(at(state, "b1"), mergeArticle("previous")).ok).toBe(false);
    expect(run(at(state, "b6"), mergeArticle("next")).ok).toBe(false);
    expect(run(at(state, "b7"), mergeArticle("previous")).ok).toBe(false);
  });

  it("works on a selected article node", () => {
    const { state } = makeState();
    const sel = state.apply(state.tr.setSelection(NodeSelection.create(state.doc, posOf(state.doc, "a2"))));
    const s = mustRun(sel, mergeArticle("previous"));
    expect(outline(s)[0]).toHaveLength(7);
  });
});

describe("setBlockRole", () => {
  it("sets the role and marks it confirmed", () => {
    const { state } = makeState();
    const s = mustRun(at(state, "b2"), setBlockRole("lead"));
    expect(blockNode(s, "b2").attrs).toMatchObject({ role: "lead", confidence: 1 });
    expect(blockNode(s, "b3").attrs.role).toBe("paragraph");
  });

  it("sets every selected block", () => {
    const { state } = makeState();
    const s = mustRun(at(state, "b2", 1, { id: "b5", offset: 2 }), setBlockRole("heading"));
    expect(["b1", "b2", "b3", "b4", "b5", "b6"].map((id) => blockNode(s, id).attrs.role)).toEqual(["title", "heading", "heading", "heading", "heading", "paragraph"]);
  });

  it("refuses an unknown role", () => {
    const { state } = makeState();
    expect(run(at(state, "b2"), setBlockRole("masthead" as WorkbenchRole)).ok).toBe(false);
  });
});

describe("joining blocks", () => {
  it("joins CJK text without a separator and unites the spans", () => {
    const { state } = makeState();
    const s = mustRun(at(state, "b2", 3), joinBlockWithNext);
    const b2 = blockNode(s, "b2");
    expect(b2.textContent).toBe("第一段内容。第二段内容。");
    expect(b2.attrs.spans).toEqual([...spanOf("第一段内容。"), ...spanOf("第二段内容。")]);
    expect(b2.attrs.doubt).toEqual(doubt("column_join"));
    expect(outline(s)[0]).toEqual(["a1", "b1", "b2"]);
    expect(s.selection.from).toBe(posOf(s.doc, "b2") + 4);
    expectValid(s);
  });

  it("puts a space between Latin words", () => {
    const { state } = makeState();
    const s = mustRun(at(state, "b5"), joinBlockWithNext);
    expect(blockNode(s, "b5").textContent).toBe("Hello world. Second line.");
    expect(joinSeparator("inter", "national")).toBe(" ");
    expect(joinSeparator("记者", "张三")).toBe("");
    expect(joinSeparator("GDP", "增长")).toBe("");
    expect(joinSeparator("word ", "next")).toBe("");
  });

  it("joins onto the previous block (Backspace at the start)", () => {
    const { state } = makeState();
    const s = mustRun(at(state, "b3"), joinBlockWithPrevious);
    expect(outline(s)[0]).toEqual(["a1", "b1", "b2"]);
    expect(s.selection.from).toBe(posOf(s.doc, "b2") + 1 + "第一段内容。".length);
  });

  it("removes an empty block instead of giving the text its id", () => {
    const { state, ctx } = makeState();
    const opened = mustRun(at(state, "b2", 0), splitBlock(ctx));
    expect(outline(opened)[0]).toEqual(["a1", "b1", "n1", "b2", "b3"]);
    const back = mustRun(opened, joinBlockWithPrevious);
    expect(outline(back)[0]).toEqual(["a1", "b1", "b2", "b3"]);
    expect(blockNode(back, "b2").attrs).toMatchObject({ role: "paragraph", spans: spanOf("第一段内容。") });
    expect(cursorBlockId(back)).toBe("b2");
    const below = mustRun(at(state, "b3", "第二段内容。".length), splitBlock(ctx));
    const joined = mustRun(at(below, "b3", 2), joinBlockWithNext);
    expect(outline(joined)[0]).toEqual(["a1", "b1", "b2", "b3"]);
    expect(blockNode(joined, "b3").attrs.doubt).toEqual(doubt("column_join"));
    // Backspace in the empty block below puts the cursor at the end of the text above.
    const emptied = mustRun(at(below, "n2"), joinBlockWithPrevious);
    expect(outline(emptied)[0]).toEqual(["a1", "b1", "b2", "b3"]);
    expect(emptied.selection.from).toBe(posOf(emptied.doc, "b3") + 1 + "第二段内容。".length);
  });

  it("never joins across articles", () => {
    const { state } = makeState();
    expect(run(at(state, "b3"), joinBlockWithNext).ok).toBe(false);
    expect(run(at(state, "b4"), joinBlockWithPrevious).ok).toBe(false);
  });
});

describe("splitBlock", () => {
  it("splits text and spans at the cursor; the second half gets a new id", () => {
    const { state, ctx } = makeState();
    const s = mustRun(at(state, "b2", 3), splitBlock(ctx));
    expect(outline(s)[0]).toEqual(["a1", "b1", "b2", "n1", "b3"]);
    const start = spanOf("第一段内容。")[0]!.start;
    expect(blockNode(s, "b2").textContent).toBe("第一段");
    expect(blockNode(s, "n1").textContent).toBe("内容。");
    expect(blockNode(s, "b2").attrs.spans).toEqual([{ start, end: start + 3 }]);
    expect(blockNode(s, "n1").attrs.spans).toEqual([{ start: start + 3, end: start + 6 }]);
    expect(blockNode(s, "n1").attrs.role).toBe("paragraph");
    expect(cursorBlockId(s)).toBe("n1");
    expect(s.selection.from).toBe(posOf(s.doc, "n1") + 1);
    expectValid(s);
  });

  it("trims the whitespace at the cut from both halves, wherever in it the cursor is", () => {
    const raw = "标题   正文内容。";
    const doc: WorkbenchDoc = {
      type: "doc",
      content: [
        { type: "article", attrs: { id: "a1", doubt: null }, content: [{ type: "block", attrs: { id: "b1", role: "paragraph", spans: [{ start: 0, end: raw.length }], confidence: 1, doubt: null }, content: [{ type: "text", text: raw }] }] },
        { type: "tray" },
        { type: "bin" },
      ],
    };
    for (const offset of [2, 3, 4, 5]) {
      const { state, ctx } = makeState(doc, counterIds(), raw);
      const s = mustRun(at(state, "b1", offset), splitBlock(ctx));
      expect(blockNode(s, "b1").textContent).toBe("标题");
      expect(blockNode(s, "n1").textContent).toBe("正文内容。");
      // No raw character is lost: the two halves' spans still cover the whole line.
      const spans = [...(blockNode(s, "b1").attrs.spans as Span[]), ...(blockNode(s, "n1").attrs.spans as Span[])];
      expect(spans.reduce((n, sp) => n + sp.end - sp.start, 0)).toBe(raw.length);
      expect(cursorBlockId(s)).toBe("n1");
      expect(s.selection.from).toBe(posOf(s.doc, "n1") + 1);
      expectValid(s);
    }
  });

  it("keeps the doubt on the first half", () => {
    const { state, ctx } = makeState();
    const s = mustRun(at(state, "b3", 2), splitBlock(ctx));
    expect(blockNode(s, "b3").attrs.doubt).toEqual(doubt("column_join"));
    expect(blockNode(s, "n1").attrs.doubt).toBeNull();
  });

  it("replaces a selection inside the block", () => {
    const { state, ctx } = makeState();
    const s = mustRun(at(state, "b5", 5, { id: "b5", offset: 6 }), splitBlock(ctx));
    expect(blockNode(s, "b5").textContent).toBe("Hello");
    expect(blockNode(s, "n1").textContent).toBe("world.");
    expectValid(s);
  });

  it("at a block's start opens an empty block above, leaving the text its id", () => {
    const { state, ctx } = makeState();
    const s = mustRun(at(state, "b2", 0), splitBlock(ctx));
    expect(outline(s)[0]).toEqual(["a1", "b1", "n1", "b2", "b3"]);
    expect(blockNode(s, "n1").textContent).toBe("");
    expect(blockNode(s, "b2").attrs.spans).toEqual(spanOf("第一段内容。"));
    expect(cursorBlockId(s)).toBe("b2");
    expectValid(s);
  });

  it("at a block's end opens an empty block below", () => {
    const { state, ctx } = makeState();
    const s = mustRun(at(state, "b6", "Second line.".length), splitBlock(ctx));
    expect(outline(s)[1]).toEqual(["a2", "b4", "b5", "b6", "n1"]);
    expect(blockNode(s, "b6").attrs.spans).toEqual(spanOf("Second line."));
    expect(blockNode(s, "n1").attrs.spans).toEqual([]);
    expectValid(s);
  });

  it("refuses a selection across blocks", () => {
    const { state, ctx } = makeState();
    expect(run(at(state, "b1", 1, { id: "b2", offset: 1 }), splitBlock(ctx)).ok).toBe(false);
  });
});

describe("moveBlock", () => {
  it("moves within an article, keeping the cursor in the block", () => {
    const { state } = makeState();
    const s = mustRun(at(state, "b3", 2), moveBlock("up"));
    expect(outline(s)[0]).toEqual(["a1", "b1", "b3", "b2"]);
    expect(s.selection.from).toBe(posOf(s.doc, "b3") + 3);
    const d = mustRun(s, moveBlock("down"));
    expect(outline(d)[0]).toEqual(["a1", "b1", "b2", "b3"]);
  });

  it("crosses into the neighbouring article at the edge", () => {
    const { state } = makeState();
    const down = mustRun(at(state, "b3"), moveBlock("down"));
    expect(outline(down).slice(0, 2)).toEqual([["a1", "b1", "b2"], ["a2", "b3", "b4", "b5", "b6"]]);
    const up = mustRun(at(state, "b4"), moveBlock("up"));
    expect(outline(up).slice(0, 2)).toEqual([["a1", "b1", "b2", "b3", "b4"], ["a2", "b5", "b6"]]);
  });

  it("moves a tray block into the last article, and back", () => {
    const { state } = makeState();
    const s = mustRun(at(state, "b7"), moveBlock("up"));
    expect(outline(s)).toEqual([["a1", "b1", "b2", "b3"], ["a2", "b4", "b5", "b6", "b7"], ["tray"], ["bin", "b8"]]);
    expect(blockNode(s, "b7").attrs.doubt).toBeNull();
    const back = mustRun(s, moveBlock("down"));
    expect(outline(back)[2]).toEqual(["tray", "b7"]);
    const toBin = mustRun(back, moveBlock("down"));
    expect(outline(toBin)[3]).toEqual(["bin", "b7", "b8"]);
    expectValid(toBin);
  });

  it("removes an article its last block leaves", () => {
    const { state, ctx } = makeState();
    const split = mustRun(at(state, "b3"), splitArticle(ctx));
    const s = mustRun(split, moveBlock("up"));
    expect(outline(s)).toEqual([["a1", "b1", "b2", "b3"], ["a2", "b4", "b5", "b6"], ["tray", "b7"], ["bin", "b8"]]);
    expectValid(s);
  });

  it("stops at the top of the first article and the bottom of the bin", () => {
    const { state } = makeState();
    expect(run(at(state, "b1"), moveBlock("up")).ok).toBe(false);
    expect(run(at(state, "b8"), moveBlock("down")).ok).toBe(false);
  });
});

describe("moveArticle", () => {
  it("swaps with the neighbour and keeps the cursor", () => {
    const { state } = makeState();
    const s = mustRun(at(state, "b5", 4), moveArticle("up"));
    expect(outline(s).map((r) => r[0])).toEqual(["a2", "a1", "tray", "bin"]);
    expect(s.selection.from).toBe(posOf(s.doc, "b5") + 5);
    const back = mustRun(s, moveArticle("down"));
    expect(outline(back)).toEqual(outline(state));
    expect(run(at(state, "b6"), moveArticle("down")).ok).toBe(false);
    expect(run(at(state, "b7"), moveArticle("up")).ok).toBe(false);
  });
});

describe("discard and restore", () => {
  it("discards to the end of the bin and restores to the same article", () => {
    const { state, ctx } = makeState();
    const s = mustRun(at(state, "b2"), discardBlock);
    expect(outline(s)).toEqual([["a1", "b1", "b3"], ["a2", "b4", "b5", "b6"], ["tray", "b7"], ["bin", "b8", "b2"]]);
    expect(blockNode(s, "b2").attrs.origin).toBe("a1");
    // The cursor stays where the text was.
    expect(cursorBlockId(s)).toBe("b3");
    // The saved document remembers where the discarded block came from, so restore works after a reload.
    expect(JSON.stringify(json(s))).toContain('"origin":"a1"');
    expectValid(s);

    const r = mustRun(at(s, "b2"), restoreBlock(ctx));
    expect(outline(r)[0]).toEqual(["a1", "b1", "b3", "b2"]);
    expect(blockNode(r, "b2").attrs.origin).toBeNull();
    expect(cursorBlockId(r)).toBe("b2");
    expectValid(r);
  });

  it("removes an emptied article and restores into the last article when the origin is gone", () => {
    const { state, ctx } = makeState();
    const one = mustRun(at(state, "b1", 0, { id: "b3", offset: 2 }), discardBlock);
    expect(outline(one)).toEqual([["a2", "b4", "b5", "b6"], ["tray", "b7"], ["bin", "b8", "b1", "b2", "b3"]]);
    expectValid(one);
    const r = mustRun(at(one, "b2"), restoreBlock(ctx));
    expect(outline(r)[0]).toEqual(["a2", "b4", "b5", "b6", "b2"]);
  });

  it("restores a tray block into the article before the tray", () => {
    const { state, ctx } = makeState();
    const s = mustRun(at(state, "b7"), restoreBlock(ctx));
    expect(outline(s)[1]).toEqual(["a2", "b4", "b5", "b6", "b7"]);
    expect(blockNode(s, "b7").attrs.doubt).toBeNull();
  });

  it("restores into a new article when none is left", () => {
    const { state, ctx } = makeState();
    let s = mustRun(at(state, "b1", 0, { id: "b6", offset: 1 }), discardBlock);
    expect(outline(s)).toEqual([["tray", "b7"], ["bin", "b8", "b1", "b2", "b3", "b4", "b5", "b6"]]);
    s = mustRun(at(s, "b4"), restoreBlock(ctx));
    expect(outline(s)).toEqual([["n1", "b4"], ["tray", "b7"], ["bin", "b8", "b1", "b2", "b3", "b5", "b6"]]);
    expectValid(s);
  });

  it("does not discard from the bin or restore from an article", () => {
    const { state, ctx } = makeState();
    expect(run(at(state, "b8"), discardBlock).ok).toBe(false);
    expect(run(at(state, "b1"), restoreBlock(ctx)).ok).toBe(false);
  });
});

describe("moveBlockToArticle", () => {
  it("moves a block to the end of an article by index", () => {
    const { state, ctx } = makeState();
    const s = mustRun(state, moveBlockToArticle(posOf(state.doc, "b7"), 0, ctx));
    expect(outline(s)[0]).toEqual(["a1", "b1", "b2", "b3", "b7"]);
    expectValid(s);
  });

  it("makes a new article or sends the block to the tray", () => {
    const { state, ctx } = makeState();
    const fresh = mustRun(state, moveBlockToArticle(posOf(state.doc, "b8"), "new", ctx));
    expect(outline(fresh)[2]).toEqual(["n1", "b8"]);
    const tray = mustRun(at(state, "b1"), moveBlockToArticle(posOf(state.doc, "b1"), "tray", ctx));
    expect(outline(tray)[2]).toEqual(["tray", "b7", "b1"]);
    expect(cursorBlockId(tray)).toBe("b1");
    expectValid(tray);
  });

  it("refuses positions that are not blocks and targets that are not articles", () => {
    const { state, ctx } = makeState();
    expect(run(state, moveBlockToArticle(0, 1, ctx)).ok).toBe(false);
    expect(run(state, moveBlockToArticle(posOf(state.doc, "b1"), 5, ctx)).ok).toBe(false);
    expect(run(state, moveBlockToArticle(posOf(state.doc, "b3"), 0, ctx)).ok).toBe(false);
  });
});

describe("doubts", () => {
  it("lists articles and blocks with doubts, the least sure first", () => {
    const { state } = makeState();
    expect(doubtStops(state.doc).map((s) => (s.kind === "article" ? `article@${s.pos}` : String(state.doc.nodeAt(s.pos)?.attrs.id)))).toEqual([
      "b7",
      "b3",
      `article@${posOf(state.doc, "a2")}`,
      "b4",
      "b8",
    ]);
  });

  it("steps through every doubt from the least sure, an article's before its first block's, and wraps", () => {
    const { state } = makeState();
    let s = at(state, "b1");
    const visited: string[] = [];
    for (let i = 0; i < 6; i++) {
      s = mustRun(s, nextDoubt(1));
      visited.push(String(cursorBlockId(s)));
    }
    expect(visited).toEqual(["b7", "b3", "b4", "b4", "b8", "b7"]);
    const back: string[] = [];
    for (let i = 0; i < 3; i++) {
      s = mustRun(s, nextDoubt(-1));
      back.push(String(cursorBlockId(s)));
    }
    expect(back).toEqual(["b8", "b4", "b4"]);
  });

  it("resolves the article's doubt when nextDoubt stopped on it, then the block's", () => {
    const { state } = makeState();
    let s = at(state, "b1");
    for (let i = 0; i < 3; i++) s = mustRun(s, nextDoubt(1));
    expect(cursorBlockId(s)).toBe("b4");
    s = mustRun(s, resolveDoubt);
    expect(s.doc.child(1).attrs.doubt).toBeNull();
    expect(blockNode(s, "b4").attrs.doubt).not.toBeNull();
    // The next press still visits b4's own doubt.
    s = mustRun(s, nextDoubt(1));
    expect(cursorBlockId(s)).toBe("b4");
    s = mustRun(s, resolveDoubt);
    expect(blockNode(s, "b4").attrs).toMatchObject({ doubt: null, confidence: 1 });
    // And goes on from there, not back to the least sure.
    s = mustRun(s, nextDoubt(1));
    expect(cursorBlockId(s)).toBe("b8");
    expectValid(s);
  });

  it("resolves the article's doubt when the block has none", () => {
    const { state } = makeState();
    const s = mustRun(at(state, "b5"), resolveDoubt);
    expect(s.doc.child(1).attrs.doubt).toBeNull();
    expect(run(at(s, "b5"), resolveDoubt).ok).toBe(false);
  });

  it("has nothing to find in a document without doubts", () => {
    const doc = sampleDoc();
    for (const c of doc.content) {
      if (c.type === "article") c.attrs.doubt = null;
      for (const b of c.content ?? []) b.attrs.doubt = null;
    }
    const { state } = makeState(doc);
    expect(run(state, nextDoubt(1)).ok).toBe(false);
  });
});

describe("undo", () => {
  const cases: [string, (ctx: WorkbenchContext) => Command, string, number][] = [
    ["splitArticle", (ctx) => splitArticle(ctx), "b2", 0],
    ["splitArticle (tray)", (ctx) => splitArticle(ctx), "b7", 0],
    ["mergeArticle", () => mergeArticle("previous"), "b5", 0],
    ["setBlockRole", () => setBlockRole("kicker"), "b1", 0],
    ["joinBlockWithNext", () => joinBlockWithNext, "b5", 0],
    ["splitBlock", (ctx) => splitBlock(ctx), "b2", 2],
    ["moveBlock", () => moveBlock("up"), "b4", 0],
    ["moveArticle", () => moveArticle("up"), "b4", 0],
    ["discardBlock", () => discardBlock, "b1", 0],
    ["restoreBlock", (ctx) => restoreBlock(ctx), "b8", 0],
    ["moveBlockToArticle", (ctx) => moveBlockToArticle(1, "tray", ctx), "b1", 0],
    ["resolveDoubt", () => resolveDoubt, "b3", 0],
  ];
  it.each(cases)("%s is one undoable step", (_name, make, id, offset) => {
    const { state, ctx } = makeState();
    const before = at(state, id, offset);
    const after = mustRun(before, make(ctx));
    expect(after.doc.eq(before.doc)).toBe(false);
    const undone = mustRun(after, undo);
    expect(undone.doc.eq(before.doc)).toBe(true);
    const redone = mustRun(undone, redo);
    expect(redone.doc.eq(after.doc)).toBe(true);
  });
});

describe("normalize plugin", () => {
  it("gives pasted copies fresh ids in the same undo step", () => {
    const { state } = makeState();
    const b2 = blockNode(state, "b2");
    const pasted = state.applyTransaction(state.tr.insert(posOf(state.doc, "b3"), b2.copy(b2.content))).state;
    const ids = outline(pasted)[0];
    expect(ids).toEqual(["a1", "b1", "b2", "n1", "b3"]);
    expectValid(pasted);
    const undone = run(pasted, undo).state;
    expect(undone.doc.eq(state.doc)).toBe(true);
  });

  it("drops a placeholder article ProseMirror filled in and names new articles", () => {
    const { state } = makeState();
    const { article, block: blockType } = schema.nodes;
    if (!article || !blockType) throw new Error("schema");
    const tr = state.tr;
    tr.insert(posOf(state.doc, "a2"), article.create({ id: "" }, blockType.create()));
    tr.insert(0, article.create({ id: "" }, blockType.create({ id: "x1" }, schema.text("dropped"))));
    const s = state.applyTransaction(tr).state;
    expect(outline(s).map((r) => r[0])).toEqual(["n1", "a1", "a2", "tray", "bin"]);
    expectValid(s);
  });

  it("leaves no empty article when a drag takes an article's only block", () => {
    const { state, ctx } = makeState();
    let s = mustRun(at(state, "b3"), splitArticle(ctx));
    const pos = posOf(s.doc, "b3");
    const b3 = blockNode(s, "b3");
    // What ProseMirror's drop does for a moved node: delete the node selection, insert the slice.
    const tr = s.tr.setSelection(NodeSelection.create(s.doc, pos));
    tr.deleteSelection();
    tr.insert(posOf(tr.doc, "b7"), b3);
    tr.setMeta("uiEvent", "drop");
    s = s.applyTransaction(tr).state;
    expect(outline(s)).toEqual([["a1", "b1", "b2"], ["a2", "b4", "b5", "b6"], ["tray", "b3", "b7"], ["bin", "b8"]]);
    expectValid(s);
  });

  it("clears an origin outside the bin", () => {
    const { state } = makeState();
    const pos = posOf(state.doc, "b1");
    const s = state.applyTransaction(state.tr.setNodeMarkup(pos, undefined, { ...blockNode(state, "b1").attrs, origin: "a9" })).state;
    expect(blockNode(s, "b1").attrs.origin).toBeNull();
  });
});

describe("decorations plugin", () => {
  it("numbers the articles and marks the cursor's block", () => {
    const { state } = makeState();
    const s = at(state, "b5");
    const set = decorationsKey.getState(s);
    const found = set?.find() ?? [];
    expect(found.filter((d) => typeof (d.spec as { articleIndex?: number }).articleIndex === "number").map((d) => d.spec.articleIndex)).toEqual([0, 1]);
    expect(found.filter((d) => d.from === posOf(s.doc, "b5"))).toHaveLength(1);
  });
});

describe("on the real front page", () => {
  it("keeps the document valid through a long run of random commands", () => {
    const seg = frontPageWithOrphan();
    const doc = fromSegmentation(seg);
    const ctx: WorkbenchContext = { rawText: seg.text, newId: counterIds() };
    const node = schema.nodeFromJSON(doc);
    let state = EditorState.create({ schema, doc: node, plugins: [history(), doubtFocusPlugin(), normalizePlugin(ctx)] });
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const commands: Command[] = [
      splitArticle(ctx),
      mergeArticle("previous"),
      mergeArticle("next"),
      setBlockRole("heading"),
      joinBlockWithNext,
      joinBlockWithPrevious,
      splitBlock(ctx),
      moveBlock("up"),
      moveBlock("down"),
      moveArticle("up"),
      moveArticle("down"),
      discardBlock,
      restoreBlock(ctx),
      nextDoubt(1),
      nextDoubt(-1),
      resolveDoubt,
      undo,
    ];
    let ran = 0;
    for (let i = 0; i < 400; i++) {
      // Put the cursor somewhere in a random block, then run a random command.
      const blocks: number[] = [];
      state.doc.descendants((n, pos) => {
        if (n.type.name === "block") blocks.push(pos);
        return n.type.name !== "block";
      });
      const pos = blocks[Math.floor(random() * blocks.length)];
      if (pos === undefined) break;
      const b = state.doc.nodeAt(pos);
      const offset = Math.floor(random() * ((b?.content.size ?? 0) + 1));
      state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos + 1 + offset)));
      const cmd = commands[Math.floor(random() * commands.length)];
      if (!cmd) continue;
      const r = run(state, cmd);
      if (r.ok) ran++;
      state = r.state;
      state.doc.check();
      const parsed = parseWorkbenchDoc(toWorkbenchDoc(state.doc.toJSON() as Parameters<typeof toWorkbenchDoc>[0]), seg.text.length);
      if (!parsed.ok) throw new Error(`step ${i}: ${parsed.message}`);
    }
    expect(ran).toBeGreaterThan(200);
    // Every span still points into the raw text, and the raw pane can colour it.
    const tints = rawTints(toWorkbenchDoc(state.doc.toJSON() as Parameters<typeof toWorkbenchDoc>[0]), seg.text.length);
    expect(tints.at(-1)?.end).toBe(seg.text.length);
  });
});

describe("shortcuts and labels", () => {
  it("binds each key once and covers every action", () => {
    const keys = WORKBENCH_SHORTCUTS.flatMap((r) => r.keys);
    expect(new Set(keys).size).toBe(keys.length);
    for (const action of WORKBENCH_ACTIONS) expect(WORKBENCH_SHORTCUTS.some((r) => r.action === action)).toBe(true);
    expect(shortcutFor("setRole", "title")).toBe("Mod-Alt-2");
    expect(shortcutFor("setRole", "jump")).toBe("Mod-Alt-0");
  });

  it("formats keys for the platform", () => {
    expect(formatShortcut("Mod-Shift-s", false)).toBe("Ctrl+Shift+S");
    expect(formatShortcut("Mod-Shift-s", true)).toBe("⌘⇧S");
    expect(formatShortcut("Alt-ArrowUp", false)).toBe("Alt+↑");
    expect(formatShortcut("Mod-.", false)).toBe("Ctrl+.");
    const help = describeShortcuts(DEFAULT_WORKBENCH_LABELS, false);
    expect(help).toContainEqual({ label: "设为主题", keys: ["Ctrl+Alt+2"] });
    expect(help).toContainEqual({ label: "下一处存疑", keys: ["F8", "Ctrl+."] });
  });

  it("fills placeholders and merges partial labels", () => {
    expect(fillLabel(DEFAULT_WORKBENCH_LABELS.article, { n: 3 })).toBe("稿件 3");
    const labels = resolveLabels({ tray: "Unassigned", roles: { title: "Headline" } });
    expect(labels.tray).toBe("Unassigned");
    expect(labels.roles.title).toBe("Headline");
    expect(labels.roles.kicker).toBe("引题");
  });
});

describe("undo steps", () => {
  it("keeps a command apart from the typing before and after it", () => {
    const { state } = makeState();
    let s = at(state, "b2", 2);
    const typed = (st: EditorState, text: string) => st.applyTransaction(st.tr.insertText(text)).state;
    s = typed(s, "甲");
    s = mustRun(s, setBlockRole("lead"));
    s = typed(s, "乙");
    s = mustRun(s, undo);
    expect(blockNode(s, "b2").textContent).toBe("第一甲段内容。");
    expect(blockNode(s, "b2").attrs.role).toBe("lead");
    s = mustRun(s, undo);
    expect(blockNode(s, "b2").attrs.role).toBe("paragraph");
    expect(blockNode(s, "b2").textContent).toBe("第一甲段内容。");
    s = mustRun(s, undo);
    expect(blockNode(s, "b2").textContent).toBe("第一段内容。");
  });
});
