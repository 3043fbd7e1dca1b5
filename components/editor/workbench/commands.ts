import { Fragment, type Node as PMNode } from "@tiptap/pm/model";
import { closeHistory } from "@tiptap/pm/history";
import { NodeSelection, PluginKey, Selection, TextSelection, type Command, type EditorState, type Transaction } from "@tiptap/pm/state";
import type { Span } from "@/lib/ingest";
import { joinSpans, splitSpansAt, WORKBENCH_ROLES, type BlockDoubt, type WorkbenchRole } from "@/lib/workbench";

/**
 * The workbench's editing commands as plain ProseMirror commands: each builds one
 * transaction (one undo step) and keeps the document valid for `article* tray bin`
 * (an article that loses its last block is removed). They are wrapped as Tiptap
 * commands in extensions.ts and tested headlessly in commands.test.ts.
 *
 * Structure is fixed: doc (depth 0) > article | tray | bin (depth 1) > block (depth 2).
 */

export type WorkbenchContext = {
  /** The normalized raw text every span points into (`Segmentation.text`). */
  rawText: string;
  /** A new id candidate; the commands retry until it is unused in the document. */
  newId: () => string;
};

export type ContainerKind = "article" | "tray" | "bin";

export type ContainerRef = { node: PMNode; pos: number; index: number; kind: ContainerKind };
export type BlockRef = { node: PMNode; pos: number; index: number; container: ContainerRef };

/**
 * The doubt nextDoubt stopped on: where it is, and how sure the engine was there (its
 * place in the walk). A second press knows an article's doubt was already shown.
 */
export type DoubtFocus = { pos: number; confidence: number };

export const doubtFocusKey = new PluginKey<DoubtFocus | null>("workbenchDoubtFocus");

/** Set-aside reasons (why text went to the tray or bin); placing the text answers them. */
const SET_ASIDE_KINDS = new Set<string>(["no_article", "stray_letters", "vertical_label", "duplicate", "furniture", "unassigned"]);

/** Random ids: article ids key drafts across accepts, so they must never be reused. */
export function randomId(): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  let s = "n";
  for (const b of bytes) s += (b % 36).toString(36);
  return s;
}

// ---------------------------------------------------------------------------
// Reading the document

function kindOf(node: PMNode): ContainerKind | null {
  const name = node.type.name;
  return name === "article" || name === "tray" || name === "bin" ? name : null;
}

export function articleCount(doc: PMNode): number {
  let n = 0;
  doc.forEach((child) => {
    if (child.type.name === "article") n++;
  });
  return n;
}

function containerAt(doc: PMNode, index: number): ContainerRef | null {
  if (index < 0 || index >= doc.childCount) return null;
  let pos = 0;
  for (let i = 0; i < index; i++) pos += doc.child(i).nodeSize;
  const node = doc.child(index);
  const kind = kindOf(node);
  return kind ? { node, pos, index, kind } : null;
}

function findContainer(doc: PMNode, match: (node: PMNode) => boolean): ContainerRef | null {
  let pos = 0;
  for (let i = 0; i < doc.childCount; i++) {
    const node = doc.child(i);
    const kind = kindOf(node);
    if (kind && match(node)) return { node, pos, index: i, kind };
    pos += node.nodeSize;
  }
  return null;
}

/** Position of the block with this id inside an article. */
function findArticleBlock(doc: PMNode, id: string): number | null {
  let pos = 0;
  for (let i = 0; i < doc.childCount; i++) {
    const container = doc.child(i);
    if (container.type.name === "article") {
      let p = pos + 1;
      for (let j = 0; j < container.childCount; j++) {
        const block = container.child(j);
        if (block.attrs.id === id) return p;
        p += block.nodeSize;
      }
    }
    pos += container.nodeSize;
  }
  return null;
}

/** Where a block can be put back after the document changed: articles by id, tray and bin by kind. */
type ContainerKey = { kind: "article"; id: string } | { kind: "tray" } | { kind: "bin" };

function keyOf(c: ContainerRef): ContainerKey {
  return c.kind === "article" ? { kind: "article", id: String(c.node.attrs.id) } : { kind: c.kind };
}

function locate(doc: PMNode, key: ContainerKey): ContainerRef | null {
  return key.kind === "article"
    ? findContainer(doc, (n) => n.type.name === "article" && n.attrs.id === key.id)
    : findContainer(doc, (n) => n.type.name === key.kind);
}

/** Position before child `index` of a container (index = childCount: its end). */
function childPos(c: ContainerRef, index: number): number {
  let pos = c.pos + 1;
  for (let i = 0; i < index && i < c.node.childCount; i++) pos += c.node.child(i).nodeSize;
  return pos;
}

function blockRefAt(doc: PMNode, pos: number): BlockRef | null {
  if (pos < 0 || pos >= doc.content.size) return null;
  const node = doc.nodeAt(pos);
  if (!node || node.type.name !== "block") return null;
  const $pos = doc.resolve(pos);
  if ($pos.depth !== 1) return null;
  const container = containerAt(doc, $pos.index(0));
  return container ? { node, pos, index: $pos.index(1), container } : null;
}

/** The block holding the cursor (or the selected block node). */
export function currentBlock(state: EditorState): BlockRef | null {
  const sel = state.selection;
  if (sel instanceof NodeSelection) return sel.node.type.name === "block" ? blockRefAt(state.doc, sel.from) : null;
  const $from = sel.$from;
  if ($from.depth < 2) return null;
  return blockRefAt(state.doc, $from.before(2));
}

/** The article, tray or bin holding the cursor (or the selected article node). */
export function currentContainer(state: EditorState): ContainerRef | null {
  const sel = state.selection;
  if (sel instanceof NodeSelection && kindOf(sel.node)) return containerAt(state.doc, sel.$from.index(0));
  const $from = sel.$from;
  if ($from.depth < 1) return null;
  return containerAt(state.doc, $from.index(0));
}

/**
 * Blocks the selection covers: the cursor's block, or every block with selected
 * content (a range that merely touches a block's edge does not take it).
 */
export function selectedBlocks(state: EditorState): BlockRef[] {
  const sel = state.selection;
  if (sel.empty || sel instanceof NodeSelection) {
    const b = currentBlock(state);
    return b ? [b] : [];
  }
  const { from, to } = sel;
  const out: BlockRef[] = [];
  let pos = 0;
  for (let i = 0; i < state.doc.childCount; i++) {
    const node = state.doc.child(i);
    const kind = kindOf(node);
    const end = pos + node.nodeSize;
    if (kind && end > from && pos < to) {
      const container: ContainerRef = { node, pos, index: i, kind };
      let p = pos + 1;
      node.forEach((block, _offset, index) => {
        const s = p + 1;
        const e = p + block.nodeSize - 1;
        if (from < e && to > s) out.push({ node: block, pos: p, index, container });
        else if (s === e && from <= s && to >= e) out.push({ node: block, pos: p, index, container });
        p += block.nodeSize;
      });
    }
    pos = end;
  }
  return out;
}

export type DoubtStop = { kind: "article" | "block"; pos: number; target: number; confidence: number };

const conf = (n: PMNode): number => (typeof n.attrs.confidence === "number" ? n.attrs.confidence : 1);

/** Before in the doubt walk: the engine less sure, then earlier in the document. */
const walkOrder = (a: { confidence: number; pos: number }, b: { confidence: number; pos: number }) => a.confidence - b.confidence || a.pos - b.pos;

/**
 * Every article and block with a doubt, the ones the engine was least sure of first (in
 * document order among equals, an article before its blocks); `target` is where the
 * cursor goes. An article is as sure as its least sure block.
 */
export function doubtStops(doc: PMNode): DoubtStop[] {
  const out: DoubtStop[] = [];
  let pos = 0;
  doc.forEach((container) => {
    if (container.type.name === "article" && container.attrs.doubt) {
      let weakest = 1;
      container.forEach((block) => (weakest = Math.min(weakest, conf(block))));
      out.push({ kind: "article", pos, target: pos + 2, confidence: weakest });
    }
    let p = pos + 1;
    container.forEach((block) => {
      if (block.attrs.doubt) out.push({ kind: "block", pos: p, target: p + 1, confidence: conf(block) });
      p += block.nodeSize;
    });
    pos += container.nodeSize;
  });
  return out.sort(walkOrder);
}

function collectIds(doc: PMNode): Set<string> {
  const ids = new Set<string>();
  doc.forEach((container) => {
    if (container.attrs.id) ids.add(String(container.attrs.id));
    container.forEach((block) => {
      if (block.attrs.id) ids.add(String(block.attrs.id));
    });
  });
  return ids;
}

/** An id generator that never returns an id the document (or an earlier call) uses. */
export function idMinter(doc: PMNode, ctx: Pick<WorkbenchContext, "newId">): () => string {
  let used: Set<string> | null = null;
  let fallback = 0;
  return () => {
    used ??= collectIds(doc);
    for (let attempt = 0; attempt < 100; attempt++) {
      const id = ctx.newId();
      if (/^[A-Za-z0-9_-]{1,64}$/.test(id) && !used.has(id)) {
        used.add(id);
        return id;
      }
    }
    // A generator stuck on one value: count past it.
    for (;;) {
      const id = `n${Date.now().toString(36)}x${(fallback++).toString(36)}`;
      if (!used.has(id)) {
        used.add(id);
        return id;
      }
    }
  };
}

// ---------------------------------------------------------------------------
// Moving blocks

type BlockAttrsPM = {
  id: string;
  role: WorkbenchRole;
  spans: Span[];
  confidence: number;
  doubt: BlockDoubt | null;
  origin: string | null;
};

const attrsOf = (node: PMNode) => node.attrs as BlockAttrsPM;

/**
 * A block's attrs once it lands in `target`: the bin remembers which article it came
 * from; placing set-aside text in an article answers why it was set aside.
 */
function landed(node: PMNode, from: ContainerRef, target: ContainerKind): PMNode {
  const a = attrsOf(node);
  let attrs: BlockAttrsPM = a;
  if (target === "bin") {
    const origin = from.kind === "bin" ? a.origin : from.kind === "article" ? String(from.node.attrs.id) : null;
    if (origin !== a.origin) attrs = { ...attrs, origin };
  } else {
    if (a.origin !== null) attrs = { ...attrs, origin: null };
    if (target === "article" && from.kind !== "article" && a.doubt && SET_ASIDE_KINDS.has(a.doubt.kind)) {
      attrs = { ...attrs, doubt: null, confidence: 1 };
    }
  }
  return attrs === a ? node : node.type.create(attrs, node.content);
}

/**
 * Deletes blocks (positions in `tr.doc`, which must not have changed since they were
 * read). An article left without blocks is deleted whole.
 */
function removeBlocks(tr: Transaction, refs: readonly BlockRef[]): void {
  const byContainer = new Map<number, BlockRef[]>();
  for (const r of refs) {
    const list = byContainer.get(r.container.pos);
    if (list) list.push(r);
    else byContainer.set(r.container.pos, [r]);
  }
  const containers = [...byContainer.values()].sort((a, b) => (b[0]?.container.pos ?? 0) - (a[0]?.container.pos ?? 0));
  for (const list of containers) {
    const c = list[0]?.container;
    if (!c) continue;
    if (c.kind === "article" && list.length >= c.node.childCount) {
      tr.delete(c.pos, c.pos + c.node.nodeSize);
      continue;
    }
    for (const r of [...list].sort((a, b) => b.pos - a.pos)) tr.delete(r.pos, r.pos + r.node.nodeSize);
  }
}

/** Records where the selection sits inside a node, to put it back once the node moved. */
function selectionWithin(state: EditorState, pos: number, node: PMNode): (tr: Transaction, newPos: number) => void {
  const sel = state.selection;
  if (sel instanceof NodeSelection && sel.from === pos) return (tr, p) => tr.setSelection(NodeSelection.create(tr.doc, p));
  const end = pos + node.nodeSize;
  const inside = (x: number) => x > pos && x < end;
  const anchor = inside(sel.anchor) ? sel.anchor - pos : inside(sel.from) ? sel.from - pos : 1;
  const head = inside(sel.anchor) && inside(sel.head) ? sel.head - pos : anchor;
  return (tr, p) => {
    try {
      tr.setSelection(TextSelection.create(tr.doc, p + anchor, p + head));
    } catch {
      tr.setSelection(Selection.near(tr.doc.resolve(p)));
    }
  };
}

/** Cursor near where something was removed (the next block, else the previous one). */
function selectNear(tr: Transaction, pos: number): void {
  const at = Math.max(0, Math.min(pos, tr.doc.content.size));
  tr.setSelection(Selection.near(tr.doc.resolve(at), 1));
}

type Dispatch = ((tr: Transaction) => void) | undefined;

/**
 * Makes a command's transaction its own undo step: never merged into the typing
 * before it (closeHistory), nor the typing after it (time 0 looks, to the history,
 * like an edit made long ago, so the next one starts a new group).
 */
function undoStep(tr: Transaction): Transaction {
  return closeHistory(tr).setTime(0).scrollIntoView();
}

/**
 * Moves one block to `index` of the container `key` (positions read after the block
 * was taken out; index = "end" appends). Returns the block's new position.
 */
function moveBlockInto(tr: Transaction, ref: BlockRef, key: ContainerKey, index: number | "end"): number | null {
  removeBlocks(tr, [ref]);
  const target = locate(tr.doc, key);
  if (!target) return null;
  const at = childPos(target, index === "end" ? target.node.childCount : Math.min(index, target.node.childCount));
  tr.insert(at, landed(ref.node, ref.container, target.kind));
  return at;
}

/** Inserts a new article holding `blocks` just before the tray (after the last article). */
function appendArticle(tr: Transaction, state: EditorState, id: string, blocks: readonly PMNode[]): number | null {
  const tray = locate(tr.doc, { kind: "tray" });
  const type = state.schema.nodes.article;
  if (!tray || !type || blocks.length === 0) return null;
  tr.insert(tray.pos, type.create({ id, doubt: null }, blocks));
  return tray.pos;
}

// ---------------------------------------------------------------------------
// Commands

/**
 * Splits the cursor's article before the cursor's block: that block and the ones
 * after it become a new article. In the tray or bin, the cursor's block alone becomes
 * a new article after the last one.
 */
export function splitArticle(ctx: Pick<WorkbenchContext, "newId">): Command {
  return (state, dispatch) => {
    const b = currentBlock(state);
    if (!b) return false;
    if (b.container.kind === "article" && b.index === 0) return false;
    if (!dispatch) return true;
    const restore = selectionWithin(state, b.pos, b.node);
    const tr = state.tr;
    const id = idMinter(state.doc, ctx)();
    if (b.container.kind === "article") {
      const type = state.schema.nodes.article;
      if (!type) return false;
      tr.split(b.pos, 1, [{ type, attrs: { id, doubt: null } }]);
    } else {
      removeBlocks(tr, [b]);
      const at = appendArticle(tr, state, id, [landed(b.node, b.container, "article")]);
      if (at === null) return false;
      restore(tr, at + 1);
    }
    dispatch(undoStep(tr));
    return true;
  };
}

/** Joins the cursor's article with the previous or next one; the first keeps its id. */
export function mergeArticle(direction: "previous" | "next"): Command {
  return (state, dispatch) => {
    const c = currentContainer(state);
    if (!c || c.kind !== "article") return false;
    const other = containerAt(state.doc, direction === "previous" ? c.index - 1 : c.index + 1);
    if (!other || other.kind !== "article") return false;
    if (!dispatch) return true;
    const [first, second] = direction === "previous" ? [other, c] : [c, other];
    const tr = state.tr;
    const joinAt = first.pos + first.node.nodeSize;
    tr.join(joinAt);
    if (!first.node.attrs.doubt && second.node.attrs.doubt) {
      tr.setNodeMarkup(first.pos, undefined, { ...first.node.attrs, doubt: second.node.attrs.doubt });
    }
    dispatch(undoStep(tr));
    return true;
  };
}

/** Sets the role of the cursor's block (or of every selected block); the editor's word: confidence 1. */
export function setBlockRole(role: WorkbenchRole): Command {
  return (state, dispatch) => {
    if (!(WORKBENCH_ROLES as readonly string[]).includes(role)) return false;
    const blocks = selectedBlocks(state);
    if (blocks.length === 0) return false;
    if (!dispatch) return true;
    const tr = state.tr;
    for (const b of blocks) tr.setNodeMarkup(b.pos, undefined, { ...b.node.attrs, role, confidence: 1 });
    dispatch(undoStep(tr));
    return true;
  };
}

const LATIN_END = /[A-Za-z0-9\u00C0-\u024F.,;:!?%)\]"']$/;
const LATIN_START = /^[A-Za-z0-9\u00C0-\u024F(["']/;

/** What goes between two joined texts: nothing for CJK, a space between Latin words. */
export function joinSeparator(left: string, right: string): string {
  if (left.length === 0 || right.length === 0) return "";
  if (/\s$/.test(left) || /^\s/.test(right)) return "";
  return LATIN_END.test(left) && LATIN_START.test(right) ? " " : "";
}

/** Joins child `index` of a container with the block after it (one transaction). */
function joinAt(state: EditorState, dispatch: Dispatch, container: ContainerRef, index: number): boolean {
  if (index < 0 || index + 1 >= container.node.childCount) return false;
  if (!dispatch) return true;
  const first = container.node.child(index);
  const second = container.node.child(index + 1);
  const pos = childPos(container, index);
  const tr = state.tr;
  // An empty block (Enter at a block's edge) simply goes: the other keeps its id, role and doubt.
  const isEmpty = (n: PMNode) => n.content.size === 0 && attrsOf(n).spans.length === 0;
  if (isEmpty(first) || isEmpty(second)) {
    const dropFirst = isEmpty(first);
    const gone = dropFirst ? pos : pos + first.nodeSize;
    const size = (dropFirst ? first : second).nodeSize;
    const cursorInside = state.selection.from > gone && state.selection.from < gone + size;
    tr.delete(gone, gone + size);
    // Backspace in an empty block ends at the end of the block before it, like any editor.
    if (cursorInside) tr.setSelection(TextSelection.create(tr.doc, dropFirst ? pos + 1 : pos + first.nodeSize - 1));
    dispatch(undoStep(tr));
    return true;
  }
  const sep = joinSeparator(first.textContent, second.textContent);
  if (sep) tr.insertText(sep, pos + first.nodeSize - 1);
  tr.join(pos + first.nodeSize + sep.length);
  const a = attrsOf(first);
  const b = attrsOf(second);
  tr.setNodeMarkup(pos, undefined, {
    ...a,
    spans: joinSpans(a.spans, b.spans),
    confidence: Math.min(a.confidence, b.confidence),
    doubt: a.doubt ?? b.doubt,
  });
  dispatch(undoStep(tr));
  return true;
}

/** Joins the cursor's block with the next block of the same article (or tray, or bin). */
export const joinBlockWithNext: Command = (state, dispatch) => {
  const b = currentBlock(state);
  return b ? joinAt(state, dispatch, b.container, b.index) : false;
};

/** Joins the cursor's block onto the previous block of the same article (Backspace at its start). */
export const joinBlockWithPrevious: Command = (state, dispatch) => {
  const b = currentBlock(state);
  return b ? joinAt(state, dispatch, b.container, b.index - 1) : false;
};

/**
 * Splits the cursor's block at the cursor (Enter). Spans are divided with
 * splitSpansAt; the second half gets a new id and no doubt. Whitespace at the cut is
 * trimmed from both halves (a title split from its text keeps no trailing spaces).
 */
export function splitBlock(ctx: WorkbenchContext): Command {
  return (state, dispatch) => {
    const sel = state.selection;
    if (!(sel instanceof TextSelection)) return false;
    const b = currentBlock(state);
    if (!b) return false;
    const start = b.pos + 1;
    const end = b.pos + b.node.nodeSize - 1;
    if (sel.from < start || sel.to > end) return false;
    if (!dispatch) return true;
    const tr = state.tr;
    if (!sel.empty) tr.deleteSelection();
    const block = tr.doc.nodeAt(b.pos);
    if (!block) return false;
    const cut = tr.selection.from;
    const text = block.textContent;
    const a = attrsOf(block);
    const id = idMinter(state.doc, ctx)();
    if (cut === start && text.length > 0) {
      // Enter at the start opens an empty block above; the text keeps its id and doubt.
      tr.insert(b.pos, block.type.create({ id, role: a.role, spans: [], confidence: 1, doubt: null, origin: a.origin }));
      tr.setSelection(TextSelection.create(tr.doc, cut + 2));
      dispatch(undoStep(tr));
      return true;
    }
    const offset = cut - start;
    const [left, right] = splitSpansAt(ctx.rawText, a.spans, text, offset);
    // "标题   正文" split anywhere in its spaces gives "标题" and "正文": the spaces at the cut go.
    // Only whitespace is dropped (the spans keep every raw character), and not when the first
    // half would be left empty.
    const before = text.slice(0, offset).replace(/\s+$/u, "").length;
    const after = offset + (text.slice(offset).length - text.slice(offset).replace(/^\s+/u, "").length);
    const at = before > 0 ? start + before : cut;
    if (before > 0 && (before < offset || after > offset)) tr.delete(start + before, start + after);
    tr.split(at, 1, [{ type: block.type, attrs: { ...a, id, spans: right, doubt: null } }]);
    tr.setNodeMarkup(b.pos, undefined, { ...a, spans: left });
    tr.setSelection(TextSelection.create(tr.doc, at + 2));
    dispatch(undoStep(tr));
    return true;
  };
}

/**
 * Moves the cursor's block one place up or down. At the edge of its article it
 * crosses into the neighbouring article, or between the last article, the tray and
 * the bin, so every placement can be made from the keyboard.
 */
export function moveBlock(direction: "up" | "down"): Command {
  return (state, dispatch) => {
    const b = currentBlock(state);
    if (!b) return false;
    const c = b.container;
    let key: ContainerKey;
    let index: number | "end";
    if (direction === "up") {
      if (b.index > 0) {
        key = keyOf(c);
        index = b.index - 1;
      } else {
        const prev = containerAt(state.doc, c.index - 1);
        if (!prev) return false;
        key = keyOf(prev);
        index = "end";
      }
    } else if (b.index < c.node.childCount - 1) {
      key = keyOf(c);
      index = b.index + 1;
    } else {
      const next = containerAt(state.doc, c.index + 1);
      if (!next) return false;
      key = keyOf(next);
      index = 0;
    }
    if (!dispatch) return true;
    const restore = selectionWithin(state, b.pos, b.node);
    const tr = state.tr;
    const at = moveBlockInto(tr, b, key, index);
    if (at === null) return false;
    restore(tr, at);
    dispatch(undoStep(tr));
    return true;
  };
}

/** Moves the cursor's article before the previous or after the next article. */
export function moveArticle(direction: "up" | "down"): Command {
  return (state, dispatch) => {
    const c = currentContainer(state);
    if (!c || c.kind !== "article") return false;
    const other = containerAt(state.doc, direction === "up" ? c.index - 1 : c.index + 1);
    if (!other || other.kind !== "article") return false;
    if (!dispatch) return true;
    const restore = selectionWithin(state, c.pos, c.node);
    const tr = state.tr;
    tr.delete(c.pos, c.pos + c.node.nodeSize);
    const at = direction === "up" ? other.pos : other.pos + other.node.nodeSize - c.node.nodeSize;
    tr.insert(at, c.node);
    restore(tr, at);
    dispatch(undoStep(tr));
    return true;
  };
}

/**
 * Moves the selected blocks (article or tray) to the end of the bin, remembering the
 * article each came from. The cursor stays where the text was.
 */
export const discardBlock: Command = (state, dispatch) => {
  const blocks = selectedBlocks(state).filter((b) => b.container.kind !== "bin");
  const first = blocks[0];
  if (!first) return false;
  if (!dispatch) return true;
  const tr = state.tr;
  removeBlocks(tr, blocks);
  const was = tr.mapping.map(first.pos, -1);
  const bin = locate(tr.doc, { kind: "bin" });
  if (!bin) return false;
  tr.insert(
    childPos(bin, bin.node.childCount),
    Fragment.fromArray(blocks.map((b) => landed(b.node, b.container, "bin"))),
  );
  selectNear(tr, was);
  dispatch(undoStep(tr));
  return true;
};

/**
 * Puts the selected bin blocks back at the end of the article they came from (else
 * the last article), and tray blocks at the end of the last article. With no article
 * left, they form a new one. The cursor follows the (first) restored block.
 */
export function restoreBlock(ctx: Pick<WorkbenchContext, "newId">): Command {
  return (state, dispatch) => {
    const blocks = selectedBlocks(state).filter((b) => b.container.kind !== "article");
    const first = blocks[0];
    if (!first) return false;
    if (!dispatch) return true;
    const restore = selectionWithin(state, first.pos, first.node);
    const tr = state.tr;
    removeBlocks(tr, blocks);
    const placed: PMNode[] = blocks.map((b) => landed(b.node, b.container, "article"));
    const lastArticle = (doc: PMNode) => containerAt(doc, articleCount(doc) - 1);
    let firstAt: number | null;
    if (articleCount(tr.doc) === 0) {
      const at = appendArticle(tr, state, idMinter(state.doc, ctx)(), placed);
      firstAt = at === null ? null : at + 1;
    } else {
      // One insertion per block, in order, each at the end of its own article.
      blocks.forEach((b, i) => {
        const origin = b.container.kind === "bin" ? attrsOf(b.node).origin : null;
        const target = (origin ? locate(tr.doc, { kind: "article", id: origin }) : null) ?? lastArticle(tr.doc);
        const node = placed[i];
        if (target && node) tr.insert(childPos(target, target.node.childCount), node);
      });
      firstAt = findArticleBlock(tr.doc, attrsOf(first.node).id);
    }
    if (firstAt === null) return false;
    restore(tr, firstAt);
    dispatch(undoStep(tr));
    return true;
  };
}

export type MoveTarget = number | "new" | "tray";

/**
 * Moves the block at `blockPos` to the end of article `target` (0-based), to a new
 * article after the last one ("new"), or to the tray. For drop targets and the
 * toolbar's "move to" list.
 */
export function moveBlockToArticle(blockPos: number, target: MoveTarget, ctx: Pick<WorkbenchContext, "newId">): Command {
  return (state, dispatch) => {
    const b = blockRefAt(state.doc, blockPos);
    if (!b) return false;
    let key: ContainerKey | null = null;
    if (typeof target === "number") {
      const dest = containerAt(state.doc, target);
      if (!dest || dest.kind !== "article") return false;
      if (dest.index === b.container.index && b.index === b.container.node.childCount - 1) return false;
      key = keyOf(dest);
    } else if (target === "tray") {
      if (b.container.kind === "tray") return false;
      key = { kind: "tray" };
    }
    if (!dispatch) return true;
    const sel = state.selection;
    const follow = sel.from >= b.pos && sel.to <= b.pos + b.node.nodeSize;
    const restore = selectionWithin(state, b.pos, b.node);
    const tr = state.tr;
    let at: number | null;
    if (key) {
      at = moveBlockInto(tr, b, key, "end");
    } else {
      removeBlocks(tr, [b]);
      at = appendArticle(tr, state, idMinter(state.doc, ctx)(), [landed(b.node, b.container, "article")]);
      if (at !== null) at += 1;
    }
    if (at === null) return false;
    if (follow) restore(tr, at);
    dispatch(undoStep(tr));
    return true;
  };
}

// ---------------------------------------------------------------------------
// Drag and drop

/**
 * Where a dragged node goes, as indices in the document it was dragged in (read before
 * it is taken out): a block before child `index` of container `container` (the
 * document's child index; index = childCount appends); an article before the
 * document's child `index` (at most the tray's index, after the last article); or an
 * article's blocks into the bin before its child `index` (the article is discarded).
 */
export type DropTarget =
  | { kind: "block"; container: number; index: number }
  | { kind: "article"; index: number }
  | { kind: "discard"; index: number };

/**
 * Drops the block or article at `from` at `target` (see drop.ts for how the pointer
 * becomes a target), as one undo step. A block lands as the commands place text: the
 * bin remembers its article, an article answers a set-aside doubt, and an article
 * left without blocks goes. A block or article ends up selected, like ProseMirror's
 * own drop. False (and nothing changes) when the target would leave everything where
 * it is or does not fit.
 */
export function dropNode(from: number, target: DropTarget): Command {
  return (state, dispatch) => {
    const doc = state.doc;
    const tr = state.tr;
    let select: (tr: Transaction) => void;
    if (target.kind === "block") {
      const b = blockRefAt(doc, from);
      const dest = containerAt(doc, target.container);
      if (!b || !dest || target.index < 0 || target.index > dest.node.childCount) return false;
      if (dest.index === b.container.index && (target.index === b.index || target.index === b.index + 1)) return false;
      if (!dispatch) return true;
      const insertAt = childPos(dest, target.index);
      removeBlocks(tr, [b]);
      const at = tr.mapping.map(insertAt);
      tr.insert(at, landed(b.node, b.container, dest.kind));
      select = (t) => t.setSelection(NodeSelection.create(t.doc, at));
    } else {
      const $from = doc.resolve(Math.max(0, Math.min(from, doc.content.size)));
      const src = $from.depth === 0 ? containerAt(doc, $from.index(0)) : null;
      if (!src || src.kind !== "article" || src.pos !== from) return false;
      if (target.kind === "article") {
        const before = containerAt(doc, target.index);
        if (!before || target.index > articleCount(doc)) return false;
        if (target.index === src.index || target.index === src.index + 1) return false;
        if (!dispatch) return true;
        tr.delete(src.pos, src.pos + src.node.nodeSize);
        const at = tr.mapping.map(before.pos);
        tr.insert(at, src.node);
        select = (t) => t.setSelection(NodeSelection.create(t.doc, at));
      } else {
        const bin = locate(doc, { kind: "bin" });
        if (!bin || target.index < 0 || target.index > bin.node.childCount) return false;
        if (!dispatch) return true;
        const blocks: PMNode[] = [];
        src.node.forEach((block) => blocks.push(landed(block, src, "bin")));
        const insertAt = childPos(bin, target.index);
        tr.delete(src.pos, src.pos + src.node.nodeSize);
        const at = tr.mapping.map(insertAt);
        tr.insert(at, Fragment.fromArray(blocks));
        select = (t) => t.setSelection(TextSelection.create(t.doc, at + 1));
      }
    }
    select(tr);
    dispatch(undoStep(tr).setMeta("uiEvent", "drop"));
    return true;
  };
}

/**
 * Puts the cursor on the next (or previous) article or block with a doubt, the least
 * sure first, wrapping around. The walk goes on from the doubt it last stopped on (even
 * once that doubt is resolved); after the cursor moved, it starts again from the least sure.
 */
export function nextDoubt(direction: 1 | -1 = 1): Command {
  return (state, dispatch) => {
    const stops = doubtStops(state.doc);
    if (stops.length === 0) return false;
    if (!dispatch) return true;
    const focus = doubtFocusKey.getState(state);
    const stop = !focus
      ? direction === 1
        ? stops[0]
        : stops[stops.length - 1]
      : direction === 1
        ? (stops.find((s) => walkOrder(s, focus) > 0) ?? stops[0])
        : ([...stops].reverse().find((s) => walkOrder(s, focus) < 0) ?? stops[stops.length - 1]);
    if (!stop) return false;
    const tr = state.tr;
    tr.setSelection(TextSelection.create(tr.doc, stop.target));
    tr.setMeta(doubtFocusKey, { pos: stop.pos, confidence: stop.confidence });
    dispatch(tr.scrollIntoView());
    return true;
  };
}

/**
 * Clears the doubt the editor has just confirmed: the article's when nextDoubt
 * stopped on it, else the selected blocks' doubts, else the cursor's article's.
 */
export const resolveDoubt: Command = (state, dispatch) => {
  const focus = doubtFocusKey.getState(state);
  const focused = focus ? state.doc.nodeAt(focus.pos) : null;
  const tr = state.tr;
  if (focused && focused.type.name === "article" && focused.attrs.doubt && focus) {
    if (!dispatch) return true;
    tr.setNodeMarkup(focus.pos, undefined, { ...focused.attrs, doubt: null });
    dispatch(undoStep(tr));
    return true;
  }
  const blocks = selectedBlocks(state).filter((b) => b.node.attrs.doubt);
  if (blocks.length > 0) {
    if (!dispatch) return true;
    for (const b of blocks) tr.setNodeMarkup(b.pos, undefined, { ...b.node.attrs, doubt: null, confidence: 1 });
    dispatch(undoStep(tr));
    return true;
  }
  const c = currentContainer(state);
  if (c && c.kind === "article" && c.node.attrs.doubt) {
    if (!dispatch) return true;
    tr.setNodeMarkup(c.pos, undefined, { ...c.node.attrs, doubt: null });
    dispatch(undoStep(tr));
    return true;
  }
  return false;
};
