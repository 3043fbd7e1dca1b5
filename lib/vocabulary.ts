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

/**
 * What a printed page is online. "articles": its stories are (or will be) published here, so an
 * issue is not complete without them. The others are the desk's word that a page will have no
 * articles here and why: not digitised (no raw text, no PDF), ads only, or left out on purpose.
 * Readers see those pages named in the page tabs, not as a missing page.
 */
export const PAGE_STATUSES = ["articles", "not_digitised", "ads_only", "skipped"] as const;
export type PageStatus = (typeof PAGE_STATUSES)[number];

/** Why an earlier working state of an import was kept: the engine was run again, or it was accepted. */
export const WORKING_STATE_REVISION_REASONS = ["rerun", "accept"] as const;

/**
 * The review states of a published story's pending revision (lib/workflow): it is being written,
 * is with the reviewers, was sent back, or is approved and waits to replace the published text.
 */
export const REVISION_STATES = ["draft", "in_review", "changes_requested", "approved"] as const;
export type RevisionState = (typeof REVISION_STATES)[number];

/** How an article revision came about ("correction": a published story's pending revision went out). */
export const REVISION_KINDS = ["import", "create", "save", "restore", "correction"] as const;
export type RevisionKind = (typeof REVISION_KINDS)[number];

/** A comment on an article, or the comment that sends it back to the editor. */
export const COMMENT_KINDS = ["comment", "changes_requested"] as const;

/** Why a signed-in session ended: the person signed out, or it timed out (idle, or its absolute limit). */
export const SESSION_END_REASONS = ["sign_out", "idle", "expired"] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

/**
 * Everything the audit log records, one code per kind of event. Each has a translated phrase
 * (audit.actions, dots as underscores) that the audit page and an article's timeline show:
 * an entry never reaches a person as a raw code. A new kind of event starts here.
 */
export const AUDIT_ACTIONS = [
  "auth.signin.success",
  "auth.signin.failure",
  "auth.signin.throttled",
  "auth.signout",
  "auth.session.idle",
  "auth.session.expired",
  "authz.forbidden",
  "authz.unauthenticated",
  "user.create",
  "user.role_change",
  "user.deactivate",
  "user.reactivate",
  "user.password_reset",
  "user.password_change",
  "user.password_change_failed",
  "section.create",
  "section.update",
  "section.hide",
  "section.show",
  "section.move",
  "section.delete",
  "article.create",
  "article.save",
  "article.restore",
  "article.refused",
  "article.comment",
  "article.comment.resolve",
  "article.lock.takeover",
  "article.lock.refused",
  "article.move",
  "article.place",
  "article.jump.link",
  "article.jump.unlink",
  "article.submit",
  "article.request_changes",
  "article.approve",
  "article.publish",
  "article.schedule",
  "article.unschedule",
  "article.publish_scheduled",
  "article.unpublish",
  "article.republish",
  "article.reopen",
  "article.publish_correction",
  "article.discard_revision",
  "import.create",
  "import.masthead",
  "import.rerun",
  "import.accept",
  "import.archive",
  "import.unarchive",
  "import.delete",
  "import.work.stale",
  "import.pdf",
  "import.pdf_no_text",
  "media.upload",
  "media.edit",
  "media.refused",
  "media.original",
  "issue.pages",
  "issue.publish",
  "paper_model.train",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The message key of an audit action's phrase (next-intl reads dots as nesting). */
export function auditActionKey(action: string): string {
  return `audit.actions.${action.replaceAll(".", "_")}`;
}

/**
 * What a person is told about in the desk's notifications (the bell): a story handed to the
 * reviewers, sent back with a comment, approved, published or pulled, and a lock taken over.
 */
export const NOTIFICATION_KINDS = ["submitted", "changes_requested", "approved", "published", "unpublished", "lock_taken_over"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * A photo in the media library: being processed (its sizes are being made, off the request path),
 * ready to be shown, or failed (the file could not be decoded; the original is kept).
 */
export const MEDIA_STATUSES = ["processing", "ready", "failed"] as const;
export type MediaStatus = (typeof MEDIA_STATUSES)[number];

/** The images of a printed page kept for screens (lib/pdf/render.ts): two widths and a thumbnail. */
export const PAGE_IMAGE_VARIANTS = ["large", "medium", "thumb"] as const;
export type PageImageVariant = (typeof PAGE_IMAGE_VARIANTS)[number];

/** A stored print PDF: its pages became imports, or it had no text layer (kept; OCR is not supported yet). */
export const PDF_FILE_STATUSES = ["pages", "no_text"] as const;
