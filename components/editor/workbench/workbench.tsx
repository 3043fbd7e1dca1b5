"use client";

import type { Editor } from "@tiptap/core";
import { EditorState, TextSelection } from "@tiptap/pm/state";
import { EditorContent, useEditor } from "@tiptap/react";
import { useCallback, useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type MouseEvent as ReactMouseEvent, type ReactNode, type Ref } from "react";
import {
  articlesOf,
  blockText,
  mapTextToRaw,
  rawTints,
  workbenchStatus,
  type RawTint,
  type WorkbenchDoc,
  type WorkbenchStatus,
} from "@/lib/workbench";
import { currentBlock } from "./commands";
import { toWorkbenchDoc } from "./doc-json";
import { createWorkbenchExtensions } from "./extensions";
import { fillLabel, resolveLabels, type WorkbenchLabels, type WorkbenchLabelsInput } from "./labels";
import { PagePane, type WorkbenchPage } from "./page-pane";
import { RawPane, type RawPick } from "./raw-pane";
import type { MoveTarget } from "./commands";
import type { MediaSummary } from "@/services/media/summary";
import { Toolbar, type ArticleOption } from "./toolbar";
import { truncateText } from "@/lib/text-length";

export type WorkbenchHandle = {
  /** The current document, read from the editor now (not the last onChange). */
  getDoc(): WorkbenchDoc;
  /**
   * Replaces the document, e.g. "reload the server version". Throws if `doc` does
   * not fit the schema. Undo history starts afresh unless `keepHistory`; onChange is
   * called only with `emitChange` (a reload is not an edit to save back).
   */
  setContent(doc: WorkbenchDoc, options?: { emitChange?: boolean; keepHistory?: boolean }): void;
  /** Puts the cursor in the block or article with this id and scrolls both panes to it. */
  focusNode(id: string): boolean;
  focus(): void;
};

export type WorkbenchProps = {
  /** The normalized raw text (`Segmentation.text`) every span points into. Read at mount. */
  rawText: string;
  /** Read at mount; later changes go through the handle's setContent. */
  initialDoc: WorkbenchDoc;
  /** Called after document changes with the full document, at most every FLUSH_MS (a burst of keys is one call). */
  onChange?: (doc: WorkbenchDoc) => void;
  /** Called at mount and whenever the counts change (e.g. to enable "accept" on `canAccept`). */
  onStatusChange?: (status: WorkbenchStatus) => void;
  /** Visible strings; missing ones fall back to DEFAULT_WORKBENCH_LABELS. Read at mount by the editor's node views. */
  labels?: WorkbenchLabelsInput;
  readOnly?: boolean;
  /** Rendered above the two panes (title, accept button, save state). */
  header?: ReactNode;
  /** A PDF import's printed page: shown beside the editor (the raw text one tab away), regions linked both ways. */
  page?: WorkbenchPage;
  /** A caption block was attached to this photo of the media library. */
  onCaptionPhoto?: (photo: MediaSummary, caption: string) => void;
  ref?: Ref<WorkbenchHandle>;
};

type Derived = { tints: RawTint[]; status: WorkbenchStatus; articles: ArticleOption[] };

function sameTints(a: readonly RawTint[], b: readonly RawTint[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as RawTint;
    const y = b[i] as RawTint;
    if (x.start !== y.start || x.end !== y.end || x.blockId !== y.blockId || x.owner.kind !== y.owner.kind) return false;
    if (x.owner.kind === "article" && y.owner.kind === "article" && x.owner.index !== y.owner.index) return false;
  }
  return true;
}

function sameStatus(a: WorkbenchStatus, b: WorkbenchStatus): boolean {
  return (Object.keys(a) as (keyof WorkbenchStatus)[]).every((k) => a[k] === b[k]);
}

function articleOptions(doc: WorkbenchDoc): ArticleOption[] {
  return articlesOf(doc).map((a) => {
    const title = a.content.find((b) => b.attrs.role === "title");
    const text = title ? blockText(title).trim() : "";
    return { title: truncateText(text, 31) };
  });
}

/** Derived views of a document; unchanged parts keep their identity so memoised children skip work. */
function derive(doc: WorkbenchDoc, rawLength: number, prev: Derived | null): Derived {
  const tints = rawTints(doc, rawLength);
  const status = workbenchStatus(doc);
  const articles = articleOptions(doc);
  if (!prev) return { tints, status, articles };
  const next: Derived = {
    tints: sameTints(prev.tints, tints) ? prev.tints : tints,
    status: sameStatus(prev.status, status) ? prev.status : status,
    articles:
      prev.articles.length === articles.length && prev.articles.every((a, i) => a.title === articles[i]?.title) ? prev.articles : articles,
  };
  return next.tints === prev.tints && next.status === prev.status && next.articles === prev.articles ? prev : next;
}

/** Scrolls `container` (only) so `el` is visible; nothing moves if it already is. */
function revealWithin(container: HTMLElement | null, el: Element | null, tries = 4): void {
  if (!container || !el) return;
  const c = container.getBoundingClientRect();
  const r = el.getBoundingClientRect();
  if (r.top < c.top || r.bottom > c.bottom) container.scrollTop += r.top - c.top - c.height / 3;
  // Articles far from view are laid out only once they come near it (content-visibility), and
  // focusing the editor scrolls to the selection as the browser estimated it: so a measure can be
  // off until a few frames later. Look again then.
  if (tries > 1) {
    requestAnimationFrame(() => revealWithin(container, el, tries - 1));
    return;
  }
  // Last look: let the browser bring it into view in the pane (it lays out what it must) and, when
  // the pane reaches below the window, move the page as little as it takes.
  const now = el.getBoundingClientRect();
  if (now.top < Math.max(c.top, 0) || now.bottom > Math.min(c.bottom, window.innerHeight)) el.scrollIntoView({ block: "nearest" });
}

function blockPosById(editor: Editor, id: string): { pos: number; kind: "block" | "article" } | null {
  let found: { pos: number; kind: "block" | "article" } | null = null;
  editor.state.doc.descendants((node, pos) => {
    if (found) return false;
    if (node.attrs.id === id && (node.type.name === "block" || node.type.name === "article")) {
      found = { pos, kind: node.type.name };
      return false;
    }
    return node.type.name !== "block";
  });
  return found;
}

const SEPARATOR = " · ";

/**
 * How often a burst of edits is serialised for onChange, the raw pane and the status
 * line. A timer, not requestAnimationFrame: frames stop in a background tab, and an
 * autosave must not wait for the editor to come back to it.
 */
const FLUSH_MS = 50;

export function Workbench({ rawText, initialDoc, onChange, onStatusChange, labels: labelsInput, readOnly = false, header, page, onCaptionPhoto, ref }: WorkbenchProps) {
  // Fixed at mount: the node views and the Enter command are built from them.
  const [labels] = useState<WorkbenchLabels>(() => resolveLabels(labelsInput));
  const [extensions] = useState(() => createWorkbenchExtensions({ rawText, labels }));
  const rawLength = rawText.length;
  const [view, setView] = useState<Derived>(() => derive(initialDoc, rawLength, null));
  const [selectedBlockId, setSelectedBlockId] = useState<string | null>(null);
  const [hoveredArticleId, setHoveredArticleId] = useState<string | null>(null);
  const [leftPane, setLeftPane] = useState<"page" | "raw">(page ? "page" : "raw");

  const onChangeRef = useRef(onChange);
  const onStatusChangeRef = useRef(onStatusChange);
  useLayoutEffect(() => {
    onChangeRef.current = onChange;
    onStatusChangeRef.current = onStatusChange;
  });

  const latestDoc = useRef(initialDoc);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const rawScrollRef = useRef<HTMLDivElement>(null);
  const editorScrollRef = useRef<HTMLDivElement>(null);

  const refresh = useCallback(
    (editor: Editor, emit: boolean) => {
      if (pending.current !== null) clearTimeout(pending.current);
      pending.current = null;
      const doc = toWorkbenchDoc(editor.getJSON());
      latestDoc.current = doc;
      if (emit) onChangeRef.current?.(doc);
      setView((prev) => derive(doc, rawLength, prev));
    },
    [rawLength],
  );

  const editor = useEditor({
    immediatelyRender: false,
    extensions,
    content: initialDoc,
    editable: !readOnly,
    editorProps: {
      attributes: {
        role: "textbox",
        "aria-multiline": "true",
        "aria-label": labels.editorRegion,
        class: "min-h-full px-2 pb-8 font-serif text-base leading-relaxed outline-none",
      },
    },
    onUpdate: ({ editor: e }) => {
      if (pending.current === null) pending.current = setTimeout(() => refresh(e, true), FLUSH_MS);
    },
    onTransaction: ({ editor: e }) => {
      const id = currentBlock(e.state)?.node.attrs.id;
      setSelectedBlockId(typeof id === "string" && id ? id : null);
    },
  });

  // A change still waiting for its flush is not lost when the page unmounts the workbench.
  useEffect(
    () => () => {
      if (pending.current === null || !editor) return;
      clearTimeout(pending.current);
      pending.current = null;
      // The state outlives the view, so this works even if Tiptap destroyed the editor first.
      onChangeRef.current?.(toWorkbenchDoc(editor.getJSON()));
    },
    [editor],
  );

  useEffect(() => {
    if (editor && !editor.isDestroyed && editor.isEditable === readOnly) editor.setEditable(!readOnly, false);
  }, [editor, readOnly]);

  useEffect(() => {
    onStatusChangeRef.current?.(view.status);
  }, [view.status]);

  // Outline the selected block's runs in the raw pane (on the DOM: the pane itself does not re-render).
  useEffect(() => {
    const root = rawScrollRef.current;
    if (!root || !selectedBlockId) return;
    const runs = Array.from(root.querySelectorAll<HTMLElement>(`[data-block="${CSS.escape(selectedBlockId)}"]`));
    for (const r of runs) r.setAttribute("data-selected", "");
    return () => {
      for (const r of runs) r.removeAttribute("data-selected");
    };
  }, [selectedBlockId, view.tints]);

  // Scroll the raw pane to the selected block unless some of it is already in view.
  useEffect(() => {
    const root = rawScrollRef.current;
    if (!root || !selectedBlockId) return;
    const runs = Array.from(root.querySelectorAll(`[data-block="${CSS.escape(selectedBlockId)}"]`));
    const c = root.getBoundingClientRect();
    const visible = runs.some((r) => {
      const b = r.getBoundingClientRect();
      return b.bottom > c.top && b.top < c.bottom;
    });
    if (!visible) revealWithin(root, runs[0] ?? null);
  }, [selectedBlockId]);

  const placeCursor = useCallback(
    (id: string, rawOffset: number | null): boolean => {
      if (!editor || editor.isDestroyed) return false;
      const found = blockPosById(editor, id);
      if (!found) return false;
      const blockPos = found.kind === "article" ? found.pos + 1 : found.pos;
      const block = editor.state.doc.nodeAt(blockPos);
      if (!block) return false;
      let offset = 0;
      if (rawOffset !== null) {
        // The text position whose raw character is the one clicked (or the first after it).
        const map = mapTextToRaw(rawText, block.attrs.spans, block.textContent);
        const t = map.findIndex((r) => r >= rawOffset);
        offset = t < 0 ? 0 : Math.min(t, block.content.size);
      }
      const tr = editor.state.tr.setSelection(TextSelection.create(editor.state.doc, blockPos + 1 + offset));
      editor.view.dispatch(tr);
      editor.commands.focus(null, { scrollIntoView: false });
      revealWithin(editorScrollRef.current, editor.view.nodeDOM(blockPos) as Element | null);
      return true;
    },
    [editor, rawText],
  );

  const onPick = useCallback((pick: RawPick) => void placeCursor(pick.blockId, pick.rawOffset), [placeCursor]);

  // A click on the printed page: go to the block, after moving it when a target is chosen.
  const onPagePick = useCallback(
    (pick: RawPick & { moveTo: MoveTarget | null }) => {
      if (pick.moveTo !== null && editor && !editor.isDestroyed) {
        const found = blockPosById(editor, pick.blockId);
        if (found?.kind === "block") editor.commands.moveBlockToArticle(found.pos, pick.moveTo);
      }
      placeCursor(pick.blockId, pick.rawOffset);
    },
    [editor, placeCursor],
  );

  // The article under the pointer in the editor, outlined on the printed page.
  const onEditorPointer = useCallback((event: ReactMouseEvent<HTMLElement>) => {
    const el = event.target instanceof Element ? event.target.closest<HTMLElement>("[data-article-id]") : null;
    setHoveredArticleId(el?.dataset.articleId ?? null);
  }, []);

  useImperativeHandle(
    ref,
    (): WorkbenchHandle => ({
      getDoc: () => (editor && !editor.isDestroyed ? toWorkbenchDoc(editor.getJSON()) : latestDoc.current),
      setContent(doc, options = {}) {
        if (!editor || editor.isDestroyed) {
          latestDoc.current = doc;
          setView((prev) => derive(doc, rawLength, prev));
          return;
        }
        const node = editor.schema.nodeFromJSON(doc);
        node.check();
        if (options.keepHistory) {
          editor.commands.setContent(doc, { emitUpdate: false });
        } else {
          editor.view.updateState(EditorState.create({ schema: editor.schema, doc: node, plugins: editor.state.plugins }));
          // A step-less transaction so Tiptap's listeners (toolbar state) see the new state.
          editor.view.dispatch(editor.state.tr);
        }
        refresh(editor, options.emitChange === true);
      },
      focusNode: (id) => placeCursor(id, null),
      focus() {
        editor?.commands.focus();
      },
    }),
    [editor, placeCursor, rawLength, refresh],
  );

  const s = view.status;
  return (
    <div className="flex flex-col gap-3">
      {header}
      <div className="grid gap-4 lg:h-[calc(100vh-12rem)] lg:min-h-[32rem] lg:grid-cols-2">
        {page ? (
          <div className="flex min-h-0 min-w-0 flex-col gap-1">
            <div role="tablist" aria-label={labels.page.region} className="flex gap-1 text-sm">
              {(["page", "raw"] as const).map((pane) => (
                <button
                  key={pane}
                  type="button"
                  role="tab"
                  aria-selected={leftPane === pane}
                  onClick={() => setLeftPane(pane)}
                  className={`rounded-t border px-3 py-1 ${leftPane === pane ? "border-stone-400 bg-white font-semibold" : "border-transparent text-stone-600 hover:underline"}`}
                >
                  {pane === "page" ? labels.page.pageTab : labels.page.rawTab}
                </button>
              ))}
            </div>
            <div hidden={leftPane !== "page"} className="flex min-h-0 flex-1 flex-col">
              <PagePane
                page={page}
                tints={view.tints}
                labels={labels}
                articles={view.articles}
                selectedBlockId={selectedBlockId}
                hoveredArticleId={hoveredArticleId}
                readOnly={readOnly}
                onPick={onPagePick}
              />
            </div>
            <div hidden={leftPane !== "raw"} className="flex min-h-0 flex-1 flex-col">
              <RawPane rawText={rawText} tints={view.tints} labels={labels} onPick={onPick} scrollRef={rawScrollRef} />
            </div>
          </div>
        ) : (
          <RawPane rawText={rawText} tints={view.tints} labels={labels} onPick={onPick} scrollRef={rawScrollRef} />
        )}
        <div className="flex min-h-0 min-w-0 flex-col gap-2">
          <Toolbar editor={editor} labels={labels} readOnly={readOnly} articles={view.articles} onCaptionPhoto={onCaptionPhoto} />
          <div
            ref={editorScrollRef}
            onMouseOver={page ? onEditorPointer : undefined}
            onMouseLeave={page ? () => setHoveredArticleId(null) : undefined}
            className="max-h-[70vh] min-h-48 overflow-auto rounded border border-stone-300 bg-paper focus-within:outline-2 focus-within:outline-sky-600 lg:max-h-none lg:flex-1"
          >
            <EditorContent editor={editor} className="h-full" />
          </div>
          <p role="status" className="text-sm text-stone-700">
            {fillLabel(labels.status.articles, { n: s.articles })}
            {SEPARATOR}
            {fillLabel(labels.status.blocks, { n: s.blocks })}
            {SEPARATOR}
            {fillLabel(labels.status.discarded, { n: s.discardedChars })}
            {SEPARATOR}
            <span className={s.unassignedChars > 0 ? "font-medium text-amber-800" : undefined}>
              {fillLabel(labels.status.unassigned, { n: s.unassignedChars })}
            </span>
            {SEPARATOR}
            {fillLabel(labels.status.doubts, { n: s.doubts })}
            {s.articlesWithoutTitle > 0 ? (
              <>
                {SEPARATOR}
                <span className="font-medium text-amber-800">{fillLabel(labels.status.withoutTitle, { n: s.articlesWithoutTitle })}</span>
              </>
            ) : null}
          </p>
        </div>
      </div>
    </div>
  );
}
