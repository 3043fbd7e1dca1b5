/*
 * The newsroom's fixed word lists: the database schema's column enums, the zod schemas and the
 * UI all take them from here. No imports, so any client component may use them without pulling
 * the database schema (or anything else of the server's) into the browser.
 *
 * Words with one meaning each:
 * - "draft" is only the article state below: an article not yet handed to the reviewers.
 * - the workbench's "working state" is an import's segmentation being corrected (import_work).
 * - an "edit" is what an editor has typed and not yet saved.
 */

export const ROLES = ["admin", "editor", "reviewer"] as const;
export type Role = (typeof ROLES)[number];

/** Article states, in the order a story normally moves through them (lib/workflow says how). */
export const ARTICLE_STATES = [
  "draft",
  "in_review",
  "changes_requested",
  "approved",
  "scheduled",
  "published",
  "unpublished",
] as const;
export type ArticleState = (typeof ARTICLE_STATES)[number];

// Form data arrives as strings: this guard lets actions narrow one before using it as a state.
export function isArticleState(value: unknown): value is ArticleState {
  return (ARTICLE_STATES as readonly unknown[]).includes(value);
}

/** The languages an article may be written in (its `lang` on the reader site). */
export const ARTICLE_LANGUAGES = ["zh-CN", "en"] as const;
export type ArticleLanguage = (typeof ARTICLE_LANGUAGES)[number];

/** An import is open while its working state is being corrected, accepted once it made articles. */
export const IMPORT_STATUSES = ["open", "accepted"] as const;

/** Why an earlier working state of an import was kept: the engine was run again, or it was accepted. */
export const WORKING_STATE_REVISION_REASONS = ["rerun", "accept"] as const;

/** How an article revision came about. */
export const REVISION_KINDS = ["import", "create", "save", "restore"] as const;
export type RevisionKind = (typeof REVISION_KINDS)[number];

/** A comment on an article, or the comment that sends it back to the editor. */
export const COMMENT_KINDS = ["comment", "changes_requested"] as const;

/**
 * What a person is told about in the desk's notifications (the bell): a story handed to the
 * reviewers, sent back with a comment, approved, published or pulled, and a lock taken over.
 */
export const NOTIFICATION_KINDS = ["submitted", "changes_requested", "approved", "published", "unpublished", "lock_taken_over"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
