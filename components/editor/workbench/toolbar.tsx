"use client";

import type { Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import { useId, useSyncExternalStore, type ChangeEvent } from "react";
import { PhotoPicker } from "@/components/media/photo-picker";
import { WORKBENCH_ROLES, type WorkbenchRole } from "@/lib/workbench";
import type { MediaSummary } from "@/services/media/summary";
import { currentBlock, type ContainerKind, type MoveTarget } from "./commands";
import { invokeAction } from "./extensions";
import { formatShortcut, shortcutFor } from "./keymap";
import { fillLabel, type WorkbenchAction, type WorkbenchLabels } from "./labels";

export type ArticleOption = { title: string };

type ToolbarProps = {
  editor: Editor | null;
  labels: WorkbenchLabels;
  readOnly: boolean;
  /** One entry per article, in order (for the "move to" list). */
  articles: readonly ArticleOption[];
  /** A caption block was attached to this photo (the page may give the photo that caption). */
  onCaptionPhoto?: (photo: MediaSummary, caption: string) => void;
};

const BUTTON_GROUPS: readonly (readonly WorkbenchAction[])[] = [
  ["splitArticle", "mergePrevious", "mergeNext", "moveArticleUp", "moveArticleDown"],
  ["moveBlockUp", "moveBlockDown", "joinBlock", "splitBlock"],
  ["discardBlock", "restoreBlock"],
  ["previousDoubt", "nextDoubt", "resolveDoubt"],
  ["undo", "redo"],
];

const ALL_BUTTONS = BUTTON_GROUPS.flat();

const subscribeNothing = () => () => {};
const isMacPlatform = () => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** Cmd or Ctrl: known only in the browser, so the server renders "Ctrl" and the client corrects it. */
export function useIsMac(): boolean {
  return useSyncExternalStore(subscribeNothing, isMacPlatform, () => false);
}

/** "Mod-Shift-s" → the `aria-keyshortcuts` form "Control+Shift+S" / "Meta+Shift+S". */
function ariaKeys(key: string, mac: boolean): string {
  return key
    .split(/-(?!$)/)
    .map((p) => (p === "Mod" ? (mac ? "Meta" : "Control") : p.length === 1 ? p.toUpperCase() : p))
    .join("+");
}

type ToolbarState = {
  role: WorkbenchRole | null;
  kind: ContainerKind | null;
  blockPos: number | null;
  mediaId: number | null;
  articleIndex: number | null;
  can: Record<WorkbenchAction, boolean>;
  canSetRole: boolean;
};

function readState(editor: Editor | null): ToolbarState | null {
  if (!editor) return null;
  const b = currentBlock(editor.state);
  const can = {} as Record<WorkbenchAction, boolean>;
  const probe = editor.can();
  for (const action of ALL_BUTTONS) can[action] = editor.isEditable && invokeAction(probe, action);
  return {
    role: b ? (b.node.attrs.role as WorkbenchRole) : null,
    kind: b ? b.container.kind : null,
    blockPos: b ? b.pos : null,
    mediaId: b && typeof b.node.attrs.mediaId === "number" ? b.node.attrs.mediaId : null,
    articleIndex: b && b.container.kind === "article" ? b.container.index : null,
    can,
    canSetRole: editor.isEditable && probe.setBlockRole("paragraph"),
  };
}

export function Toolbar({ editor, labels, readOnly, articles, onCaptionPhoto }: ToolbarProps) {
  const mac = useIsMac();
  const roleId = useId();
  const moveId = useId();
  const state = useEditorState({ editor, selector: ({ editor: e }) => readState(e) });

  const title = (action: WorkbenchAction, text: string, role?: WorkbenchRole) => {
    const key = shortcutFor(action, role);
    return key ? fillLabel(labels.withShortcut, { label: text, keys: formatShortcut(key, mac) }) : text;
  };

  const run = (action: WorkbenchAction, role?: WorkbenchRole) => {
    if (!editor) return;
    editor.commands.focus(null, { scrollIntoView: false });
    invokeAction(editor.commands, action, role);
  };

  const onRole = (event: ChangeEvent<HTMLSelectElement>) => {
    const role = event.target.value as WorkbenchRole;
    if ((WORKBENCH_ROLES as readonly string[]).includes(role)) run("setRole", role);
  };

  const onMove = (event: ChangeEvent<HTMLSelectElement>) => {
    const value = event.target.value;
    if (!editor || !state || state.blockPos === null || value === "") return;
    const target: MoveTarget = value === "new" || value === "tray" ? value : Number(value);
    editor.commands.focus(null, { scrollIntoView: false });
    editor.commands.moveBlockToArticle(state.blockPos, target);
  };

  const disabled = readOnly || !state;

  /** Attaches (or with null detaches) the caption block under the cursor to a photo of the library. */
  const setCaptionPhoto = (photo: MediaSummary | null) => {
    if (!editor || !state || state.blockPos === null) return;
    const pos = state.blockPos;
    const caption = editor.state.doc.nodeAt(pos)?.textContent ?? "";
    editor
      .chain()
      .focus(null, { scrollIntoView: false })
      .command(({ tr }) => {
        tr.setNodeAttribute(pos, "mediaId", photo?.id ?? null);
        return true;
      })
      .run();
    if (photo) onCaptionPhoto?.(photo, caption);
  };

  return (
    <div role="group" aria-label={labels.toolbar} className="flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-stone-200 pb-2">
      <div className="flex items-center gap-1 text-sm">
        <label htmlFor={roleId} className="font-medium">
          {labels.roleSelect}
        </label>
        <select
          id={roleId}
          value={state?.role ?? ""}
          onChange={onRole}
          disabled={disabled || !state?.canSetRole}
          className="rounded border border-stone-400 bg-white px-1 py-1 text-sm disabled:opacity-50"
        >
          <option value="" disabled>
            {labels.roleNone}
          </option>
          {WORKBENCH_ROLES.map((role) => (
            <option key={role} value={role} title={title("setRole", labels.roles[role], role)}>
              {labels.roles[role]}
              {shortcutFor("setRole", role) ? ` (${formatShortcut(shortcutFor("setRole", role) ?? "", mac)})` : ""}
            </option>
          ))}
        </select>
      </div>
      {BUTTON_GROUPS.map((group) => (
        <div key={group.join()} className="flex flex-wrap gap-1">
          {group.map((action) => {
            const key = shortcutFor(action);
            return (
              <button
                key={action}
                type="button"
                onClick={() => run(action)}
                disabled={disabled || !state?.can[action]}
                title={title(action, labels.actions[action])}
                aria-keyshortcuts={key ? ariaKeys(key, mac) : undefined}
                className="rounded border border-stone-400 bg-white px-2 py-1 text-xs font-medium text-ink hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 disabled:cursor-not-allowed disabled:opacity-40"
              >
                {labels.actions[action]}
              </button>
            );
          })}
        </div>
      ))}
      {state?.role === "caption" && state.kind === "article" && !readOnly ? (
        <div className="flex items-center gap-1 text-sm" title={labels.photoHint}>
          <PhotoPicker label={labels.attachPhoto} onPick={setCaptionPhoto} />
          {state.mediaId !== null ? (
            <button type="button" onClick={() => setCaptionPhoto(null)} className="rounded border border-stone-400 bg-white px-2 py-1 text-xs font-medium hover:bg-stone-100">
              {labels.detachPhoto}
            </button>
          ) : null}
        </div>
      ) : null}
      <div className="flex items-center gap-1 text-sm">
        <label htmlFor={moveId} className="font-medium">
          {labels.moveTo}
        </label>
        <select
          id={moveId}
          value=""
          onChange={onMove}
          disabled={disabled || state?.blockPos === null}
          className="max-w-56 rounded border border-stone-400 bg-white px-1 py-1 text-sm disabled:opacity-50"
        >
          <option value="">{labels.moveToChoose}</option>
          {articles.map((a, i) => (
            <option key={i} value={i} disabled={state?.articleIndex === i}>
              {fillLabel(labels.article, { n: i + 1 })} {a.title || labels.untitled}
            </option>
          ))}
          <option value="new">{labels.moveToNewArticle}</option>
          <option value="tray" disabled={state?.kind === "tray"}>
            {labels.moveToTray}
          </option>
        </select>
      </div>
    </div>
  );
}
