import type { ArticleState, Role } from "@/lib/vocabulary";
import type { ChangeMeasure } from "./corrections";
import type { WorkflowAction } from "./states";

export type Person = { id: number; role: Role };
export type Actor = Person | "system";

export type Approval = { reviewerId: number; at: Date };

/**
 * What an action works on: an article, or the pending revision of a published story (which has
 * its own review state, round and approvals while the published text stays up).
 */
export type Subject = "article" | "revision";

/** The slice of an article (and its section) the rules look at, or of a published story's pending revision. */
export type WorkflowArticle = {
  /** "revision": the state, author, round and text below are the pending revision's. */
  subject?: Subject;
  state: ArticleState;
  /** For a revision, who began it. */
  authorId: number;
  /** The section's setting, 1 to 3 (3 is 三审). */
  approvalsRequired: number;
  /** Approvals of the current review round. */
  approvals: readonly Approval[];
  submittedAt: Date | null;
  /** Users who saved the article since it was last submitted. */
  editorsSinceSubmit: readonly number[];
  /** Needed only to know whether publish_scheduled is due. */
  scheduledAt?: Date | null;
  /** The headline (主题) and the body's plain text: nothing blank-looking goes to review or to readers. */
  title: string;
  bodyText: string;
  /** For an article: whether a pending revision exists (reopen takes it into the draft). */
  hasRevision?: boolean;
  /** For a revision: why the published story changes, and how far the revision is from it. */
  reason?: string | null;
  change?: ChangeMeasure;
  /** The article's photos that readers could not be shown yet: publishing waits for them. */
  photoProblems?: readonly PhotoProblem[];
};

/** A placed photo still being processed, one that failed, or one without alt text. */
export type PhotoProblem = { mediaId: number; problem: "processing" | "failed" | "no_alt" };

export type DecideInput = {
  article: WorkflowArticle;
  action: WorkflowAction;
  actor: Actor;
  now: Date;
  comment?: string;
  reason?: string;
  publishAt?: Date;
};

/** What the caller must write, in order, alongside the new state. */
export type Effect =
  | { type: "clear_approvals" }
  | { type: "record_approval"; reviewerId: number; at: Date }
  | { type: "set_submitted_at"; at: Date }
  | { type: "clear_editors_since_submit" }
  | { type: "record_editor"; userId: number }
  | { type: "record_review_comment"; comment: string }
  | { type: "set_published_at"; at: Date }
  | { type: "set_scheduled_at"; at: Date }
  | { type: "clear_schedule" }
  | { type: "record_unpublish_reason"; reason: string }
  /** An edit of a published story: it goes into a new pending revision, the article stays as readers see it. */
  | { type: "start_revision" }
  /** The revision's changes become the published story; `correction` is the public 更正 note, or null. */
  | { type: "apply_revision"; correction: string | null }
  /** The revision is dropped; the published story stays as it is. */
  | { type: "drop_revision" }
  /** Reopen: the pending revision (if any) becomes the draft's text, to be reviewed with it. */
  | { type: "adopt_revision" };

/** Stable codes: the app maps them to translated messages; the English message is for logs. */
export type RefusalCode =
  | "unknown_action"
  | "not_allowed_from_state"
  | "role"
  | "self_approval"
  | "edited_since_submit"
  | "already_approved"
  | "not_due"
  | "awaiting_approvals"
  | "comment_required"
  | "reason_required"
  | "publish_at_invalid"
  | "title_blank"
  | "body_empty"
  | "change_reason_required"
  | "correction_too_large"
  | "no_changes"
  | "photos_not_ready";

/** Numbers a refusal's message needs (e.g. the section needs `required` approvals and has `approved`). */
export type RefusalParams = { required?: number; approved?: number };

export type Refusal = { ok: false; code: RefusalCode; message: string; params?: RefusalParams };
export type Decision = { ok: true; to: ArticleState; effects: Effect[] } | Refusal;

export function refuse(code: RefusalCode, message: string, params?: RefusalParams): Refusal {
  return params ? { ok: false, code, message, params } : { ok: false, code, message };
}
