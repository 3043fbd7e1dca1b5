import type { ArticleState, Role } from "@/lib/vocabulary";
import type { WorkflowAction } from "./states";

export type Person = { id: number; role: Role };
export type Actor = Person | "system";

export type Approval = { reviewerId: number; at: Date };

/** The slice of an article (and its section) the rules look at. */
export type WorkflowArticle = {
  state: ArticleState;
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
  | { type: "mark_correction_possible" };

/** Stable codes: the app maps them to translated messages; the English message is for logs. */
export type RefusalCode =
  | "unknown_action"
  | "not_allowed_from_state"
  | "role"
  | "self_approval"
  | "edited_since_submit"
  | "already_approved"
  | "not_due"
  | "comment_required"
  | "reason_required"
  | "publish_at_invalid"
  | "photos_not_ready";

export type Refusal = { ok: false; code: RefusalCode; message: string };
export type Decision = { ok: true; to: ArticleState; effects: Effect[] } | Refusal;

export function refuse(code: RefusalCode, message: string): Refusal {
  return { ok: false, code, message };
}
