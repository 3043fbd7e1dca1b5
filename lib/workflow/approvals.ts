import { refuse, type Person, type Refusal, type WorkflowArticle } from "./types";

export const MIN_APPROVALS = 1;
export const MAX_APPROVALS = 3;

/** The section's quota, kept to 1..3 so a bad setting can neither skip review nor make approval impossible. */
export function requiredApprovals(article: Pick<WorkflowArticle, "approvalsRequired">): number {
  const n = Math.trunc(article.approvalsRequired);
  if (!Number.isFinite(n)) return MIN_APPROVALS;
  return Math.min(MAX_APPROVALS, Math.max(MIN_APPROVALS, n));
}

/**
 * Distinct reviewers who approved in the current round. Approvals older than the
 * submission are ignored, so a missed clear_approvals cannot carry a stale sign-off over.
 */
export function currentApprovers(article: Pick<WorkflowArticle, "approvals" | "submittedAt">): Set<number> {
  const since = article.submittedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  return new Set(article.approvals.filter((a) => a.at.getTime() >= since).map((a) => a.reviewerId));
}

/** Why this person may not add an approval (role and state are checked by the caller), or null. */
export function approvalRefusal(article: WorkflowArticle, person: Person): Refusal | null {
  if (person.id === article.authorId) {
    return refuse("self_approval", "The author cannot approve their own article.");
  }
  const approvers = currentApprovers(article);
  if (approvers.has(person.id)) {
    return refuse("already_approved", "Each approval must come from a different reviewer.", {
      required: requiredApprovals(article),
      approved: approvers.size,
    });
  }
  if (article.editorsSinceSubmit.includes(person.id)) {
    return refuse("edited_since_submit", "You edited this article since it was submitted; another reviewer must approve it.");
  }
  return null;
}
