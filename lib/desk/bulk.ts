import type { Role } from "@/lib/vocabulary";
import { TRANSITIONS } from "@/lib/workflow/transitions";
import { EDIT_RIGHTS } from "@/lib/workflow/editing";

/**
 * What can be done to several articles at once. Each is the same step as on one article: a
 * workflow action decided by lib/workflow per article, or setting the section, which is a save
 * and so follows the editing rules (an approved story goes back to review).
 */
export const BULK_ACTIONS = ["submit", "approve", "publish", "request_changes", "set_section"] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

export function isBulkAction(value: unknown): value is BulkAction {
  return (BULK_ACTIONS as readonly unknown[]).includes(value);
}

/** At most this many articles in one bulk step (a whole page is about 10; a list shows 200). */
export const MAX_BULK_ITEMS = 200;

/** The bulk actions whose buttons a role sees: those the workflow ever lets that role do. */
export function bulkActionsFor(role: Role): BulkAction[] {
  return BULK_ACTIONS.filter((action) =>
    action === "set_section" ? Object.values(EDIT_RIGHTS).some((roles) => roles.includes(role)) : TRANSITIONS[action].by.includes(role),
  );
}

/** One article of a bulk step as the list showed it: its id and the version the person saw. */
export type BulkItem = { id: number; version: number };

/** "12:3" per checked article; anything else is dropped, duplicates once, in the order given. */
export function parseBulkItems(values: readonly unknown[]): BulkItem[] {
  const seen = new Set<number>();
  const items: BulkItem[] = [];
  for (const value of values) {
    const m = /^(\d{1,12}):(\d{1,12})$/.exec(String(value));
    if (!m) continue;
    const id = Number(m[1]);
    const version = Number(m[2]);
    if (id <= 0 || version <= 0 || seen.has(id)) continue;
    seen.add(id);
    items.push({ id, version });
  }
  return items;
}

/** The value of an article's checkbox (what parseBulkItems reads back). */
export function bulkItemValue(article: { id: number; version: number }): string {
  return `${article.id}:${article.version}`;
}
