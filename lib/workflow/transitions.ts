import type { ArticleState, Role } from "@/lib/vocabulary";
import type { WorkflowAction } from "./states";

/** Who may perform a transition: a role, or the scheduler acting with nobody online. */
export type Performer = Role | "system";

/**
 * What a transition needs beyond who and when: typed inputs (a comment, a reason, a time), or
 * `content`, a title a reader can see and a body that is not empty (lib/visible-text.ts).
 */
export type Requirement = "comment" | "reason" | "publishAt" | "content";

/** Approval is the one transition whose result is not fixed: it depends on the section's quota. */
export type QuotaOutcome = { belowQuota: ArticleState; atQuota: ArticleState };

export type Transition = {
  from: readonly ArticleState[];
  by: readonly Performer[];
  to: ArticleState | QuotaOutcome;
  requires: readonly Requirement[];
};

// Admin appears in every human row: an admin has everything editors and reviewers have.
export const TRANSITIONS: Readonly<Record<WorkflowAction, Transition>> = {
  submit: { from: ["draft", "changes_requested"], by: ["editor", "admin"], to: "in_review", requires: ["content"] },
  // From approved too: a reviewer who spots a problem before publication need not publish it.
  request_changes: {
    from: ["in_review", "approved"],
    by: ["reviewer", "admin"],
    to: "changes_requested",
    requires: ["comment"],
  },
  approve: {
    from: ["in_review"],
    by: ["reviewer", "admin"],
    to: { belowQuota: "in_review", atQuota: "approved" },
    // Checked again at every step that brings a story nearer to readers, for stories that got this far before the rule.
    requires: ["content"],
  },
  // From scheduled too: "publish now" on a scheduled story must not need an unschedule first.
  publish: { from: ["approved", "scheduled"], by: ["reviewer", "admin"], to: "published", requires: ["content"] },
  schedule: { from: ["approved", "scheduled"], by: ["reviewer", "admin"], to: "scheduled", requires: ["publishAt", "content"] },
  unschedule: { from: ["scheduled"], by: ["reviewer", "admin"], to: "approved", requires: [] },
  publish_scheduled: { from: ["scheduled"], by: ["system"], to: "published", requires: ["content"] },
  unpublish: { from: ["published"], by: ["reviewer", "admin"], to: "unpublished", requires: ["reason"] },
  // Unpublished text cannot be edited, so republishing restores exactly what reviewers approved.
  republish: { from: ["unpublished"], by: ["reviewer", "admin"], to: "published", requires: ["content"] },
  // Not from changes_requested: that state is already editable and submittable, a second path adds nothing.
  reopen: { from: ["unpublished"], by: ["editor", "admin"], to: "draft", requires: [] },
};
