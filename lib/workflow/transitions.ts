import type { ArticleState, Role } from "@/lib/vocabulary";
import type { WorkflowAction } from "./states";
import type { Subject } from "./types";

/** Who may perform a transition: a role, or the scheduler acting with nobody online. */
export type Performer = Role | "system";

/**
 * What a transition needs beyond who and when: typed inputs (a comment, a reason, a time), or
 * `content`, a title a reader can see and a body that is not empty (lib/visible-text.ts), or
 * `changeReason`, for a published story's revision, the stated reason why it changes.
 */
export type Requirement = "comment" | "reason" | "publishAt" | "content" | "changeReason";

/** Approval is the one transition whose result is not fixed: it depends on the section's quota. */
export type QuotaOutcome = { belowQuota: ArticleState; atQuota: ArticleState };

export type Transition = {
  /** What it works on: an article, a published story's pending revision, or either (the same review steps). */
  on: readonly Subject[];
  from: readonly ArticleState[];
  by: readonly Performer[];
  /** For a revision: its next review state, or "published" once it is published or dropped (the story stays up). */
  to: ArticleState | QuotaOutcome;
  requires: readonly Requirement[];
};

const EITHER: readonly Subject[] = ["article", "revision"];
const ARTICLE: readonly Subject[] = ["article"];
const REVISION: readonly Subject[] = ["revision"];

// Admin appears in every human row: an admin has everything editors and reviewers have.
export const TRANSITIONS: Readonly<Record<WorkflowAction, Transition>> = {
  submit: { on: EITHER, from: ["draft", "changes_requested"], by: ["editor", "admin"], to: "in_review", requires: ["content", "changeReason"] },
  // From approved too: a reviewer who spots a problem before publication need not publish it.
  request_changes: {
    on: EITHER,
    from: ["in_review", "approved"],
    by: ["reviewer", "admin"],
    to: "changes_requested",
    requires: ["comment"],
  },
  approve: {
    on: EITHER,
    from: ["in_review"],
    by: ["reviewer", "admin"],
    to: { belowQuota: "in_review", atQuota: "approved" },
    // Checked again at every step that brings a story nearer to readers, for stories that got this far before the rule.
    requires: ["content"],
  },
  // From scheduled too: "publish now" on a scheduled story must not need an unschedule first.
  // For a revision: its approved changes replace the published text.
  publish: { on: EITHER, from: ["approved", "scheduled"], by: ["reviewer", "admin"], to: "published", requires: ["content", "changeReason"] },
  // Not for revisions: a story already up is corrected when the correction is approved, not at a set time.
  schedule: { on: ARTICLE, from: ["approved", "scheduled"], by: ["reviewer", "admin"], to: "scheduled", requires: ["publishAt", "content"] },
  unschedule: { on: ARTICLE, from: ["scheduled"], by: ["reviewer", "admin"], to: "approved", requires: [] },
  publish_scheduled: { on: ARTICLE, from: ["scheduled"], by: ["system"], to: "published", requires: ["content"] },
  unpublish: { on: ARTICLE, from: ["published"], by: ["reviewer", "admin"], to: "unpublished", requires: ["reason"] },
  // Unpublished text cannot be edited, so republishing restores exactly what reviewers approved.
  republish: { on: ARTICLE, from: ["unpublished"], by: ["reviewer", "admin"], to: "published", requires: ["content"] },
  // Not from changes_requested: that state is already editable and submittable, a second path adds nothing.
  reopen: { on: ARTICLE, from: ["unpublished"], by: ["editor", "admin"], to: "draft", requires: [] },
  // A small correction (lib/workflow/corrections.ts CORRECTION_POLICY) needs no review: it goes out at once, with its reason.
  publish_correction: {
    on: REVISION,
    from: ["draft", "changes_requested"],
    by: ["editor", "admin"],
    to: "published",
    requires: ["content", "changeReason"],
  },
  discard_revision: { on: REVISION, from: ["draft", "in_review", "changes_requested", "approved"], by: ["editor", "admin"], to: "published", requires: [] },
};
