import { hasVisibleText } from "@/lib/visible-text";
import { approvalRefusal, currentApprovers, requiredApprovals } from "./approvals";
import type { ArticleState } from "@/lib/vocabulary";
import { isSmallCorrection, isSubstantive } from "./corrections";
import { WORKFLOW_ACTIONS, type WorkflowAction } from "./states";
import { TRANSITIONS, type Performer } from "./transitions";
import { refuse, type Actor, type Decision, type DecideInput, type Effect, type Refusal, type Subject, type WorkflowArticle } from "./types";

type Gate = { ok: true; to: ArticleState } | Refusal;

const performerOf = (actor: Actor): Performer => (actor === "system" ? "system" : actor.role);

/**
 * Everything except the typed inputs (comment, reason, publishAt) and the content check: what the
 * UI needs to offer a button. A blank-looking story keeps its buttons and is told what is missing.
 */
function checkGate(article: WorkflowArticle, action: WorkflowAction, actor: Actor, now: Date): Gate {
  const t = TRANSITIONS[action];
  // Actions come from form data; the type alone does not stop an unknown string at run time.
  if (!t) return refuse("unknown_action", `Unknown action "${String(action)}".`);
  const subject = article.subject ?? "article";
  if (!t.on.includes(subject)) {
    return refuse("not_allowed_from_state", subject === "revision" ? `A pending revision cannot be acted on with ${action}.` : `Only a pending revision can be acted on with ${action}.`);
  }
  if (!t.from.includes(article.state)) {
    // Publishing waits for the section's approvals: say how many there are, not only "not now".
    if (article.state === "in_review" && t.from.includes("approved")) {
      const required = requiredApprovals(article);
      const approved = currentApprovers(article).size;
      return refuse("awaiting_approvals", `The section needs ${required} approval(s); this round has ${approved}.`, { required, approved });
    }
    return refuse("not_allowed_from_state", `Cannot ${action} an article that is ${article.state}.`);
  }
  if (!t.by.includes(performerOf(actor))) {
    return refuse("role", `Your role may not ${action} this article.`);
  }
  if (action === "approve" && actor !== "system") {
    const refusal = approvalRefusal(article, actor);
    if (refusal) return refusal;
  }
  if (action === "publish_scheduled" && !(article.scheduledAt && article.scheduledAt.getTime() <= now.getTime())) {
    return refuse("not_due", "The scheduled publish time has not come yet.");
  }
  // A revision that changes nothing has nothing to hand on.
  if (subject === "revision" && (action === "submit" || action === "publish_correction") && article.change && !article.change.changed) {
    return refuse("no_changes", "The revision is the same as the published story.");
  }
  if (action === "publish_correction" && !(article.change && isSmallCorrection(article.change))) {
    return refuse("correction_too_large", "This is more than a small correction: submit it for review; the published story stays up meanwhile.");
  }
  if (typeof t.to === "string") return { ok: true, to: t.to };
  const enough = currentApprovers(article).size + 1 >= requiredApprovals(article);
  return { ok: true, to: enough ? t.to.atQuota : t.to.belowQuota };
}

const filled = (s: string | undefined): s is string => typeof s === "string" && s.trim() !== "";

function checkInputs(input: DecideInput): Refusal | null {
  const { requires } = TRANSITIONS[input.action];
  if (requires.includes("content")) {
    if (!hasVisibleText(input.article.title)) {
      return refuse("title_blank", "The title is empty or made only of invisible characters (spaces, zero-width characters).");
    }
    if (!hasVisibleText(input.article.bodyText)) return refuse("body_empty", "The body is empty.");
  }
  if (requires.includes("changeReason") && input.article.subject === "revision" && !filled(input.article.reason ?? undefined)) {
    return refuse("change_reason_required", "Say why the published story changes (the correction note).");
  }
  if (requires.includes("comment") && !filled(input.comment)) {
    return refuse("comment_required", "Say what needs to change.");
  }
  if (requires.includes("reason") && !filled(input.reason)) {
    return refuse("reason_required", "Give a reason for unpublishing.");
  }
  if (requires.includes("publishAt")) {
    const at = input.publishAt;
    if (!(at instanceof Date) || Number.isNaN(at.getTime()) || at.getTime() <= input.now.getTime()) {
      return refuse("publish_at_invalid", "The publish time must be in the future.");
    }
  }
  return null;
}

/** The actions that put the article before readers (now or at a set time). */
const GOES_PUBLIC: ReadonlySet<WorkflowAction> = new Set(["publish", "schedule", "publish_scheduled", "republish"]);

/**
 * Every photo a story shows must be ready and described (alt text) before readers get it: a
 * published photo without alt text would be a picture blind readers cannot know, and one still
 * being processed would be a caption without its picture.
 */
function checkPhotos({ article, action }: DecideInput): Refusal | null {
  if (!GOES_PUBLIC.has(action) || !article.photoProblems?.length) return null;
  const list = article.photoProblems.map((p) => `#${p.mediaId} (${p.problem})`).join(", ");
  return refuse("photos_not_ready", `Photos not ready for readers: ${list}.`);
}

function effectsOf(input: DecideInput): Effect[] {
  const { article, action, actor, now } = input;
  const comment = input.comment?.trim();
  switch (action) {
    case "submit":
      return [{ type: "clear_approvals" }, { type: "clear_editors_since_submit" }, { type: "set_submitted_at", at: now }];
    case "request_changes":
      return [{ type: "clear_approvals" }, { type: "record_review_comment", comment: comment ?? "" }];
    case "approve": {
      if (actor === "system") return []; // unreachable: the gate lets only people approve
      const note: Effect[] = comment ? [{ type: "record_review_comment", comment }] : [];
      return [{ type: "record_approval", reviewerId: actor.id, at: now }, ...note];
    }
    case "publish":
      if (article.subject === "revision") return [applyRevision(article)];
      return article.state === "scheduled"
        ? [{ type: "set_published_at", at: now }, { type: "clear_schedule" }]
        : [{ type: "set_published_at", at: now }];
    case "publish_correction":
      return [applyRevision(article)];
    case "discard_revision":
      return [{ type: "drop_revision" }];
    case "schedule":
      return [{ type: "set_scheduled_at", at: input.publishAt ?? now }];
    case "unschedule":
      return [{ type: "clear_schedule" }];
    case "publish_scheduled":
      // The real time it went out, which may be later than planned if the server was down.
      return [{ type: "set_published_at", at: now }, { type: "clear_schedule" }];
    case "unpublish":
      return [{ type: "record_unpublish_reason", reason: input.reason?.trim() ?? "" }];
    case "republish":
      return []; // keeps the first publication time: the text is what was published then
    case "reopen":
      return article.hasRevision ? [{ type: "clear_approvals" }, { type: "adopt_revision" }] : [{ type: "clear_approvals" }];
  }
}

/**
 * A revision goes out: the publication time stays the story's first (a correction does not make
 * it news again), and readers get a 更正 note with the reason when the words changed.
 */
function applyRevision(revision: WorkflowArticle): Effect {
  const substantive = revision.change ? isSubstantive(revision.change) : true;
  return { type: "apply_revision", correction: substantive ? (revision.reason?.trim() ?? null) : null };
}

/**
 * Which an action works on: for a published story with a pending revision, the revision's actions
 * (submit, review, publish, correct, discard) act on the revision; everything else on the article.
 */
export function subjectFor(action: WorkflowAction, article: { state: ArticleState; hasRevision: boolean }): Subject {
  const t = TRANSITIONS[action];
  return article.state === "published" && article.hasRevision && t?.on.includes("revision") ? "revision" : "article";
}

/** The one place that decides whether an action may happen, what state follows and what to write. */
export function decide(input: DecideInput): Decision {
  const gate = checkGate(input.article, input.action, input.actor, input.now);
  if (!gate.ok) return gate;
  const missing = checkInputs(input) ?? checkPhotos(input);
  if (missing) return missing;
  return { ok: true, to: gate.to, effects: effectsOf(input) };
}

/** The actions decide() would accept given valid comment/reason/publishAt: the buttons to show. */
export function allowedActions(article: WorkflowArticle, actor: Actor, now: Date): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((action) => checkGate(article, action, actor, now).ok);
}

/** The buttons for a story and, when it is published with one, its pending revision: each action on what subjectFor routes it to. */
export function allowedActionsOf({ article, revision }: { article: WorkflowArticle; revision: WorkflowArticle | null }, actor: Actor, now: Date): WorkflowAction[] {
  const routing = { state: article.state, hasRevision: revision !== null };
  return WORKFLOW_ACTIONS.filter((action) => {
    const subject = subjectFor(action, routing) === "revision" ? revision : article;
    return subject !== null && checkGate(subject, action, actor, now).ok;
  });
}

export type UnavailableAction = Refusal & { action: WorkflowAction };

// Refusals that only say "this is not a step for you here": nobody looks for these buttons.
const UNSURPRISING: ReadonlySet<Refusal["code"]> = new Set(["unknown_action", "not_allowed_from_state", "role"]);

/**
 * The actions a person could expect to see here that decide() refuses, each with its reason
 * (your own work, you edited it since it was submitted, you already approved, the section
 * needs N approvals and has M, not due yet): so a button never disappears without a word.
 * Routed like allowedActionsOf: a published story's review steps ask its pending revision.
 */
export function unavailableActionsOf({ article, revision }: { article: WorkflowArticle; revision: WorkflowArticle | null }, actor: Actor, now: Date): UnavailableAction[] {
  if (actor === "system") return [];
  const routing = { state: article.state, hasRevision: revision !== null };
  return WORKFLOW_ACTIONS.flatMap((action) => {
    if (TRANSITIONS[action].by.every((p) => p === "system")) return [];
    const subject = subjectFor(action, routing) === "revision" ? revision : article;
    if (subject === null) return [];
    const gate = checkGate(subject, action, actor, now);
    return gate.ok || UNSURPRISING.has(gate.code) ? [] : [{ ...gate, action }];
  });
}

/** unavailableActionsOf for a story without a pending revision. */
export function unavailableActions(article: WorkflowArticle, actor: Actor, now: Date): UnavailableAction[] {
  return unavailableActionsOf({ article, revision: null }, actor, now);
}
