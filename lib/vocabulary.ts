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
 * A photo in the media library: being processed (its sizes are being made, off the request path),
 * ready to be shown, or failed (the file could not be decoded; the original is kept).
 */
export const MEDIA_STATUSES = ["processing", "ready", "failed"] as const;
export type MediaStatus = (typeof MEDIA_STATUSES)[number];
