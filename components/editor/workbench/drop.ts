import type { Node as PMNode } from "@tiptap/pm/model";
import { NodeSelection, Plugin, PluginKey, type EditorState } from "@tiptap/pm/state";
import { Decoration, DecorationSet, type EditorView } from "@tiptap/pm/view";
import { articleCount, dropNode, type DropTarget } from "./commands";

/**
 * Dragging blocks (by their role label) and articles (by their header handle) with
 * the mouse.
 *
 * ProseMirror starts the drag itself: blocks and articles are `draggable` node types,
 * so a mousedown on a node view's handle makes the node the drag (a NodeSelection in
 * `view.dragging`). Its own drop only knows positions (`dropPoint` finds one where the
 * slice fits the schema) and copies the node as it is: a block dragged to the bin
 * forgot which article it came from (so "restore" sent it to the last article), text
 * dragged out of the tray or bin kept its set-aside doubt, and an article dropped on
 * the bin was poured into it block by block. Here the pointer is read as the
 * editor sees the page (which block or container is under it, and which half of it),
 * turned into a DropTarget, shown by a line (instead of the drop cursor) and dropped
 * with the dropNode command, which places text the way the keyboard commands do and
 * makes the drop its own undo step. Text selections and drops from outside keep
 * ProseMirror's behaviour.
 *
 * The editor pane scrolls on its own; browsers scroll it while a drag hovers near its
 * top or bottom edge, so a far target (the bin, from the first article) is reached by
 * holding the drag there.
 */

/**
 * What the pointer is over, as indices in the document: a container (article, tray or
 * bin) and, when over one, a block in it; `after` says the pointer is in the lower half
 * of that node. `gap`: between containers (the editor's margins), before child `gap`.
 */
export type DropHover =
  | { container: number; after: boolean; block: { index: number; after: boolean } | null }
  | { gap: number };

const CONTAINERS = new Set(["article", "tray", "bin"]);

/** `inside` and `pos` as from `view.posAtCoords`; `below(pos)`: the pointer is in the lower half of the node at `pos`. */
export function hoverFrom(doc: PMNode, hit: { pos: number; inside: number }, below: (pos: number) => boolean): DropHover | null {
  let at = hit.inside;
  if (at < 0) {
    // Over the editor's own margins: the position ProseMirror found there.
    const $pos = doc.resolve(Math.max(0, Math.min(hit.pos, doc.content.size)));
    if ($pos.depth === 0) return { gap: $pos.index(0) };
    if ($pos.depth === 1) return { container: $pos.index(0), after: below($pos.before(1)), block: { index: $pos.index(1), after: false } };
    at = $pos.before(2);
  }
  if (at >= doc.content.size) return null;
  const node = doc.nodeAt(at);
  if (!node) return null;
  const $at = doc.resolve(at);
  if ($at.depth === 0) return CONTAINERS.has(node.type.name) ? { container: $at.index(0), after: below(at), block: null } : null;
  if ($at.depth === 1 && node.type.name === "block") {
    return { container: $at.index(0), after: below($at.before(1)), block: { index: $at.index(1), after: below(at) } };
  }
  return null;
}

/**
 * Where the node at `from` (a block or an article) goes when dropped over `hover`;
 * null when it would stay where it is, or is not something dragged here.
 *
 * A block goes before or after the block under the pointer; over a container's own
 * parts (an article's header, the tray's or bin's heading, an empty bin) to its start,
 * or its end from its lower half; between containers, to the end of the one above.
 * An article goes before or after the article under the pointer, after the last
 * article over the tray, and into the bin (discarded, block by block) over the bin.
 */
export function dropTarget(doc: PMNode, from: number, hover: DropHover): DropTarget | null {
  if (from < 0 || from >= doc.content.size) return null;
  const dragged = doc.nodeAt(from);
  if (!dragged) return null;
  const $from = doc.resolve(from);
  const indexIn = (container: PMNode, h: Extract<DropHover, { container: number }>) =>
    h.block ? Math.min(h.block.index + (h.block.after ? 1 : 0), container.childCount) : h.after ? container.childCount : 0;

  if (dragged.type.name === "block" && $from.depth === 1) {
    const container = "gap" in hover ? Math.max(0, hover.gap - 1) : hover.container;
    const c = doc.maybeChild(container);
    if (!c || !CONTAINERS.has(c.type.name)) return null;
    const index = "gap" in hover ? (hover.gap > 0 ? c.childCount : 0) : indexIn(c, hover);
    if (container === $from.index(0) && (index === $from.index(1) || index === $from.index(1) + 1)) return null;
    return { kind: "block", container, index };
  }

  if (dragged.type.name === "article" && $from.depth === 0) {
    const articles = articleCount(doc);
    let index: number;
    if ("gap" in hover) {
      index = Math.min(hover.gap, articles);
    } else {
      const c = doc.maybeChild(hover.container);
      if (!c) return null;
      if (c.type.name === "article") index = hover.container + (hover.after ? 1 : 0);
      else if (c.type.name === "tray") index = articles;
      else if (c.type.name === "bin") return { kind: "discard", index: indexIn(c, hover) };
      else return null;
    }
    const self = $from.index(0);
    if (index === self || index === self + 1) return null;
    return { kind: "article", index };
  }
  return null;
}

export type DropMark = { pos: number; side: "before" | "after" | "into" };

/** The node the drop line is drawn on: before or after a block or article, or inside an empty container. */
export function dropMark(doc: PMNode, target: DropTarget): DropMark | null {
  const childPos = (index: number) => {
    let pos = 0;
    for (let i = 0; i < index; i++) pos += doc.child(i).nodeSize;
    return pos;
  };
  if (target.kind === "article") {
    const articles = articleCount(doc);
    if (articles === 0) return null;
    return target.index < articles ? { pos: childPos(target.index), side: "before" } : { pos: childPos(articles - 1), side: "after" };
  }
  let container = doc.childCount - 1;
  if (target.kind === "block") container = target.container;
  const c = doc.maybeChild(container);
  if (!c) return null;
  const start = childPos(container);
  if (c.childCount === 0) return { pos: start, side: "into" };
  let pos = start + 1;
  const last = Math.min(target.index, c.childCount - 1);
  for (let i = 0; i < last; i++) pos += c.child(i).nodeSize;
  return { pos, side: target.index < c.childCount ? "before" : "after" };
}

export const dropKey = new PluginKey<DropMark | null>("workbenchDrop");

/** The block or article being dragged in this editor, by its position; null for any other drag. */
export function draggedPos(view: Pick<EditorView, "dragging" | "state">): number | null {
  const dragging = view.dragging;
  if (!dragging) return null;
  const doc = view.state.doc;
  let pos: number | null = null;
  // ProseMirror keeps the NodeSelection it made for a node drag here (not in its typings).
  const node = (dragging as { node?: unknown }).node;
  if (node instanceof NodeSelection) {
    pos = node.from;
  } else {
    // Dragging a node that was already selected: ProseMirror drags the selection.
    const sel = view.state.selection;
    const only = dragging.slice.content.childCount === 1 ? dragging.slice.content.firstChild : null;
    if (sel instanceof NodeSelection && only && dragging.slice.openStart === 0 && only.eq(sel.node)) pos = sel.from;
  }
  if (pos === null || pos < 0 || pos >= doc.content.size) return null;
  const name = doc.nodeAt(pos)?.type.name;
  return name === "block" || name === "article" ? pos : null;
}

function targetAt(view: EditorView, event: MouseEvent): DropTarget | null {
  const from = draggedPos(view);
  if (from === null) return null;
  const hit = view.posAtCoords({ left: event.clientX, top: event.clientY });
  if (!hit) return null;
  const below = (pos: number) => {
    const dom = view.nodeDOM(pos);
    if (!(dom instanceof HTMLElement)) return false;
    const r = dom.getBoundingClientRect();
    return event.clientY > r.top + r.height / 2;
  };
  const hover = hoverFrom(view.state.doc, hit, below);
  return hover ? dropTarget(view.state.doc, from, hover) : null;
}

function sameMark(a: DropMark | null, b: DropMark | null): boolean {
  return a === b || (!!a && !!b && a.pos === b.pos && a.side === b.side);
}

function showMark(view: EditorView, mark: DropMark | null): void {
  if (sameMark(dropKey.getState(view.state) ?? null, mark)) return;
  view.dispatch(view.state.tr.setMeta(dropKey, mark).setMeta("addToHistory", false));
}

/** Shows where a dragged block or article will land, and drops it there. */
export function dropPlugin(): Plugin<DropMark | null> {
  return new Plugin<DropMark | null>({
    key: dropKey,
    state: {
      init: () => null,
      apply(tr, value) {
        const meta = tr.getMeta(dropKey) as DropMark | null | undefined;
        if (meta !== undefined) return meta;
        return tr.docChanged ? null : value;
      },
    },
    props: {
      decorations(state: EditorState) {
        const mark = dropKey.getState(state);
        if (!mark) return null;
        const node = state.doc.nodeAt(mark.pos);
        if (!node) return null;
        return DecorationSet.create(state.doc, [Decoration.node(mark.pos, mark.pos + node.nodeSize, { "data-drop": mark.side })]);
      },
      handleDOMEvents: {
        dragover(view, event) {
          if (!view.editable) return false;
          const target = targetAt(view, event);
          showMark(view, target ? dropMark(view.state.doc, target) : null);
          // ProseMirror's own dragover handler still allows the drop.
          return false;
        },
        dragleave(view, event) {
          const to = event.relatedTarget;
          if (!(to instanceof Node) || !view.dom.contains(to)) showMark(view, null);
          return false;
        },
        dragend(view) {
          showMark(view, null);
          return false;
        },
      },
      handleDrop(view, event) {
        const from = draggedPos(view);
        if (from === null) return false; // text, or something from outside: ProseMirror's own drop
        const target = targetAt(view, event);
        let dropped = false;
        if (target) {
          dropNode(from, target)(view.state, (tr) => {
            dropped = true;
            view.dispatch(tr.setMeta(dropKey, null));
          });
        }
        if (!dropped) showMark(view, null);
        else view.focus();
        // Handled either way: a node dropped where it was, or where it cannot go, stays put.
        return true;
      },
    },
  });
}
