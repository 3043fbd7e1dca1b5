import type { Node as PMNode } from "@tiptap/pm/model";
import { Plugin, PluginKey, type Transaction } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { currentBlock, doubtFocusKey, idMinter, type DoubtFocus, type WorkbenchContext } from "./commands";

/**
 * Remembers the doubt nextDoubt stopped on, so the next press moves past it even when
 * it was an article's doubt (whose cursor target is its first block). Forgotten as
 * soon as the editor moves the cursor; mapped through edits such as resolveDoubt.
 */
export function doubtFocusPlugin(): Plugin<DoubtFocus | null> {
  return new Plugin<DoubtFocus | null>({
    key: doubtFocusKey,
    state: {
      init: () => null,
      apply(tr, value) {
        const meta = tr.getMeta(doubtFocusKey) as DoubtFocus | null | undefined;
        if (meta !== undefined) return meta;
        if (value === null) return null;
        if (tr.selectionSet) return null;
        if (!tr.docChanged) return value;
        // -1: a node's own markup change (resolveDoubt) replaces the token after its position.
        const mapped = tr.mapping.mapResult(value.pos, -1);
        return mapped.deleted ? null : { pos: mapped.pos, confidence: value.confidence };
      },
    },
    props: {
      // The doubt being visited is outlined, so the editor sees which one F8 stopped on.
      decorations(state) {
        const focus = doubtFocusKey.getState(state);
        const node = focus ? state.doc.nodeAt(focus.pos) : null;
        if (!focus || !node) return null;
        return DecorationSet.create(state.doc, [
          Decoration.node(focus.pos, focus.pos + node.nodeSize, { class: "outline outline-2 outline-amber-500", "data-doubt-focus": String(focus.confidence) }),
        ]);
      },
    },
  });
}

export const normalizeKey = new PluginKey("workbenchNormalize");

/**
 * Repairs what native editing can produce but the commands never do: nodes without an
 * id or with a duplicate id (paste, drop), an `origin` left on a block outside the
 * bin, and the placeholder article ProseMirror fills in when a drag empties one (all
 * its blocks lack an id and text). Runs in the same undo step as the edit.
 */
export function normalizePlugin(ctx: Pick<WorkbenchContext, "newId">): Plugin {
  return new Plugin({
    key: normalizeKey,
    appendTransaction(transactions, _old, state) {
      if (!transactions.some((t) => t.docChanged)) return null;
      return normalizeDoc(state.doc, state.tr, ctx);
    },
  });
}

/** Applies the repairs to `tr` (built on `doc`); returns it, or null when nothing needed fixing. */
export function normalizeDoc(doc: PMNode, tr: Transaction, ctx: Pick<WorkbenchContext, "newId">): Transaction | null {
  const seen = new Set<string>();
  const fixes: { pos: number; attrs: Record<string, unknown> }[] = [];
  const drop: { from: number; to: number }[] = [];
  const mint = idMinter(doc, ctx);
  let pos = 0;
  doc.forEach((container) => {
    const kind = container.type.name;
    if (kind === "article") {
      let placeholder = true;
      container.forEach((b) => {
        if (b.attrs.id || b.content.size > 0) placeholder = false;
      });
      if (placeholder) {
        drop.push({ from: pos, to: pos + container.nodeSize });
        pos += container.nodeSize;
        return;
      }
      const id = String(container.attrs.id ?? "");
      if (!id || seen.has(id)) fixes.push({ pos, attrs: { ...container.attrs, id: mint() } });
      else seen.add(id);
    }
    let p = pos + 1;
    container.forEach((block) => {
      const id = String(block.attrs.id ?? "");
      let attrs: Record<string, unknown> | null = null;
      if (!id || seen.has(id)) attrs = { ...block.attrs, id: mint() };
      else seen.add(id);
      if (kind !== "bin" && block.attrs.origin !== null) attrs = { ...(attrs ?? block.attrs), origin: null };
      if (attrs) fixes.push({ pos: p, attrs });
      p += block.nodeSize;
    });
    pos += container.nodeSize;
  });
  if (fixes.length === 0 && drop.length === 0) return null;
  for (const f of fixes) tr.setNodeMarkup(f.pos, undefined, f.attrs);
  for (const d of drop.reverse()) tr.delete(d.from, d.to);
  return tr;
}

export const decorationsKey = new PluginKey<DecorationSet>("workbenchDecorations");

/**
 * Node decorations the node views read: each article's index (for "稿件 N" and its
 * colour) and `data-current` on the cursor's block.
 */
export function decorationsPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: decorationsKey,
    state: {
      init: (_config, state) => build(state.doc, currentBlock(state)?.pos ?? null),
      apply(tr, value, _old, state) {
        if (!tr.docChanged && !tr.selectionSet) return value;
        return build(state.doc, currentBlock(state)?.pos ?? null);
      },
    },
    props: {
      decorations(state) {
        return decorationsKey.getState(state);
      },
    },
  });
}

function build(doc: PMNode, current: number | null): DecorationSet {
  const decos: Decoration[] = [];
  let pos = 0;
  let index = 0;
  doc.forEach((container) => {
    if (container.type.name === "article") {
      decos.push(Decoration.node(pos, pos + container.nodeSize, {}, { articleIndex: index++ }));
    }
    pos += container.nodeSize;
  });
  if (current !== null) {
    const node = doc.nodeAt(current);
    if (node) decos.push(Decoration.node(current, current + node.nodeSize, { "data-current": "true" }));
  }
  return DecorationSet.create(doc, decos);
}
