import { Node, mergeAttributes, type NodeViewRenderer } from "@tiptap/core";
import type { Node as PMNode, Schema } from "@tiptap/pm/model";
import { Plugin, PluginKey, type Transaction } from "@tiptap/pm/state";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    photo: {
      /**
       * Places a photo of the media library: a caption block under the cursor becomes that
       * photo's caption (its text kept as printed); anywhere else the photo goes after the
       * current block with `caption` as its text.
       */
      insertPhoto: (options: { mediaId: number; caption?: string }) => ReturnType;
      /** Makes a placed photo the lead photo (moved to the top), or places it there. */
      setLeadPhoto: (options: { mediaId: number; caption?: string }) => ReturnType;
      /** Takes the photo out of the body; a caption it had stays, as a caption block. */
      removePhoto: (options: { mediaId: number }) => ReturnType;
      /** A lead photo that is no longer the first block becomes an ordinary photo (run after every change). */
      keepLeadFirst: () => ReturnType;
    };
  }
}

/** Where the editing view finds a photo's picture: the desk's preview of it (a session is needed). */
export const photoPreviewUrl = (mediaId: number) => `/api/media/${mediaId}/preview`;

/** Demotes every lead photo that is not the body's first block; false when there is none. */
function demoteStrayLeads(doc: PMNode, tr: Transaction): boolean {
  let changed = false;
  doc.forEach((node, pos, index) => {
    if (node.type.name === "photo" && node.attrs.lead && index !== 0) {
      tr.setNodeAttribute(pos, "lead", false);
      changed = true;
    }
  });
  return changed;
}

function captionContent(schema: Schema, caption: string | undefined) {
  return caption?.trim() ? [schema.text(caption.trim())] : [];
}

/** Position and node of the first photo of `mediaId` in the document. */
function findPhoto(doc: PMNode, mediaId: number): { pos: number; node: PMNode } | null {
  let found: { pos: number; node: PMNode } | null = null;
  doc.forEach((node, pos) => {
    if (!found && node.type.name === "photo" && node.attrs.mediaId === mediaId) found = { pos, node };
  });
  return found;
}

/**
 * A photo of the media library placed in the body with its caption as printed (the caption is
 * the node's text, edited in place). Attributes: the media id and whether it is the lead photo.
 * The picture itself is shown by a node view outside the editable caption.
 */
export const Photo = Node.create({
  name: "photo",
  group: "block",
  content: "inline*",
  defining: true,
  draggable: true,

  addAttributes() {
    return {
      mediaId: {
        default: null,
        parseHTML: (element: HTMLElement) => Number(element.getAttribute("data-media-id")) || null,
        renderHTML: (attrs: { mediaId: number | null }) => ({ "data-media-id": attrs.mediaId }),
      },
      lead: {
        default: false,
        parseHTML: (element: HTMLElement) => element.hasAttribute("data-lead"),
        renderHTML: (attrs: { lead: boolean }) => (attrs.lead ? { "data-lead": "" } : {}),
      },
    };
  },

  parseHTML() {
    return [{ tag: "figure[data-media-id]", contentElement: "figcaption" }];
  },

  renderHTML({ HTMLAttributes }) {
    return ["figure", mergeAttributes(HTMLAttributes, { class: "photo" }), ["figcaption", 0]];
  },

  addNodeView(): NodeViewRenderer {
    const labels = this.options as { leadLabel: string; photoLabel: string; unavailable: string };
    return ({ node }) => {
      const dom = document.createElement("figure");
      dom.className = "photo";
      const head = document.createElement("div");
      head.contentEditable = "false";
      head.className = "photo-head";
      const badge = document.createElement("span");
      badge.className = "photo-badge";
      const img = document.createElement("img");
      img.alt = "";
      img.loading = "lazy";
      const status = document.createElement("span");
      status.className = "photo-status";
      head.append(img, badge, status);
      const contentDOM = document.createElement("figcaption");
      dom.append(head, contentDOM);

      let shown: { mediaId: number | null; lead: boolean } = { mediaId: null, lead: false };
      let retries = 0;
      img.onerror = () => {
        // A photo just uploaded is still being processed: try again for a while.
        status.textContent = labels.unavailable;
        if (retries++ < 20) setTimeout(() => (img.src = `${photoPreviewUrl(shown.mediaId ?? 0)}?try=${retries}`), 3000);
      };
      img.onload = () => (status.textContent = "");
      const render = (n: PMNode) => {
        const mediaId = n.attrs.mediaId as number | null;
        const lead = n.attrs.lead as boolean;
        if (mediaId !== shown.mediaId) {
          retries = 0;
          img.src = mediaId ? photoPreviewUrl(mediaId) : "";
          dom.dataset.mediaId = String(mediaId ?? "");
        }
        if (lead !== shown.lead || mediaId !== shown.mediaId) badge.textContent = `${lead ? labels.leadLabel : labels.photoLabel} #${mediaId ?? "?"}`;
        dom.toggleAttribute("data-lead", lead);
        shown = { mediaId, lead };
      };
      render(node);
      return {
        dom,
        contentDOM,
        update: (updated) => {
          if (updated.type.name !== "photo") return false;
          render(updated);
          return true;
        },
        ignoreMutation: (m) => m.type !== "selection" && !contentDOM.contains(m.target),
      };
    };
  },

  addOptions() {
    return { leadLabel: "头图", photoLabel: "图片", unavailable: "图片处理中或无法显示" };
  },

  addCommands() {
    return {
      insertPhoto:
        ({ mediaId, caption }) =>
        ({ state, tr, dispatch }) => {
          const { $from } = state.selection;
          const block = $from.depth >= 1 ? $from.node(1) : null;
          if (block?.type.name === "caption") {
            if (dispatch) tr.setNodeMarkup($from.before(1), this.type, { mediaId, lead: false });
            return true;
          }
          const at = block ? $from.after(1) : tr.doc.content.size;
          if (dispatch) tr.insert(at, this.type.create({ mediaId, lead: false }, captionContent(state.schema, caption)));
          return true;
        },
      setLeadPhoto:
        ({ mediaId, caption }) =>
        ({ state, tr, dispatch }) => {
          const placed = findPhoto(tr.doc, mediaId);
          if (!dispatch) return true;
          const node = placed ? placed.node : this.type.create({ mediaId, lead: true }, captionContent(state.schema, caption));
          if (placed) tr.delete(placed.pos, placed.pos + placed.node.nodeSize);
          const first = tr.doc.firstChild;
          if (first?.type.name === "photo" && first.attrs.lead) tr.setNodeAttribute(0, "lead", false);
          tr.insert(0, node.type.create({ mediaId, lead: true }, node.content));
          return true;
        },
      removePhoto:
        ({ mediaId }) =>
        ({ state, tr, dispatch }) => {
          const placed = findPhoto(tr.doc, mediaId);
          if (!placed) return false;
          if (dispatch) {
            const { pos, node } = placed;
            if (node.content.size > 0) tr.setNodeMarkup(pos, state.schema.nodes.caption, {});
            else tr.delete(pos, pos + node.nodeSize);
          }
          return true;
        },
      keepLeadFirst:
        () =>
        ({ tr, dispatch }) =>
          dispatch ? demoteStrayLeads(tr.doc, tr) : true,
    };
  },

  addProseMirrorPlugins() {
    // The lead photo is the body's first block (lib/article-body refuses one anywhere else): after
    // any change, a lead photo that is no longer first (dragged, or something put above it) becomes
    // an ordinary photo, so the body always saves.
    return [
      new Plugin({
        key: new PluginKey("photoLeadFirst"),
        appendTransaction: (transactions, _old, state) => {
          if (!transactions.some((t) => t.docChanged)) return null;
          const tr = state.tr;
          return demoteStrayLeads(state.doc, tr) ? tr : null;
        },
      }),
    ];
  },
});
