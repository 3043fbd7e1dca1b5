import { getSchema } from "@tiptap/core";
import { history, undo } from "@tiptap/pm/history";
import type { Node as PMNode, Slice } from "@tiptap/pm/model";
import { EditorState, NodeSelection, TextSelection } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import type { Span } from "@/lib/ingest";
import { parseWorkbenchDoc, type BlockDoubt, type BlockNode, type WorkbenchDoc, type WorkbenchRole } from "@/lib/workbench";
import { currentBlock, dropNode, type DropTarget } from "./commands";
import { toWorkbenchDoc } from "./doc-json";
import { draggedPos, dropMark, dropTarget, hoverFrom, type DropHover } from "./drop";
import { createWorkbenchExtensions } from "./extensions";
import { normalizePlugin } from "./plugins";

const RAW = ["标题一", "第一段内容。", "第二段内容。", "Title two", "Hello world.", "孤立文字", "报头"].join("\n");

function spanOf(text: string): Span[] {
  const start = RAW.indexOf(text);
  return [{ start, end: start + text.length }];
}

function block(id: string, role: WorkbenchRole, text: string, doubt: BlockDoubt | null = null): BlockNode {
  return { type: "block", attrs: { id, role, spans: spanOf(text), confidence: 0.9, doubt }, content: [{ type: "text", text }] };
}

/** a1 [b1 b2 b3] · a2 [b4 b5] · tray [b6] · bin [b7] */
function sampleDoc(): WorkbenchDoc {
  return {
    type: "doc",
    content: [
      { type: "article", attrs: { id: "a1", doubt: null }, content: [block("b1", "title", "标题一"), block("b2", "paragraph", "第一段内容。"), block("b3", "paragraph", "第二段内容。")] },
      { type: "article", attrs: { id: "a2", doubt: null }, content: [block("b4", "title", "Title two"), block("b5", "paragraph", "Hello world.")] },
      { type: "tray", content: [block("b6", "paragraph", "孤立文字", { kind: "no_article", reason: "orphan" })] },
      { type: "bin", content: [block("b7", "paragraph", "报头", { kind: "furniture", reason: "masthead" })] },
    ],
  };
}

const schema = getSchema(createWorkbenchExtensions({ rawText: RAW, nodeViews: false }));

function makeState(doc: WorkbenchDoc = sampleDoc()): EditorState {
  let n = 0;
  const node = schema.nodeFromJSON(doc);
  node.check();
  return EditorState.create({ schema, doc: node, plugins: [history(), normalizePlugin({ newId: () => `n${++n}` })] });
}

function posOf(doc: PMNode, id: string): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found >= 0) return false;
    if (node.attrs.id === id) found = pos;
    return node.type.name !== "block";
  });
  if (found < 0) throw new Error(`no node ${id}`);
  return found;
}

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

function drop(state: EditorState, id: string, target: DropTarget): EditorState {
  let next: EditorState | null = null;
  const ok = dropNode(posOf(state.doc, id), target)(state, (tr) => {
    next = state.applyTransaction(tr).state;
  });
  expect(ok).toBe(true);
  if (!next) throw new Error("not dispatched");
  const s: EditorState = next;
  s.doc.check();
  const parsed = parseWorkbenchDoc(toWorkbenchDoc(s.doc.toJSON() as Parameters<typeof toWorkbenchDoc>[0]), RAW.length);
  expect(parsed.ok ? "ok" : parsed.message).toBe("ok");
  return s;
}

function attrsOf(state: EditorState, id: string) {
  return state.doc.nodeAt(posOf(state.doc, id))?.attrs as Record<string, unknown>;
}

const over = (container: number, after = false, block: { index: number; after: boolean } | null = null): DropHover => ({ container, after, block });

describe("hoverFrom", () => {
  const doc = makeState().doc;
  const never = () => false;

  it("reads a block under the pointer and its container", () => {
    const b5 = posOf(doc, "b5");
    const a2 = posOf(doc, "a2");
    expect(hoverFrom(doc, { pos: b5 + 3, inside: b5 }, (p) => p === b5)).toEqual(over(1, false, { index: 1, after: true }));
    expect(hoverFrom(doc, { pos: b5 + 3, inside: b5 }, (p) => p === a2)).toEqual(over(1, true, { index: 1, after: false }));
  });

  it("reads a container's own parts (header, heading, empty set-aside)", () => {
    const bin = doc.content.size - doc.lastChild!.nodeSize;
    expect(hoverFrom(doc, { pos: bin + 1, inside: bin }, never)).toEqual(over(3));
    expect(hoverFrom(doc, { pos: 1, inside: 0 }, () => true)).toEqual(over(0, true));
  });

  it("reads the editor's margins as a gap between containers, or the position found there", () => {
    const a2 = posOf(doc, "a2");
    expect(hoverFrom(doc, { pos: a2, inside: -1 }, never)).toEqual({ gap: 1 });
    expect(hoverFrom(doc, { pos: doc.content.size, inside: -1 }, never)).toEqual({ gap: 4 });
    const b4 = posOf(doc, "b4");
    expect(hoverFrom(doc, { pos: b4 + 2, inside: -1 }, never)).toEqual(over(1, false, { index: 0, after: false }));
    expect(hoverFrom(doc, { pos: b4, inside: -1 }, never)).toEqual(over(1, false, { index: 0, after: false }));
  });
});

describe("dropTarget", () => {
  const doc = makeState().doc;
  const b2 = posOf(doc, "b2");
  const a1 = posOf(doc, "a1");
  const a2 = posOf(doc, "a2");

  it("puts a block before or after the block under the pointer", () => {
    expect(dropTarget(doc, b2, over(1, false, { index: 0, after: false }))).toEqual({ kind: "block", container: 1, index: 0 });
    expect(dropTarget(doc, b2, over(1, false, { index: 0, after: true }))).toEqual({ kind: "block", container: 1, index: 1 });
    expect(dropTarget(doc, b2, over(3, false, { index: 0, after: true }))).toEqual({ kind: "block", container: 3, index: 1 });
  });

  it("puts a block at the start of a container from its header or heading, at its end from its lower half", () => {
    expect(dropTarget(doc, b2, over(1))).toEqual({ kind: "block", container: 1, index: 0 });
    expect(dropTarget(doc, b2, over(3))).toEqual({ kind: "block", container: 3, index: 0 });
    expect(dropTarget(doc, b2, over(2, true))).toEqual({ kind: "block", container: 2, index: 1 });
  });

  it("puts a block dropped between containers at the end of the one above", () => {
    expect(dropTarget(doc, b2, { gap: 2 })).toEqual({ kind: "block", container: 1, index: 2 });
    expect(dropTarget(doc, b2, { gap: 4 })).toEqual({ kind: "block", container: 3, index: 1 });
    expect(dropTarget(doc, posOf(doc, "b5"), { gap: 0 })).toEqual({ kind: "block", container: 0, index: 0 });
  });

  it("leaves a block dropped on itself or next to itself where it is", () => {
    expect(dropTarget(doc, b2, over(0, false, { index: 1, after: false }))).toBeNull();
    expect(dropTarget(doc, b2, over(0, false, { index: 1, after: true }))).toBeNull();
    expect(dropTarget(doc, b2, over(0, false, { index: 0, after: true }))).toBeNull();
    expect(dropTarget(doc, b2, over(0, false, { index: 2, after: false }))).toBeNull();
    expect(dropTarget(doc, b2, over(0, false, { index: 0, after: false }))).toEqual({ kind: "block", container: 0, index: 0 });
  });

  it("puts an article before or after the article under the pointer", () => {
    expect(dropTarget(doc, a2, over(0, false, { index: 2, after: true }))).toEqual({ kind: "article", index: 0 });
    expect(dropTarget(doc, a1, over(1, true))).toEqual({ kind: "article", index: 2 });
    expect(dropTarget(doc, a1, over(1, false))).toBeNull();
    expect(dropTarget(doc, a1, over(0, true))).toBeNull();
  });

  it("puts an article over the tray after the last article, and over the bin into the bin", () => {
    expect(dropTarget(doc, a1, over(2))).toEqual({ kind: "article", index: 2 });
    expect(dropTarget(doc, a2, over(2))).toBeNull();
    expect(dropTarget(doc, a1, over(3, false, { index: 0, after: true }))).toEqual({ kind: "discard", index: 1 });
    expect(dropTarget(doc, a1, { gap: 4 })).toEqual({ kind: "article", index: 2 });
    expect(dropTarget(doc, a2, { gap: 0 })).toEqual({ kind: "article", index: 0 });
  });

  it("drags nothing else", () => {
    expect(dropTarget(doc, posOf(doc, "b2") + 1, over(1))).toBeNull();
    expect(dropTarget(doc, doc.content.size - doc.lastChild!.nodeSize, over(0))).toBeNull();
  });
});

describe("dropMark", () => {
  const doc = makeState().doc;

  it("draws the line before the block or article that will follow, or after the last one", () => {
    expect(dropMark(doc, { kind: "block", container: 1, index: 1 })).toEqual({ pos: posOf(doc, "b5"), side: "before" });
    expect(dropMark(doc, { kind: "block", container: 1, index: 2 })).toEqual({ pos: posOf(doc, "b5"), side: "after" });
    expect(dropMark(doc, { kind: "discard", index: 0 })).toEqual({ pos: posOf(doc, "b7"), side: "before" });
    expect(dropMark(doc, { kind: "article", index: 1 })).toEqual({ pos: posOf(doc, "a2"), side: "before" });
    expect(dropMark(doc, { kind: "article", index: 2 })).toEqual({ pos: posOf(doc, "a2"), side: "after" });
  });

  it("outlines an empty container", () => {
    const empty = sampleDoc();
    empty.content[2] = { type: "tray", content: [] };
    const d = makeState(empty).doc;
    const tray = posOf(d, "b7") - 1 - d.child(2).nodeSize;
    expect(dropMark(d, { kind: "block", container: 2, index: 0 })).toEqual({ pos: tray, side: "into" });
  });
});

describe("dropNode", () => {
  it("moves a block into another article and selects it, in one undo step", () => {
    const state = makeState();
    const s = drop(state, "b2", { kind: "block", container: 1, index: 1 });
    expect(outline(s)).toEqual([["a1", "b1", "b3"], ["a2", "b4", "b2", "b5"], ["tray", "b6"], ["bin", "b7"]]);
    expect(s.selection).toBeInstanceOf(NodeSelection);
    expect(currentBlock(s)?.node.attrs.id).toBe("b2");
    expect(undo(s, (tr) => expect(s.applyTransaction(tr).state.doc.eq(state.doc)).toBe(true))).toBe(true);
  });

  it("moves a block later in its own article", () => {
    const s = drop(makeState(), "b1", { kind: "block", container: 0, index: 3 });
    expect(outline(s)[0]).toEqual(["a1", "b2", "b3", "b1"]);
  });

  it("remembers the article a block dropped in the bin came from, so restore can put it back", () => {
    const s = drop(makeState(), "b4", { kind: "block", container: 3, index: 0 });
    expect(outline(s)).toEqual([["a1", "b1", "b2", "b3"], ["a2", "b5"], ["tray", "b6"], ["bin", "b4", "b7"]]);
    expect(attrsOf(s, "b4").origin).toBe("a2");
  });

  it("answers a set-aside doubt when tray or bin text is dropped in an article, and forgets the origin", () => {
    let s = drop(makeState(), "b6", { kind: "block", container: 1, index: 2 });
    expect(attrsOf(s, "b6").doubt).toBeNull();
    s = drop(s, "b4", { kind: "block", container: 3, index: 1 });
    s = drop(s, "b4", { kind: "block", container: 0, index: 0 });
    expect(attrsOf(s, "b4").origin).toBeNull();
    expect(outline(s)[0]).toEqual(["a1", "b4", "b1", "b2", "b3"]);
  });

  it("removes an article whose only block was dragged away", () => {
    let s = drop(makeState(), "b5", { kind: "block", container: 0, index: 0 });
    s = drop(s, "b4", { kind: "block", container: 2, index: 1 });
    expect(outline(s)).toEqual([["a1", "b5", "b1", "b2", "b3"], ["tray", "b6", "b4"], ["bin", "b7"]]);
  });

  it("moves an article before another, and after the last one", () => {
    const state = makeState();
    let s = drop(state, "a2", { kind: "article", index: 0 });
    expect(outline(s).map((r) => r[0])).toEqual(["a2", "a1", "tray", "bin"]);
    expect(s.selection).toBeInstanceOf(NodeSelection);
    expect((s.selection as NodeSelection).node.attrs.id).toBe("a2");
    s = drop(s, "a2", { kind: "article", index: 2 });
    expect(s.doc.eq(state.doc)).toBe(true);
  });

  it("discards an article dropped in the bin, each block remembering it", () => {
    const s = drop(makeState(), "a1", { kind: "discard", index: 1 });
    expect(outline(s)).toEqual([["a2", "b4", "b5"], ["tray", "b6"], ["bin", "b7", "b1", "b2", "b3"]]);
    for (const id of ["b1", "b2", "b3"]) expect(attrsOf(s, id).origin).toBe("a1");
    expect(s.selection).toBeInstanceOf(TextSelection);
    expect(currentBlock(s)?.node.attrs.id).toBe("b1");
  });

  it("refuses a drop that changes nothing or does not fit", () => {
    const state = makeState();
    const none = (from: number, target: DropTarget) => dropNode(from, target)(state, () => undefined);
    expect(none(posOf(state.doc, "b2"), { kind: "block", container: 0, index: 2 })).toBe(false);
    expect(none(posOf(state.doc, "b2"), { kind: "block", container: 1, index: 9 })).toBe(false);
    expect(none(posOf(state.doc, "a1"), { kind: "article", index: 1 })).toBe(false);
    expect(none(posOf(state.doc, "a1"), { kind: "article", index: 3 })).toBe(false);
    expect(none(posOf(state.doc, "b2"), { kind: "article", index: 0 })).toBe(false);
    expect(none(posOf(state.doc, "a1") + 1, { kind: "article", index: 2 })).toBe(false);
  });
});

describe("draggedPos", () => {
  const state = makeState();
  const b2 = posOf(state.doc, "b2");
  const slice = (s: EditorState, pos: number): Slice => NodeSelection.create(s.doc, pos).content();

  it("takes the node ProseMirror made the drag", () => {
    const dragging = { slice: slice(state, b2), move: true, node: NodeSelection.create(state.doc, b2) };
    expect(draggedPos({ state, dragging })).toBe(b2);
  });

  it("takes the selected node when that is what is dragged", () => {
    const selected = state.apply(state.tr.setSelection(NodeSelection.create(state.doc, b2)));
    expect(draggedPos({ state: selected, dragging: { slice: slice(selected, b2), move: true } })).toBe(b2);
  });

  it("ignores text and other drags", () => {
    expect(draggedPos({ state, dragging: null })).toBeNull();
    const text = state.apply(state.tr.setSelection(TextSelection.create(state.doc, b2 + 1, b2 + 3)));
    expect(draggedPos({ state: text, dragging: { slice: text.selection.content(), move: true } })).toBeNull();
  });
});
