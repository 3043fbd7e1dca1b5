import type { ArticleState, Role } from "@/lib/vocabulary";
import { refuse, type Decision, type Effect, type Person, type WorkflowArticle } from "./types";

/** Who may change an article's body in each state. */
export const EDIT_RIGHTS: Readonly<Record<ArticleState, readonly Role[]>> = {
  draft: ["editor", "admin"],
  // Proofreading by reviewers; it bars them from approving this round (see onEdit).
  in_review: ["reviewer", "admin"],
  changes_requested: ["editor", "admin"],
  // A late fix is allowed but the changed text must be reviewed again.
  approved: ["editor", "reviewer", "admin"],
  scheduled: ["editor", "reviewer", "admin"],
  // Corrections: the edit goes into a pending revision and the published text stays up until it is
  // published (a small correction at once, anything more after review); the revision's own state rules it from then on.
  published: ["editor", "admin"],
  // Pulled stories are reworked only after reopen, so republish never shows unreviewed text.
  unpublished: [],
};

export function canEditArticle(state: ArticleState, role: Role): boolean {
  return EDIT_RIGHTS[state].includes(role);
}

/**
 * What saving the body does to the workflow: call before writing the save, apply effects in order.
 * For a published story's pending revision pass the revision (subject "revision"): it is edited
 * under its own review state exactly as an article in that state is.
 */
export function onEdit(article: WorkflowArticle, person: Person, now: Date): Decision {
  const { state } = article;
  if (!canEditArticle(state, person.role)) {
    return EDIT_RIGHTS[state].length === 0
      ? refuse("not_allowed_from_state", `An article that is ${state} cannot be edited.`)
      : refuse("role", `Your role may not edit an article that is ${state}.`);
  }
  switch (state) {
    case "in_review": {
      const known = article.editorsSinceSubmit.includes(person.id);
      return { ok: true, to: state, effects: known ? [] : [{ type: "record_editor", userId: person.id }] };
    }
    case "approved":
    case "scheduled": {
      // The save starts a new round, and its author is barred from approving it.
      const effects: Effect[] = [
        { type: "clear_approvals" },
        ...(state === "scheduled" ? [{ type: "clear_schedule" } as const] : []),
        { type: "clear_editors_since_submit" },
        { type: "set_submitted_at", at: now },
        { type: "record_editor", userId: person.id },
      ];
      return { ok: true, to: "in_review", effects };
    }
    case "published":
      // Only a story without a pending revision is edited as "published": the save begins one.
      return { ok: true, to: "draft", effects: [{ type: "start_revision" }] };
    default:
      return { ok: true, to: state, effects: [] };
  }
}
