import { mergeAttributes, Node, type Attribute } from "@tiptap/core";
import { WORKBENCH_ROLES, type WorkbenchRole } from "@/lib/workbench";
import { DEFAULT_WORKBENCH_LABELS, type WorkbenchLabels } from "./labels";
import { articleNodeView, blockNodeView, setAsideNodeView } from "./node-views";

/**
 * The workbench schema (see lib/workbench/types.ts):
 *
 *   doc     := article* tray bin
 *   article := block+    attrs id, doubt        isolating, draggable
 *   tray    := block*    orphans
 *   bin     := block*    discarded text
 *   block   := text*     attrs id, role, spans, confidence, doubt (+ origin, editor-only)
 *
 * Attributes travel through HTML as data-* attributes (JSON for spans and doubt), so
 * copy and paste inside the workbench keeps them. Node views are only used when an
 * editor view exists; `getSchema(createWorkbenchExtensions(...))` works headlessly.
 */

export type WorkbenchNodeOptions = { labels: WorkbenchLabels; nodeViews: boolean };

const defaultNodeOptions = (): WorkbenchNodeOptions => ({ labels: DEFAULT_WORKBENCH_LABELS, nodeViews: true });

function jsonAttr(name: string, fallback: unknown): Attribute {
  return {
    default: fallback,
    parseHTML: (element) => {
      const value = element.getAttribute(`data-${name}`);
      if (value === null) return fallback;
      try {
        return JSON.parse(value) as unknown;
      } catch {
        return fallback;
      }
    },
    renderHTML: (attrs) => (attrs[name] === null || attrs[name] === undefined ? {} : { [`data-${name}`]: JSON.stringify(attrs[name]) }),
  };
}

function stringAttr(name: string, fallback: string | null): Attribute {
  return {
    default: fallback,
    parseHTML: (element) => element.getAttribute(`data-${name}`) ?? fallback,
    renderHTML: (attrs) => (attrs[name] === null || attrs[name] === undefined ? {} : { [`data-${name}`]: String(attrs[name]) }),
  };
}

const ROLE_SET = new Set<string>(WORKBENCH_ROLES);

export const WorkbenchDocument = Node.create({
  name: "doc",
  topNode: true,
  content: "article* tray bin",
});

export const WorkbenchText = Node.create({
  name: "text",
  group: "inline",
});

export const Article = Node.create<WorkbenchNodeOptions>({
  name: "article",
  content: "block+",
  isolating: true,
  draggable: true,
  addOptions: defaultNodeOptions,
  addAttributes() {
    return {
      // An empty id marks a node ProseMirror created (drop, paste); the normalize plugin gives it one.
      id: stringAttr("id", ""),
      doubt: jsonAttr("doubt", null),
    };
  },
  parseHTML() {
    return [{ tag: 'div[data-type="article"]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["div", mergeAttributes(HTMLAttributes, { "data-type": "article" }), 0];
  },
  addNodeView() {
    return this.options.nodeViews ? articleNodeView(this.options.labels) : null;
  },
});

export const Block = Node.create<WorkbenchNodeOptions>({
  name: "block",
  content: "text*",
  marks: "",
  draggable: true,
  addOptions: defaultNodeOptions,
  addAttributes() {
    return {
      id: stringAttr("id", ""),
      role: {
        default: "paragraph" satisfies WorkbenchRole,
        parseHTML: (element) => {
          const role = element.getAttribute("data-role");
          return role && ROLE_SET.has(role) ? role : "paragraph";
        },
        renderHTML: (attrs) => ({ "data-role": String(attrs.role) }),
      },
      spans: jsonAttr("spans", []),
      confidence: {
        default: 1,
        parseHTML: (element) => {
          const n = Number(element.getAttribute("data-confidence"));
          return Number.isFinite(n) && n >= 0 && n <= 1 ? n : 1;
        },
        renderHTML: (attrs) => ({ "data-confidence": String(attrs.confidence) }),
      },
      doubt: jsonAttr("doubt", null),
      // Editor-only: the article a discarded block came from, so "restore" can put it
      // back. Not part of WorkbenchDoc: toWorkbenchDoc strips it before a save.
      origin: stringAttr("origin", null),
      // A caption attached to a photo of the media library.
      mediaId: {
        default: null,
        parseHTML: (element) => {
          const n = Number(element.getAttribute("data-media-id"));
          return Number.isSafeInteger(n) && n > 0 ? n : null;
        },
        renderHTML: (attrs) => (attrs.mediaId ? { "data-media-id": String(attrs.mediaId) } : {}),
      },
    };
  },
  parseHTML() {
    // Pasted plain paragraphs become blocks too (ids are assigned by the normalize plugin).
    return [{ tag: 'div[data-type="block"]' }, { tag: "p", priority: 10 }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["div", mergeAttributes(HTMLAttributes, { "data-type": "block" }), 0];
  },
  addNodeView() {
    return this.options.nodeViews ? blockNodeView(this.options.labels) : null;
  },
});

export const Tray = Node.create<WorkbenchNodeOptions>({
  name: "tray",
  content: "block*",
  isolating: true,
  selectable: false,
  addOptions: defaultNodeOptions,
  parseHTML() {
    return [{ tag: 'div[data-type="tray"]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["div", mergeAttributes(HTMLAttributes, { "data-type": "tray" }), 0];
  },
  addNodeView() {
    return this.options.nodeViews ? setAsideNodeView("tray", this.options.labels) : null;
  },
});

export const Bin = Node.create<WorkbenchNodeOptions>({
  name: "bin",
  content: "block*",
  isolating: true,
  selectable: false,
  addOptions: defaultNodeOptions,
  parseHTML() {
    return [{ tag: 'div[data-type="bin"]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["div", mergeAttributes(HTMLAttributes, { "data-type": "bin" }), 0];
  },
  addNodeView() {
    return this.options.nodeViews ? setAsideNodeView("bin", this.options.labels) : null;
  },
});
