import type { ArticleState, NotificationKind } from "@/lib/vocabulary";
import type { WorkflowAction } from "@/lib/workflow/states";

/** One notice to write: who hears of it, what kind, and the words sent along (comment, reason). */
export type Notice = { recipientId: number; kind: NotificationKind; note: string | null };

/** A workflow step as it was decided (lib/workflow) and is being written. */
export type NotifiableStep = {
  action: WorkflowAction;
  /** The state the step led to. */
  to: ArticleState;
  authorId: number;
  /** Null for the scheduler. */
  actorId: number | null;
  comment?: string;
  reason?: string;
};

const filled = (s: string | undefined) => (s && s.trim() !== "" ? s.trim() : null);

/**
 * Who is told of a workflow step. A story handed in goes to the reviewers (every active reviewer:
 * sections have no reviewers of their own; the query falls back to admins when there is none);
 * its author hears when it is sent back (with the comment), fully approved, published (also by
 * the scheduler, or again) and pulled (with the reason). Nobody is told of their own step.
 */
export function noticesForStep(step: NotifiableStep, reviewerIds: readonly number[]): Notice[] {
  const toAuthor = (kind: NotificationKind, note: string | null = null): Notice[] => [{ recipientId: step.authorId, kind, note }];
  const notices = ((): Notice[] => {
    switch (step.action) {
      case "submit":
        return reviewerIds.filter((id) => id !== step.authorId).map((recipientId) => ({ recipientId, kind: "submitted", note: null }));
      case "request_changes":
        return toAuthor("changes_requested", filled(step.comment));
      case "approve":
        // Each reviewer's sign-off short of the section's quota is for the reviewers, not news for the author yet.
        return step.to === "approved" ? toAuthor("approved") : [];
      case "publish":
      case "publish_scheduled":
      case "republish":
      case "publish_correction":
        return toAuthor("published");
      case "unpublish":
        return toAuthor("unpublished", filled(step.reason));
      case "schedule":
      case "unschedule":
      case "reopen":
      case "discard_revision":
        return [];
    }
  })();
  const seen = new Set<number>();
  return notices.filter((n) => n.recipientId !== step.actorId && !seen.has(n.recipientId) && seen.add(n.recipientId));
}

/** Whoever held a live lock that someone else took over is told, so they stop typing into a story now edited elsewhere. */
export function noticeForTakeover(previousHolderId: number | null | undefined, actorId: number): Notice[] {
  return previousHolderId != null && previousHolderId !== actorId ? [{ recipientId: previousHolderId, kind: "lock_taken_over", note: null }] : [];
}

/** A notice as the bell and the notifications page show it (the time as an ISO string, to cross to the browser). */
export type BellItem = {
  id: number;
  kind: NotificationKind;
  note: string | null;
  articleTitle: string;
  actorName: string | null;
  read: boolean;
  at: string;
};

export type BellSummary = { unread: number; items: BellItem[] };

export function bellItemsOf(
  rows: readonly { id: number; kind: NotificationKind; note: string | null; articleTitle: string; actorName: string | null; readAt: Date | null; createdAt: Date }[],
): BellItem[] {
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    note: r.note,
    articleTitle: r.articleTitle,
    actorName: r.actorName,
    read: r.readAt !== null,
    at: r.createdAt.toISOString(),
  }));
}
