export { Workbench, type WorkbenchHandle, type WorkbenchProps } from "./workbench";
export { DEFAULT_WORKBENCH_LABELS, WORKBENCH_ACTIONS, resolveLabels, fillLabel, type WorkbenchLabels, type WorkbenchLabelsInput, type WorkbenchAction } from "./labels";
export { WORKBENCH_SHORTCUTS, describeShortcuts, formatShortcut, shortcutFor, type ShortcutRow } from "./keymap";
export { createWorkbenchExtensions, invokeAction, WorkbenchKit } from "./extensions";
export { toWorkbenchDoc } from "./doc-json";
export type { WorkbenchPage } from "./page-pane";
