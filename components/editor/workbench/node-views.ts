import type { NodeViewRenderer } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import type { Decoration, NodeView, ViewMutationRecord } from "@tiptap/pm/view";
import type { BlockDoubt, WorkbenchRole } from "@/lib/workbench";
import { fillLabel, type WorkbenchLabels } from "./labels";
import { ARTICLE_RULES, articleRule } from "./palette";

/**
 * Plain DOM node views (no React per node: a page can hold 200 articles and
 * thousands of blocks). Labels, headers and doubt notes sit outside `contentDOM`,
 * marked contenteditable=false, and their mutations are ignored by ProseMirror.
 */

const ROLE_TEXT: Record<WorkbenchRole, string> = {
  kicker: "text-sm font-medium text-stone-700",
  title: "text-lg font-bold leading-snug",
  subtitle: "font-semibold text-stone-800",
  rubric: "text-sm font-semibold tracking-wide text-red-900",
  byline: "text-sm text-stone-600",
  lead: "font-medium",
  heading: "font-semibold",
  paragraph: "",
  caption: "text-sm italic text-stone-700",
  jump: "text-sm text-stone-500",
};

const BASE_TEXT = "min-h-[1.5em] whitespace-pre-wrap break-words outline-none";
const BLOCK_BASE =
  "wb-block group/block grid grid-cols-[4.75rem_minmax(0,1fr)] gap-x-2 rounded border-l-4 px-1 py-0.5 data-current:bg-sky-50 data-current:outline data-current:outline-1 data-current:outline-sky-400 [&.ProseMirror-selectednode]:ring-2 [&.ProseMirror-selectednode]:ring-sky-500";
/** Where a dragged node will land (the `data-drop` decoration from drop.ts): a line above or below, or an outlined empty container. */
const DROP_LINE =
  "data-[drop=before]:shadow-[0_-5px_0_-2px_#a4161a] data-[drop=after]:shadow-[0_5px_0_-2px_#a4161a] data-[drop=into]:outline-2 data-[drop=into]:outline-[#a4161a]";
const BLOCK_PLAIN = "border-transparent";
const BLOCK_DOUBT = "border-amber-500 bg-amber-50";

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  return node;
}

function fixed<T extends HTMLElement>(node: T): T {
  node.contentEditable = "false";
  return node;
}

/** Ids from the document pass the server's `[A-Za-z0-9_-]` check, but a DOM id must never break. */
function domId(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^A-Za-z0-9_-]/g, "_")}`;
}

/**
 * "存疑 62%：跨栏拼接" and the reason in detail into `note`, both in the interface's language: the
 * detail is the engine's message code filled with its values (quotes from the page, counts),
 * never the engine's English `reason`; the percentage is how sure the engine was, when it said.
 */
function renderDoubt(note: HTMLElement, labels: WorkbenchLabels, doubt: BlockDoubt, confidence: number | null = null): void {
  const head = document.createElement("span");
  head.className = "font-medium";
  const sure = confidence !== null && confidence < 1 ? ` ${Math.round(confidence * 100)}%` : "";
  head.textContent = `${labels.doubt}${sure}：${labels.doubtKinds[doubt.kind] ?? ""}`;
  note.replaceChildren(head);
  const template = doubt.detail ? labels.reasons[doubt.detail.code] : undefined;
  if (template && doubt.detail) {
    const detail = document.createElement("span");
    detail.className = "ml-1 text-stone-600";
    detail.textContent = fillLabel(template, doubt.detail.params ?? {});
    note.append(detail);
  }
}

function outsideContent(contentDOM: HTMLElement, m: ViewMutationRecord): boolean {
  return m.type !== "selection" && !contentDOM.contains(m.target);
}

/** The article's index (0-based) arrives as a node decoration from the workbench plugin. */
export function articleIndexOf(decorations: readonly Decoration[]): number | null {
  for (const d of decorations) {
    const spec = d.spec as { articleIndex?: unknown } | undefined;
    if (spec && typeof spec.articleIndex === "number") return spec.articleIndex;
  }
  return null;
}

export function articleTitle(node: PMNode): string {
  let title = "";
  node.forEach((child) => {
    if (!title && child.attrs.role === "title") title = child.textContent.trim();
  });
  return title;
}

class BlockView implements NodeView {
  dom: HTMLElement;
  contentDOM: HTMLElement;
  private label: HTMLElement;
  private note: HTMLElement;
  private photo: HTMLElement;
  private node: PMNode;
  private role = "";
  private mediaId: number | null = null;
  private doubt = "";
  private id = "";

  constructor(node: PMNode, private labels: WorkbenchLabels) {
    this.node = node;
    this.dom = el("div", `${BLOCK_BASE} ${DROP_LINE} ${BLOCK_PLAIN}`);
    this.dom.dataset.type = "block";
    this.label = fixed(el("span", "mt-0.5 h-fit cursor-grab select-none rounded bg-stone-200 px-1 text-center text-xs leading-5 text-stone-700"));
    this.label.draggable = true;
    this.label.title = labels.dragHandle;
    this.contentDOM = el("div", BASE_TEXT);
    this.note = fixed(el("p", "col-start-2 text-xs text-amber-900"));
    this.photo = fixed(el("p", "col-start-2 flex items-center gap-2 text-xs text-stone-700"));
    this.photo.hidden = true;
    this.dom.append(this.label, this.contentDOM, this.photo, this.note);
    this.render(node);
  }

  private render(node: PMNode) {
    this.node = node;
    const id = String(node.attrs.id ?? "");
    const role = String(node.attrs.role ?? "paragraph") as WorkbenchRole;
    const doubt = (node.attrs.doubt ?? null) as BlockDoubt | null;
    const confidence = typeof node.attrs.confidence === "number" ? node.attrs.confidence : null;
    const doubtKey = doubt ? `${doubt.kind}\u0000${doubt.reason}\u0000${JSON.stringify(doubt.detail ?? null)}\u0000${confidence}` : "";
    if (id !== this.id) {
      this.id = id;
      this.dom.dataset.blockId = id;
      this.note.id = domId("wb-doubt", id);
      if (doubt) this.contentDOM.setAttribute("aria-describedby", this.note.id);
    }
    if (role !== this.role) {
      this.role = role;
      this.dom.dataset.role = role;
      this.label.textContent = this.labels.roles[role] ?? role;
      this.contentDOM.className = `${BASE_TEXT} ${ROLE_TEXT[role] ?? ""}`;
    }
    // A caption attached to a photo shows the photo (the desk's preview of it) under its text.
    const mediaId = role === "caption" && typeof node.attrs.mediaId === "number" ? node.attrs.mediaId : null;
    if (mediaId !== this.mediaId) {
      this.mediaId = mediaId;
      this.photo.replaceChildren();
      this.photo.hidden = mediaId === null;
      if (mediaId !== null) {
        const img = document.createElement("img");
        img.src = `/api/media/${mediaId}/preview`;
        img.alt = "";
        img.className = "h-12 w-auto rounded-sm bg-stone-200";
        const text = document.createElement("span");
        text.textContent = fillLabel(this.labels.attachedPhoto, { id: mediaId });
        this.photo.append(img, text);
        this.dom.dataset.mediaId = String(mediaId);
      } else delete this.dom.dataset.mediaId;
    }
    if (doubtKey !== this.doubt) {
      this.doubt = doubtKey;
      this.dom.className = `${BLOCK_BASE} ${DROP_LINE} ${doubt ? BLOCK_DOUBT : BLOCK_PLAIN}`;
      if (doubt) {
        this.dom.dataset.doubt = doubt.kind;
        renderDoubt(this.note, this.labels, doubt, confidence);
        this.note.hidden = false;
        this.contentDOM.setAttribute("aria-describedby", this.note.id);
      } else {
        delete this.dom.dataset.doubt;
        this.note.textContent = "";
        this.note.hidden = true;
        this.contentDOM.removeAttribute("aria-describedby");
      }
    }
  }

  update(node: PMNode): boolean {
    if (node.type !== this.node.type) return false;
    this.render(node);
    return true;
  }

  ignoreMutation(m: ViewMutationRecord): boolean {
    return outsideContent(this.contentDOM, m);
  }
}

class ArticleView implements NodeView {
  dom: HTMLElement;
  contentDOM: HTMLElement;
  private heading: HTMLElement;
  private number: HTMLElement;
  private title: HTMLElement;
  private note: HTMLElement;
  private node: PMNode;
  private index = -1;

  constructor(node: PMNode, decorations: readonly Decoration[], private labels: WorkbenchLabels) {
    this.node = node;
    // content-visibility: the browser lays out and paints only the articles near the viewport, so an
    // edit in a 200-article document does not re-layout all of them (the intrinsic size is remembered).
    this.dom = el(
      "div",
      `wb-article my-3 rounded border border-l-4 border-stone-300 bg-white px-2 pb-2 [content-visibility:auto] [contain-intrinsic-size:auto_20rem] [&.ProseMirror-selectednode]:ring-2 [&.ProseMirror-selectednode]:ring-sky-500 ${DROP_LINE}`,
    );
    this.dom.dataset.type = "article";
    const header = fixed(el("div", "flex select-none items-baseline gap-2 border-b border-stone-200 py-1"));
    const handle = el("span", "cursor-grab text-stone-400");
    handle.textContent = "⠿";
    handle.draggable = true;
    handle.title = labels.dragHandle;
    handle.setAttribute("aria-hidden", "true");
    this.heading = el("h3", "min-w-0 flex-1 truncate text-sm");
    this.number = el("span", "mr-2 font-semibold text-stone-700");
    this.title = el("span", "text-stone-900");
    this.heading.append(this.number, this.title);
    header.append(handle, this.heading);
    this.note = fixed(el("p", "mt-1 rounded bg-amber-50 px-1 text-xs text-amber-900"));
    this.contentDOM = el("div", "pt-1");
    this.dom.append(header, this.note, this.contentDOM);
    this.render(node, articleIndexOf(decorations));
  }

  private render(node: PMNode, index: number | null) {
    this.node = node;
    const id = String(node.attrs.id ?? "");
    this.dom.dataset.articleId = id;
    this.heading.id = domId("wb-article", id);
    if (index !== null && index !== this.index) {
      this.dom.classList.remove(...ARTICLE_RULES);
      this.dom.classList.add(articleRule(index));
      this.index = index;
      this.number.textContent = fillLabel(this.labels.article, { n: index + 1 });
    }
    const title = articleTitle(node);
    this.title.textContent = title || this.labels.untitled;
    this.title.classList.toggle("italic", !title);
    this.title.classList.toggle("text-stone-500", !title);
    const doubt = (node.attrs.doubt ?? null) as BlockDoubt | null;
    this.note.hidden = !doubt;
    if (doubt) renderDoubt(this.note, this.labels, doubt);
    else this.note.textContent = "";
    if (doubt) this.dom.dataset.doubt = doubt.kind;
    else delete this.dom.dataset.doubt;
  }

  update(node: PMNode, decorations: readonly Decoration[]): boolean {
    if (node.type !== this.node.type) return false;
    this.render(node, articleIndexOf(decorations));
    return true;
  }

  ignoreMutation(m: ViewMutationRecord): boolean {
    return outsideContent(this.contentDOM, m);
  }
}

class SetAsideView implements NodeView {
  dom: HTMLElement;
  contentDOM: HTMLElement;
  private count: HTMLElement;
  private empty: HTMLElement;
  private node: PMNode;

  constructor(node: PMNode, private kind: "tray" | "bin", private labels: WorkbenchLabels) {
    this.node = node;
    const tone = kind === "tray" ? "border-amber-400 bg-amber-50/60" : "border-stone-400 bg-stone-100 text-stone-600";
    this.dom = el("div", `wb-${kind} mt-6 rounded border-2 border-dashed px-2 pb-2 ${tone} ${DROP_LINE}`);
    this.dom.dataset.type = kind;
    const heading = fixed(el("h3", "select-none py-1 text-sm font-semibold"));
    heading.id = `wb-${kind}-heading`;
    heading.textContent = kind === "tray" ? labels.tray : labels.bin;
    this.count = el("span", "ml-2 font-normal text-stone-600");
    heading.append(this.count);
    this.empty = fixed(el("p", "select-none text-xs text-stone-500"));
    this.empty.textContent = kind === "tray" ? labels.emptyTray : labels.emptyBin;
    this.contentDOM = el("div", "");
    this.dom.append(heading, this.empty, this.contentDOM);
    this.render(node);
  }

  private render(node: PMNode) {
    this.node = node;
    this.count.textContent = node.childCount > 0 ? `(${node.childCount})` : "";
    this.empty.hidden = node.childCount > 0;
  }

  update(node: PMNode): boolean {
    if (node.type !== this.node.type) return false;
    this.render(node);
    return true;
  }

  ignoreMutation(m: ViewMutationRecord): boolean {
    return outsideContent(this.contentDOM, m);
  }
}

export const blockNodeView =
  (labels: WorkbenchLabels): NodeViewRenderer =>
  ({ node }) =>
    new BlockView(node, labels);

export const articleNodeView =
  (labels: WorkbenchLabels): NodeViewRenderer =>
  ({ node, decorations }) =>
    new ArticleView(node, decorations, labels);

export const setAsideNodeView =
  (kind: "tray" | "bin", labels: WorkbenchLabels): NodeViewRenderer =>
  ({ node }) =>
    new SetAsideView(node, kind, labels);
