import { approvalRefusal, currentApprovers, requiredApprovals } from "./approvals";
import type { ArticleState } from "@/lib/vocabulary";
import { WORKFLOW_ACTIONS, type WorkflowAction } from "./states";
import { TRANSITIONS, type Performer } from "./transitions";
import { refuse, type Actor, type Decision, type DecideInput, type Effect, type Refusal, type WorkflowArticle } from "./types";

type Gate = { ok: true; to: ArticleState } | Refusal;

const performerOf = (actor: Actor): Performer => (actor === "system" ? "system" : actor.role);

/** Everything except the typed inputs (comment, reason, publishAt): what the UI needs to offer a button. */
function checkGate(article: WorkflowArticle, action: WorkflowAction, actor: Actor, now: Date): Gate {
  const t = TRANSITIONS[action];
  // Actions come from form data; the type alone does not stop an unknown string at run time.
  if (!t) return refuse("unknown_action", `Unknown action "${String(action)}".`);
  if (!t.from.includes(article.state)) {
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
  if (typeof t.to === "string") return { ok: true, to: t.to };
  const enough = currentApprovers(article).size + 1 >= requiredApprovals(article);
  return { ok: true, to: enough ? t.to.atQuota : t.to.belowQuota };
}

const filled = (s: string | undefined): s is string => typeof s === "string" && s.trim() !== "";

function checkInputs(input: DecideInput): Refusal | null {
  const { requires } = TRANSITIONS[input.action];
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
      return article.state === "scheduled"
        ? [{ type: "set_published_at", at: now }, { type: "clear_schedule" }]
        : [{ type: "set_published_at", at: now }];
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
      return [{ type: "clear_approvals" }];
  }
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
