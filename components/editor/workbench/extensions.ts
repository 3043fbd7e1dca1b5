import { Extension, type Extensions, type KeyboardShortcutCommand, type SingleCommands } from "@tiptap/core";
import { history, redo, undo } from "@tiptap/pm/history";
import type { WorkbenchRole } from "@/lib/workbench";
import {
  discardBlock,
  joinBlockWithNext,
  joinBlockWithPrevious,
  mergeArticle,
  moveArticle,
  moveBlock,
  moveBlockToArticle,
  nextDoubt,
  randomId,
  resolveDoubt,
  restoreBlock,
  setBlockRole,
  splitArticle,
  splitBlock,
  type MoveTarget,
  type WorkbenchContext,
} from "./commands";
import { WORKBENCH_SHORTCUTS } from "./keymap";
import { DEFAULT_WORKBENCH_LABELS, type WorkbenchAction, type WorkbenchLabels } from "./labels";
import { dropPlugin } from "./drop";
import { decorationsPlugin, doubtFocusPlugin, normalizePlugin } from "./plugins";
import { Article, Bin, Block, Tray, WorkbenchDocument, WorkbenchText } from "./schema";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    workbench: {
      splitArticle: () => ReturnType;
      mergeArticle: (direction: "previous" | "next") => ReturnType;
      setBlockRole: (role: WorkbenchRole) => ReturnType;
      joinBlockWithNext: () => ReturnType;
      joinBlockWithPrevious: () => ReturnType;
      /** Named apart from Tiptap's own `splitBlock`. */
      splitWorkbenchBlock: () => ReturnType;
      moveBlock: (direction: "up" | "down") => ReturnType;
      moveArticle: (direction: "up" | "down") => ReturnType;
      discardBlock: () => ReturnType;
      restoreBlock: () => ReturnType;
      moveBlockToArticle: (blockPos: number, target: MoveTarget) => ReturnType;
      nextDoubt: (direction?: 1 | -1) => ReturnType;
      resolveDoubt: () => ReturnType;
      workbenchUndo: () => ReturnType;
      workbenchRedo: () => ReturnType;
    };
  }
}

export type WorkbenchKitOptions = WorkbenchContext;

/** Commands, shortcuts, undo history, mouse drag and drop, and the workbench plugins. */
export const WorkbenchKit = Extension.create<WorkbenchKitOptions>({
  name: "workbench",
  // Before Tiptap's core keymap, so Enter, Backspace and Delete are ours.
  priority: 1000,

  addOptions() {
    return { rawText: "", newId: randomId };
  },

  addCommands() {
    const ctx: WorkbenchContext = { rawText: this.options.rawText, newId: this.options.newId };
    return {
      splitArticle:
        () =>
        ({ state, dispatch }) =>
          splitArticle(ctx)(state, dispatch),
      mergeArticle:
        (direction) =>
        ({ state, dispatch }) =>
          mergeArticle(direction)(state, dispatch),
      setBlockRole:
        (role) =>
        ({ state, dispatch }) =>
          setBlockRole(role)(state, dispatch),
      joinBlockWithNext:
        () =>
        ({ state, dispatch }) =>
          joinBlockWithNext(state, dispatch),
      joinBlockWithPrevious:
        () =>
        ({ state, dispatch }) =>
          joinBlockWithPrevious(state, dispatch),
      splitWorkbenchBlock:
        () =>
        ({ state, dispatch }) =>
          splitBlock(ctx)(state, dispatch),
      moveBlock:
        (direction) =>
        ({ state, dispatch }) =>
          moveBlock(direction)(state, dispatch),
      moveArticle:
        (direction) =>
        ({ state, dispatch }) =>
          moveArticle(direction)(state, dispatch),
      discardBlock:
        () =>
        ({ state, dispatch }) =>
          discardBlock(state, dispatch),
      restoreBlock:
        () =>
        ({ state, dispatch }) =>
          restoreBlock(ctx)(state, dispatch),
      moveBlockToArticle:
        (blockPos, target) =>
        ({ state, dispatch }) =>
          moveBlockToArticle(blockPos, target, ctx)(state, dispatch),
      nextDoubt:
        (direction = 1) =>
        ({ state, dispatch }) =>
          nextDoubt(direction)(state, dispatch),
      resolveDoubt:
        () =>
        ({ state, dispatch }) =>
          resolveDoubt(state, dispatch),
      workbenchUndo:
        () =>
        ({ state, dispatch }) =>
          undo(state, dispatch),
      workbenchRedo:
        () =>
        ({ state, dispatch }) =>
          redo(state, dispatch),
    };
  },

  addKeyboardShortcuts() {
    const keys: Record<string, KeyboardShortcutCommand> = {};
    for (const row of WORKBENCH_SHORTCUTS) {
      if (row.action === "joinBlockAtEnd" || row.action === "joinBlockAtStart" || row.action === "splitBlock") continue;
      for (const key of row.keys) keys[key] = ({ editor }) => editor.isEditable && invokeAction(editor.commands, row.action, row.role);
    }
    // Enter always splits the block our way (ProseMirror's own split would lose the spans).
    keys.Enter = ({ editor }) => {
      if (!editor.isEditable) return false;
      editor.commands.splitWorkbenchBlock();
      return true;
    };
    keys["Shift-Enter"] = keys.Enter;
    // Backspace at a block's start and Delete at its end join blocks (never articles).
    keys.Backspace = ({ editor }) => {
      const { selection } = editor.state;
      if (!editor.isEditable || !selection.empty || selection.$from.depth !== 2 || selection.$from.parentOffset !== 0) return false;
      editor.commands.joinBlockWithPrevious();
      return true;
    };
    keys.Delete = ({ editor }) => {
      const { selection } = editor.state;
      const $from = selection.$from;
      if (!editor.isEditable || !selection.empty || $from.depth !== 2 || $from.parentOffset !== $from.parent.content.size) return false;
      editor.commands.joinBlockWithNext();
      return true;
    };
    return keys;
  },

  addProseMirrorPlugins() {
    const ctx = { newId: this.options.newId };
    return [
      history(),
      dropPlugin(),
      doubtFocusPlugin(),
      normalizePlugin(ctx),
      decorationsPlugin(),
    ];
  },
});

/** Runs (or, with `editor.can()`, tests) a toolbar or shortcut action. */
export function invokeAction(commands: SingleCommands, action: WorkbenchAction, role?: WorkbenchRole): boolean {
  switch (action) {
    case "splitArticle":
      return commands.splitArticle();
    case "mergePrevious":
      return commands.mergeArticle("previous");
    case "mergeNext":
      return commands.mergeArticle("next");
    case "moveBlockUp":
      return commands.moveBlock("up");
    case "moveBlockDown":
      return commands.moveBlock("down");
    case "moveArticleUp":
      return commands.moveArticle("up");
    case "moveArticleDown":
      return commands.moveArticle("down");
    case "setRole":
      return role ? commands.setBlockRole(role) : false;
    case "joinBlock":
    case "joinBlockAtEnd":
      return commands.joinBlockWithNext();
    case "joinBlockAtStart":
      return commands.joinBlockWithPrevious();
    case "splitBlock":
      return commands.splitWorkbenchBlock();
    case "discardBlock":
      return commands.discardBlock();
    case "restoreBlock":
      return commands.restoreBlock();
    case "nextDoubt":
      return commands.nextDoubt(1);
    case "previousDoubt":
      return commands.nextDoubt(-1);
    case "resolveDoubt":
      return commands.resolveDoubt();
    case "undo":
      return commands.workbenchUndo();
    case "redo":
      return commands.workbenchRedo();
  }
}

export type CreateWorkbenchExtensionsOptions = {
  rawText: string;
  labels?: WorkbenchLabels;
  newId?: () => string;
  /** False for headless use (tests, server): no DOM node views. */
  nodeViews?: boolean;
};

/** Everything the workbench editor needs; `getSchema(createWorkbenchExtensions({ rawText }))` works without a DOM. */
export function createWorkbenchExtensions({
  rawText,
  labels = DEFAULT_WORKBENCH_LABELS,
  newId = randomId,
  nodeViews = true,
}: CreateWorkbenchExtensionsOptions): Extensions {
  const nodeOptions = { labels, nodeViews };
  return [
    WorkbenchDocument,
    WorkbenchText,
    Article.configure(nodeOptions),
    Block.configure(nodeOptions),
    Tray.configure(nodeOptions),
    Bin.configure(nodeOptions),
    WorkbenchKit.configure({ rawText, newId }),
  ];
}
