import { WORKBENCH_ROLES, type WorkbenchRole } from "@/lib/workbench";
import { fillLabel, type WorkbenchAction, type WorkbenchLabels } from "./labels";

/**
 * Keyboard shortcuts, in ProseMirror's key notation ("Mod" is Cmd on macOS, Ctrl
 * elsewhere). The page can list them (labels.actions[action] names each row); the
 * toolbar puts the first key of each action in its button title.
 *
 * Chosen to avoid the editor's own keys and the shortcuts browsers do not let a page
 * take (Ctrl+N/T/W, Ctrl+Tab). Some that the brief asked for shadow browser
 * shortcuts while the cursor is in the workbench: Mod-Shift-S (Firefox screenshot),
 * Mod-Shift-J (Chrome downloads/console), Mod-Shift-R (hard reload) — outside the
 * editor they keep their usual meaning.
 */
export type ShortcutRow = {
  action: WorkbenchAction;
  keys: readonly string[];
  /** For "setRole" rows: the role the keys set. */
  role?: WorkbenchRole;
};

/** Mod-Alt-1 … Mod-Alt-9, Mod-Alt-0 in WORKBENCH_ROLES order (kicker … jump). */
const ROLE_ROWS: ShortcutRow[] = WORKBENCH_ROLES.map((role, i) => ({
  action: "setRole" as const,
  role,
  keys: [`Mod-Alt-${(i + 1) % 10}`],
}));

export const WORKBENCH_SHORTCUTS: readonly ShortcutRow[] = [
  { action: "splitArticle", keys: ["Mod-Shift-s"] },
  { action: "mergePrevious", keys: ["Mod-Shift-ArrowUp"] },
  { action: "mergeNext", keys: ["Mod-Shift-ArrowDown"] },
  { action: "moveBlockUp", keys: ["Alt-ArrowUp"] },
  { action: "moveBlockDown", keys: ["Alt-ArrowDown"] },
  { action: "moveArticleUp", keys: ["Alt-Shift-ArrowUp"] },
  { action: "moveArticleDown", keys: ["Alt-Shift-ArrowDown"] },
  ...ROLE_ROWS,
  { action: "joinBlock", keys: ["Mod-Shift-j"] },
  { action: "joinBlockAtEnd", keys: ["Delete"] },
  { action: "joinBlockAtStart", keys: ["Backspace"] },
  { action: "splitBlock", keys: ["Enter"] },
  { action: "discardBlock", keys: ["Mod-Shift-Backspace"] },
  { action: "restoreBlock", keys: ["Mod-Shift-r"] },
  { action: "nextDoubt", keys: ["F8", "Mod-."] },
  { action: "previousDoubt", keys: ["Shift-F8"] },
  { action: "resolveDoubt", keys: ["Mod-Enter"] },
  { action: "undo", keys: ["Mod-z"] },
  { action: "redo", keys: ["Mod-Shift-z", "Mod-y"] },
];

export function shortcutFor(action: WorkbenchAction, role?: WorkbenchRole): string | null {
  const row = WORKBENCH_SHORTCUTS.find((r) => r.action === action && (role === undefined || r.role === role));
  return row?.keys[0] ?? null;
}

const MAC_NAMES: Record<string, string> = {
  Mod: "⌘",
  Alt: "⌥",
  Shift: "⇧",
  Ctrl: "⌃",
  ArrowUp: "↑",
  ArrowDown: "↓",
  Backspace: "⌫",
  Delete: "⌦",
  Enter: "↩",
};

const PC_NAMES: Record<string, string> = {
  Mod: "Ctrl",
  Alt: "Alt",
  Shift: "Shift",
  Ctrl: "Ctrl",
  ArrowUp: "↑",
  ArrowDown: "↓",
  Backspace: "Backspace",
  Delete: "Delete",
  Enter: "Enter",
};

/** "Mod-Shift-s" → "Ctrl+Shift+S" (or "⌘⇧S" on a Mac). */
export function formatShortcut(key: string, mac: boolean): string {
  const parts = key.split(/-(?!$)/);
  const names = mac ? MAC_NAMES : PC_NAMES;
  const shown = parts.map((p) => names[p] ?? (p.length === 1 ? p.toUpperCase() : p));
  return shown.join(mac ? "" : "+");
}

/** The shortcut list in words, for a help panel: [{ label: "设为主题", keys: ["Ctrl+Alt+2"] }, …]. */
export function describeShortcuts(labels: WorkbenchLabels, mac: boolean): { label: string; keys: string[] }[] {
  return WORKBENCH_SHORTCUTS.map((row) => ({
    label: row.role ? fillLabel(labels.actions.setRole, { role: labels.roles[row.role] }) : labels.actions[row.action],
    keys: row.keys.map((k) => formatShortcut(k, mac)),
  }));
}
