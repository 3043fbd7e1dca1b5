/** Everything a person (or the scheduler) can do to an article's state; TRANSITIONS says when. */
export const WORKFLOW_ACTIONS = [
  "submit", // editor hands a draft or a reworked story to the reviewers: a fresh review round starts
  "request_changes", // reviewer sends it back to the editor with a comment; approvals so far are void
  "approve", // reviewer signs off; approved once the section's number of distinct reviewers is reached
  "publish", // reviewer publishes an approved (or scheduled) article now
  "schedule", // reviewer sets a future publish time for an approved article, or moves an existing one
  "unschedule", // reviewer cancels a scheduled publish; the article stays approved
  "publish_scheduled", // the scheduler publishes a scheduled article once its time has come (no one online)
  "unpublish", // reviewer takes a published article down, with a reason
  "republish", // reviewer puts an unpublished article back up, unchanged
  "reopen", // editor takes an unpublished article back to draft to rework it; it must pass review again
  "publish_correction", // editor publishes a small correction of a published story at once, with its reason
  "discard_revision", // editor drops a published story's pending revision; the published text stays as it is
] as const;

export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

// Form data arrives as strings: this guard lets actions narrow one before calling decide().
export function isWorkflowAction(value: unknown): value is WorkflowAction {
  return (WORKFLOW_ACTIONS as readonly unknown[]).includes(value);
}
