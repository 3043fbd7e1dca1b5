"use client";

import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { Notice } from "@/components/ui/notice";
import { bodyCharCount, countChars } from "@/lib/article-body/text";
import type { ArticleBody } from "@/lib/article-body/types";
import { articleBodyExtensions, toEditorContent } from "./extensions";
import { completeHref } from "./link";
import { Photo } from "./nodes/photo";

/** Default (zh-CN) strings; a page passes its translations through `labels`. */
export const ARTICLE_BODY_EDITOR_LABELS = {
  toolbar: "正文格式",
  bold: "加粗",
  italic: "斜体",
  heading2: "小标题",
  heading3: "次级小标题",
  lead: "导语框",
  caption: "图片说明",
  quote: "引文",
  bulletList: "项目列表",
  orderedList: "编号列表",
  link: "链接",
  linkPrompt: "链接地址（https://、mailto: 或以 / 开头的站内地址）。留空则取消链接。",
  linkRefused: "链接地址无效：只能使用 http://、https://、mailto: 或以 / 开头的站内地址。",
  undo: "撤销",
  redo: "重做",
  /** "{count}" is replaced by the number. */
  charCount: "字数 {count}",
  photo: "图片",
  leadPhoto: "头图",
  photoUnavailable: "图片处理中或无法显示",
};

/** What the page around the editor may do to the body's photos (the photo panel's buttons). */
export type BodyPhotoCommands = {
  /** Places a photo at the cursor: a caption paragraph under it becomes the photo's caption. */
  insertPhoto: (mediaId: number, caption?: string) => boolean;
  setLeadPhoto: (mediaId: number, caption?: string) => boolean;
  /** Takes a photo out; its caption stays as a caption paragraph. */
  removePhoto: (mediaId: number) => boolean;
};

export type ArticleBodyEditorLabelKey = keyof typeof ARTICLE_BODY_EDITOR_LABELS;
type Labels = Record<ArticleBodyEditorLabelKey, string>;

type Tool = {
  key: ArticleBodyEditorLabelKey;
  run: (editor: Editor) => void;
  can: (editor: Editor) => boolean;
  /** Toggles report their state with aria-pressed; undo and redo do not toggle. */
  active?: (editor: Editor) => boolean;
  className?: string;
};

const TOOLS: Tool[] = [
  {
    key: "bold",
    className: "font-bold",
    run: (e) => e.chain().focus().toggleBold().run(),
    can: (e) => e.can().toggleBold(),
    active: (e) => e.isActive("bold"),
  },
  {
    key: "italic",
    className: "italic",
    run: (e) => e.chain().focus().toggleItalic().run(),
    can: (e) => e.can().toggleItalic(),
    active: (e) => e.isActive("italic"),
  },
  {
    key: "heading2",
    run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(),
    can: (e) => e.can().toggleHeading({ level: 2 }),
    active: (e) => e.isActive("heading", { level: 2 }),
  },
  {
    key: "heading3",
    run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(),
    can: (e) => e.can().toggleHeading({ level: 3 }),
    active: (e) => e.isActive("heading", { level: 3 }),
  },
  {
    key: "lead",
    run: (e) => e.chain().focus().toggleLead().run(),
    can: (e) => e.can().toggleLead(),
    active: (e) => e.isActive("lead"),
  },
  {
    key: "caption",
    run: (e) => e.chain().focus().toggleCaption().run(),
    can: (e) => e.can().toggleCaption(),
    active: (e) => e.isActive("caption"),
  },
  {
    key: "quote",
    run: (e) => e.chain().focus().toggleBlockquote().run(),
    can: (e) => e.can().toggleBlockquote(),
    active: (e) => e.isActive("blockquote"),
  },
  {
    key: "bulletList",
    run: (e) => e.chain().focus().toggleBulletList().run(),
    can: (e) => e.can().toggleBulletList(),
    active: (e) => e.isActive("bulletList"),
  },
  {
    key: "orderedList",
    run: (e) => e.chain().focus().toggleOrderedList().run(),
    can: (e) => e.can().toggleOrderedList(),
    active: (e) => e.isActive("orderedList"),
  },
  // The link tool is handled in the component: it needs the prompt and the notice.
  { key: "link", run: () => {}, can: (e) => e.isEditable, active: (e) => e.isActive("link") },
  { key: "undo", run: (e) => e.chain().focus().undo().run(), can: (e) => e.can().undo() },
  { key: "redo", run: (e) => e.chain().focus().redo().run(), can: (e) => e.can().redo() },
];

// Styles for the editable area; public pages style the same elements from renderBodyHtml.
const FRAME_CLASS = "min-h-80 rounded-b border border-stone-400 bg-white px-4 py-3 leading-relaxed focus:outline-2 focus:outline-accent";
// Read-only, the text reads like a proof: no toolbar, no input frame.
const READ_ONLY_FRAME_CLASS = "rounded border border-stone-200 bg-stone-50 px-4 py-3 leading-relaxed";
const CONTENT_CLASS = [
  "[&_p]:my-2 [&_h2]:mt-5 [&_h2]:mb-2 [&_h2]:text-xl [&_h2]:font-bold [&_h3]:mt-4 [&_h3]:mb-2 [&_h3]:text-lg [&_h3]:font-semibold",
  "[&_.lead]:my-3 [&_.lead]:border-l-4 [&_.lead]:border-stone-500 [&_.lead]:bg-stone-50 [&_.lead]:px-3 [&_.lead]:py-1 [&_.lead]:font-medium",
  "[&_.caption]:text-sm [&_.caption]:text-stone-600",
  // A photo: its picture and badge (not editable), then its caption as printed, edited in place.
  "[&_figure.photo]:my-3 [&_figure.photo]:rounded [&_figure.photo]:border [&_figure.photo]:border-stone-300 [&_figure.photo]:bg-stone-50 [&_figure.photo]:p-2",
  "[&_.photo-head]:flex [&_.photo-head]:flex-wrap [&_.photo-head]:items-start [&_.photo-head]:gap-2 [&_.photo-head_img]:max-h-48 [&_.photo-head_img]:max-w-full [&_.photo-head_img]:rounded-sm",
  "[&_.photo-badge]:rounded [&_.photo-badge]:bg-stone-700 [&_.photo-badge]:px-1.5 [&_.photo-badge]:text-xs [&_.photo-badge]:text-white [&_figure[data-lead]_.photo-badge]:bg-accent",
  "[&_.photo-status]:text-xs [&_.photo-status]:text-stone-600 [&_figure.photo_figcaption]:mt-1 [&_figure.photo_figcaption]:min-h-[1.5em] [&_figure.photo_figcaption]:text-sm [&_figure.photo_figcaption]:text-stone-700",
  "[&_blockquote]:my-3 [&_blockquote]:border-l-4 [&_blockquote]:border-stone-300 [&_blockquote]:pl-3 [&_blockquote]:text-stone-700",
  "[&_ul]:my-2 [&_ul]:list-disc [&_ul]:pl-6 [&_ol]:my-2 [&_ol]:list-decimal [&_ol]:pl-6",
  "[&_a]:text-accent [&_a]:underline",
].join(" ");

export type ArticleBodyEditorProps = {
  /** The stored body; read once when the editor is created. */
  initialContent: ArticleBody;
  /** Called with the whole body after every change. The server still validates it. */
  onChange: (body: ArticleBody) => void;
  /** Accessible name of the editable area. */
  label: string;
  labels?: Partial<Labels>;
  editable?: boolean;
  /** Called with the photo commands once the editor exists (and with null when it goes). */
  onPhotoCommands?: (commands: BodyPhotoCommands | null) => void;
};

export function ArticleBodyEditor({ initialContent, onChange, label, labels, editable = true, onPhotoCommands }: ArticleBodyEditorProps) {
  const text: Labels = { ...ARTICLE_BODY_EDITOR_LABELS, ...labels };
  const [notice, setNotice] = useState<string | null>(null);

  // Tiptap keeps the first onUpdate it is given; the ref lets it call the latest onChange.
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  // Stable objects, so re-renders do not make useEditor push new options into the editor.
  const [content] = useState(() => toEditorContent(initialContent));
  const frame = editable ? FRAME_CLASS : READ_ONLY_FRAME_CLASS;
  const editorProps = useMemo(
    () => ({
      attributes: {
        role: "textbox",
        "aria-multiline": "true",
        "aria-readonly": String(!editable),
        "aria-label": label,
        class: `${frame} ${CONTENT_CLASS}`,
      },
    }),
    [label, editable, frame],
  );

  // The photo node's badge and notice in the interface language.
  const [extensions] = useState(() =>
    articleBodyExtensions.map((e) => (e.name === "photo" ? Photo.configure({ leadLabel: text.leadPhoto, photoLabel: text.photo, unavailable: text.photoUnavailable }) : e)),
  );
  const editor = useEditor({
    extensions,
    content,
    editable,
    editorProps,
    immediatelyRender: false,
    // The schema is the body contract (see extensions.ts and its test), so the JSON is a body.
    onUpdate: ({ editor }) => onChangeRef.current(editor.getJSON() as ArticleBody),
  });

  useEffect(() => {
    if (!editor || !onPhotoCommands) return;
    onPhotoCommands({
      insertPhoto: (mediaId, caption) => editor.chain().focus().insertPhoto({ mediaId, caption }).run(),
      setLeadPhoto: (mediaId, caption) => editor.chain().setLeadPhoto({ mediaId, caption }).run(),
      removePhoto: (mediaId) => editor.chain().removePhoto({ mediaId }).run(),
    });
    return () => onPhotoCommands(null);
  }, [editor, onPhotoCommands]);

  useEffect(() => {
    // false: changing editability is not an edit, so it must not call onChange.
    if (editor && editor.isEditable !== editable) editor.setEditable(editable, false);
  }, [editor, editable]);

  const state = useEditorState({
    editor,
    selector: ({ editor }) => {
      if (!editor) return null;
      const tools: Partial<Record<ArticleBodyEditorLabelKey, { can: boolean; active?: boolean }>> = {};
      for (const tool of TOOLS) tools[tool.key] = { can: editor.isEditable && tool.can(editor), active: tool.active?.(editor) };
      // Whitespace is not counted, so joining the text without separators counts the same as bodyCharCount.
      return { tools, count: countChars(editor.state.doc.textContent) };
    },
  });

  function editLink(e: Editor) {
    const current: unknown = e.getAttributes("link").href;
    const input = window.prompt(text.linkPrompt, typeof current === "string" ? current : "https://");
    if (input === null) return;
    if (input.trim() === "") {
      e.chain().focus().extendMarkRange("link").unsetLink().run();
      setNotice(null);
      return;
    }
    const href = completeHref(input);
    if (!href) {
      setNotice(text.linkRefused);
      return;
    }
    setNotice(null);
    if (e.state.selection.empty && !e.isActive("link")) {
      // Nothing selected: insert the address itself as the linked text.
      e.chain().focus().insertContent({ type: "text", text: href, marks: [{ type: "link", attrs: { href } }] }).run();
    } else {
      e.chain().focus().extendMarkRange("link").setLink({ href }).run();
    }
  }

  // Roving focus: Tab enters the toolbar once, arrow keys move between its buttons.
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const [focused, setFocused] = useState(0);
  function onToolbarKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const last = TOOLS.length - 1;
    const next = { ArrowRight: focused + 1, ArrowLeft: focused - 1, Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const index = next < 0 ? last : next > last ? 0 : next;
    setFocused(index);
    buttons.current[index]?.focus();
  }

  return (
    <div className="flex flex-col">
      {editable ? (
        <div
          role="toolbar"
          aria-label={text.toolbar}
          onKeyDown={onToolbarKeyDown}
          className="flex flex-wrap gap-1 rounded-t border border-b-0 border-stone-400 bg-stone-100 p-1"
        >
          {TOOLS.map((tool, i) => {
            const status = state?.tools[tool.key];
            const disabled = !editor || !status?.can;
            return (
              <button
                key={tool.key}
                ref={(el) => {
                  buttons.current[i] = el;
                }}
                type="button"
                tabIndex={i === focused ? 0 : -1}
                // aria-disabled rather than disabled keeps the button reachable with the arrow keys.
                aria-disabled={disabled}
                aria-pressed={tool.active ? Boolean(status?.active) : undefined}
                onFocus={() => setFocused(i)}
                // Keep the editor's selection: a mousedown on the button would otherwise take focus first.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => {
                  if (!editor || disabled) return;
                  if (tool.key === "link") editLink(editor);
                  else tool.run(editor);
                }}
                className={`rounded px-2 py-1 text-sm text-ink hover:bg-white focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-accent aria-disabled:cursor-not-allowed aria-disabled:opacity-50 aria-pressed:bg-white aria-pressed:shadow-inner aria-pressed:ring-1 aria-pressed:ring-stone-500 ${tool.className ?? ""}`}
              >
                {text[tool.key]}
              </button>
            );
          })}
        </div>
      ) : null}
      {notice ? <Notice tone="error">{notice}</Notice> : null}
      {editor ? <EditorContent editor={editor} /> : <div aria-hidden="true" className={`${frame} ${CONTENT_CLASS}`} />}
      <p className="mt-1 text-right text-sm text-stone-600 tabular-nums">
        {text.charCount.replace("{count}", String(state?.count ?? bodyCharCount(initialContent)))}
      </p>
    </div>
  );
}

