import { describe, expect, it } from "vitest";
import type { ChangeMeasure } from "./corrections";
import { allowedActions, allowedActionsOf, decide, subjectFor, unavailableActions } from "./decide";
import { ARTICLE_STATES, type ArticleState } from "@/lib/vocabulary";
import { WORKFLOW_ACTIONS, type WorkflowAction } from "./states";
import { TRANSITIONS, type Performer } from "./transitions";
import type { Actor, DecideInput, WorkflowArticle } from "./types";

const NOW = new Date("2024-03-08T08:00:00Z");
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

const AUTHOR = 1;
const admin: Actor = { id: 10, role: "admin" };
const editor: Actor = { id: 20, role: "editor" };
const reviewer: Actor = { id: 30, role: "reviewer" };
const reviewer2: Actor = { id: 31, role: "reviewer" };
const reviewer3: Actor = { id: 32, role: "reviewer" };

function article(over: Partial<WorkflowArticle> = {}): WorkflowArticle {
  return {
    state: "draft",
    authorId: AUTHOR,
    approvalsRequired: 1,
    approvals: [],
    submittedAt: minutes(-60),
    editorsSinceSubmit: [],
    scheduledAt: null,
    title: "区政府召开常务会议",
    bodyText: "会议研究了有关事项。",
    ...over,
  };
}

// Valid typed inputs, so only the rules under test can refuse.
function input(a: WorkflowArticle, action: WorkflowAction, actor: Actor, over: Partial<DecideInput> = {}): DecideInput {
  return { article: a, action, actor, now: NOW, comment: "请核实数据", reason: "事实错误", publishAt: minutes(30), ...over };
}

// Written out by hand on purpose: changing who may do what must change this test too.
const EXPECTED: Record<WorkflowAction, { from: ArticleState[]; by: Performer[] }> = {
  submit: { from: ["draft", "changes_requested"], by: ["editor", "admin"] },
  request_changes: { from: ["in_review", "approved"], by: ["reviewer", "admin"] },
  approve: { from: ["in_review"], by: ["reviewer", "admin"] },
  publish: { from: ["approved", "scheduled"], by: ["reviewer", "admin"] },
  schedule: { from: ["approved", "scheduled"], by: ["reviewer", "admin"] },
  unschedule: { from: ["scheduled"], by: ["reviewer", "admin"] },
  publish_scheduled: { from: ["scheduled"], by: ["system"] },
  unpublish: { from: ["published"], by: ["reviewer", "admin"] },
  republish: { from: ["unpublished"], by: ["reviewer", "admin"] },
  reopen: { from: ["unpublished"], by: ["editor", "admin"] },
  // Only ever on a published story's pending revision (see "a published story's pending revision" below).
  publish_correction: { from: [], by: [] },
  discard_revision: { from: [], by: [] },
};
const PERFORMERS: [Performer, Actor][] = [
  ["admin", admin],
  ["editor", editor],
  ["reviewer", reviewer],
  ["system", "system"],
];

describe("every action in every state for every performer", () => {
  for (const action of WORKFLOW_ACTIONS) {
    for (const state of ARTICLE_STATES) {
      for (const [performer, actor] of PERFORMERS) {
        const exp = EXPECTED[action];
        const allowed = exp.from.includes(state) && exp.by.includes(performer);
        it(`${action} from ${state} by ${performer}: ${allowed ? "allowed" : "refused"}`, () => {
          const a = article({ state, scheduledAt: state === "scheduled" ? minutes(-1) : null });
          const d = decide(input(a, action, actor));
          if (allowed) {
            expect(d.ok).toBe(true);
          } else {
            // Publishing an article still in review waits for approvals, and says so (whoever asks).
            const waiting = state === "in_review" && exp.from.includes("approved");
            expect(d).toMatchObject({ ok: false, code: exp.from.includes(state) ? "role" : waiting ? "awaiting_approvals" : "not_allowed_from_state" });
          }
        });
      }
    }
  }

  it("lists admin wherever an editor or reviewer may act", () => {
    for (const t of Object.values(TRANSITIONS)) {
      if (t.by.includes("editor") || t.by.includes("reviewer")) expect(t.by).toContain("admin");
    }
  });
});

describe("resulting states and effects", () => {
  it("submit starts a fresh review round", () => {
    const d = decide(input(article({ state: "changes_requested" }), "submit", editor));
    expect(d).toEqual({
      ok: true,
      to: "in_review",
      effects: [{ type: "clear_approvals" }, { type: "clear_editors_since_submit" }, { type: "set_submitted_at", at: NOW }],
    });
  });

  it("request_changes voids approvals and records the trimmed comment", () => {
    const d = decide(input(article({ state: "approved" }), "request_changes", reviewer, { comment: "  导语太长  " }));
    expect(d).toEqual({
      ok: true,
      to: "changes_requested",
      effects: [{ type: "clear_approvals" }, { type: "record_review_comment", comment: "导语太长" }],
    });
  });

  it("publish now sets the publication time, and clears a schedule if there was one", () => {
    expect(decide(input(article({ state: "approved" }), "publish", reviewer))).toEqual({
      ok: true,
      to: "published",
      effects: [{ type: "set_published_at", at: NOW }],
    });
    const fromScheduled = decide(input(article({ state: "scheduled", scheduledAt: minutes(60) }), "publish", admin));
    expect(fromScheduled).toEqual({
      ok: true,
      to: "published",
      effects: [{ type: "set_published_at", at: NOW }, { type: "clear_schedule" }],
    });
  });

  it("schedule sets the time; rescheduling a scheduled article is allowed", () => {
    const d = decide(input(article({ state: "scheduled", scheduledAt: minutes(10) }), "schedule", reviewer, { publishAt: minutes(120) }));
    expect(d).toEqual({ ok: true, to: "scheduled", effects: [{ type: "set_scheduled_at", at: minutes(120) }] });
  });

  it("unschedule returns to approved", () => {
    const d = decide(input(article({ state: "scheduled", scheduledAt: minutes(10) }), "unschedule", reviewer));
    expect(d).toEqual({ ok: true, to: "approved", effects: [{ type: "clear_schedule" }] });
  });

  it("unpublish records the reason; republish keeps the first publication time; reopen voids approvals", () => {
    expect(decide(input(article({ state: "published" }), "unpublish", admin, { reason: " 侵权投诉 " }))).toEqual({
      ok: true,
      to: "unpublished",
      effects: [{ type: "record_unpublish_reason", reason: "侵权投诉" }],
    });
    expect(decide(input(article({ state: "unpublished" }), "republish", reviewer))).toEqual({
      ok: true,
      to: "published",
      effects: [],
    });
    expect(decide(input(article({ state: "unpublished" }), "reopen", editor))).toEqual({
      ok: true,
      to: "draft",
      effects: [{ type: "clear_approvals" }],
    });
  });

  it("refuses an action name that is not in the table", () => {
    const d = decide(input(article(), "delete" as WorkflowAction, admin));
    expect(d).toMatchObject({ ok: false, code: "unknown_action" });
  });
});

describe("approvals", () => {
  const inReview = (over: Partial<WorkflowArticle> = {}) => article({ state: "in_review", ...over });
  const approval = (reviewerId: number, min = -30) => ({ reviewerId, at: minutes(min) });

  it("one approval is enough by default", () => {
    expect(decide(input(inReview(), "approve", reviewer, { comment: undefined }))).toEqual({
      ok: true,
      to: "approved",
      effects: [{ type: "record_approval", reviewerId: reviewer.id, at: NOW }],
    });
  });

  it("approve with an optional note records it too", () => {
    const d = decide(input(inReview(), "approve", reviewer, { comment: "可发" }));
    expect(d.ok && d.effects).toContainEqual({ type: "record_review_comment", comment: "可发" });
    const blank = decide(input(inReview(), "approve", reviewer, { comment: "  " }));
    expect(blank.ok && blank.effects).toHaveLength(1);
  });

  it("two approvals: stays in review after the first, approved after a second reviewer", () => {
    expect(decide(input(inReview({ approvalsRequired: 2 }), "approve", reviewer))).toMatchObject({ ok: true, to: "in_review" });
    const second = inReview({ approvalsRequired: 2, approvals: [approval(reviewer.id)] });
    expect(decide(input(second, "approve", reviewer2))).toMatchObject({ ok: true, to: "approved" });
  });

  it("three approvals (三审) need three distinct reviewers; an admin counts as one", () => {
    const a0 = inReview({ approvalsRequired: 3 });
    expect(decide(input(a0, "approve", reviewer))).toMatchObject({ ok: true, to: "in_review" });
    const a1 = inReview({ approvalsRequired: 3, approvals: [approval(reviewer.id)] });
    expect(decide(input(a1, "approve", reviewer2))).toMatchObject({ ok: true, to: "in_review" });
    const a2 = inReview({ approvalsRequired: 3, approvals: [approval(reviewer.id), approval(reviewer2.id)] });
    expect(decide(input(a2, "approve", admin))).toMatchObject({ ok: true, to: "approved" });
    expect(decide(input(a2, "approve", reviewer3))).toMatchObject({ ok: true, to: "approved" });
  });

  it("the same reviewer cannot approve twice, and duplicates in the data do not count twice", () => {
    const a = inReview({ approvalsRequired: 2, approvals: [approval(reviewer.id)] });
    expect(decide(input(a, "approve", reviewer))).toMatchObject({ ok: false, code: "already_approved" });
    const dup = inReview({ approvalsRequired: 3, approvals: [approval(reviewer.id), approval(reviewer.id, -10)] });
    expect(decide(input(dup, "approve", reviewer2))).toMatchObject({ ok: true, to: "in_review" });
  });

  it("approvals from before the submission are ignored", () => {
    const a = inReview({ approvalsRequired: 2, submittedAt: minutes(-20), approvals: [approval(reviewer.id, -90)] });
    expect(decide(input(a, "approve", reviewer2))).toMatchObject({ ok: true, to: "in_review" });
    expect(decide(input(a, "approve", reviewer))).toMatchObject({ ok: true });
  });

  it("the author can never approve, whatever their role", () => {
    const a = inReview({ authorId: reviewer.id });
    expect(decide(input(a, "approve", reviewer))).toMatchObject({ ok: false, code: "self_approval" });
    const b = inReview({ authorId: admin.id });
    expect(decide(input(b, "approve", admin))).toMatchObject({ ok: false, code: "self_approval" });
  });

  it("a reviewer or admin who edited since submission cannot approve; others still can", () => {
    const a = inReview({ editorsSinceSubmit: [reviewer.id, admin.id] });
    expect(decide(input(a, "approve", reviewer))).toMatchObject({ ok: false, code: "edited_since_submit" });
    expect(decide(input(a, "approve", admin))).toMatchObject({ ok: false, code: "edited_since_submit" });
    expect(decide(input(a, "approve", reviewer2))).toMatchObject({ ok: true, to: "approved" });
  });

  it("keeps a bad section setting within 1..3", () => {
    expect(decide(input(inReview({ approvalsRequired: 0 }), "approve", reviewer))).toMatchObject({ to: "approved" });
    expect(decide(input(inReview({ approvalsRequired: Number.NaN }), "approve", reviewer))).toMatchObject({ to: "approved" });
    const three = [approval(reviewer.id), approval(reviewer2.id)];
    expect(decide(input(inReview({ approvalsRequired: 9, approvals: three }), "approve", reviewer3))).toMatchObject({
      to: "approved",
    });
  });
});

describe("required inputs", () => {
  it("request_changes needs a non-blank comment", () => {
    for (const comment of [undefined, "", "  ", "\u3000"]) {
      const d = decide(input(article({ state: "in_review" }), "request_changes", reviewer, { comment }));
      expect(d).toMatchObject({ ok: false, code: "comment_required" });
    }
  });

  it("unpublish needs a non-blank reason", () => {
    for (const reason of [undefined, "", " \n "]) {
      const d = decide(input(article({ state: "published" }), "unpublish", admin, { reason }));
      expect(d).toMatchObject({ ok: false, code: "reason_required" });
    }
  });

  it("schedule needs a valid time strictly in the future", () => {
    for (const publishAt of [undefined, minutes(-5), NOW, new Date("not a date")]) {
      const d = decide(input(article({ state: "approved" }), "schedule", reviewer, { publishAt }));
      expect(d).toMatchObject({ ok: false, code: "publish_at_invalid" });
    }
  });

  it("state and role are refused before missing inputs", () => {
    const d = decide(input(article({ state: "draft" }), "unpublish", admin, { reason: "" }));
    expect(d).toMatchObject({ ok: false, code: "not_allowed_from_state" });
  });
});

describe("a story a reader could see: a visible title and a body", () => {
  // Every step that hands a story on to reviewers or readers, with someone allowed to take it.
  const STEPS: [WorkflowAction, ArticleState, Actor][] = [
    ["submit", "draft", editor],
    ["submit", "changes_requested", editor],
    ["approve", "in_review", reviewer],
    ["publish", "approved", reviewer],
    ["schedule", "approved", reviewer],
    ["publish_scheduled", "scheduled", "system"],
    ["republish", "unpublished", reviewer],
  ];

  for (const [action, state, actor] of STEPS) {
    it(`${action} from ${state} refuses a blank-looking title, then an empty body`, () => {
      const at = article({ state, scheduledAt: minutes(-1) });
      expect(decide(input({ ...at, title: "\u200B\u200D\u3000\uFE0F" }, action, actor))).toMatchObject({ ok: false, code: "title_blank" });
      expect(decide(input({ ...at, title: "\u200B", bodyText: "" }, action, actor))).toMatchObject({ ok: false, code: "title_blank" });
      expect(decide(input({ ...at, bodyText: "\n\u200B \u2060" }, action, actor))).toMatchObject({ ok: false, code: "body_empty" });
      expect(decide(input(at, action, actor)).ok).toBe(true);
    });
  }

  it("keeps the buttons (allowedActions) so the person is told what is missing, not shown nothing", () => {
    expect(allowedActions(article({ state: "draft", title: "\u200B", bodyText: "" }), editor, NOW)).toContain("submit");
  });

  it("does not stand in the way of sending back or taking down", () => {
    const blank = { title: "\u200B", bodyText: "" };
    expect(decide(input(article({ state: "in_review", ...blank }), "request_changes", reviewer)).ok).toBe(true);
    expect(decide(input(article({ state: "published", ...blank }), "unpublish", reviewer)).ok).toBe(true);
  });
});

describe("publish_scheduled", () => {
  const scheduled = (at: Date | null) => article({ state: "scheduled", scheduledAt: at });

  it("is done by the system once the time has come", () => {
    expect(decide(input(scheduled(minutes(-1)), "publish_scheduled", "system"))).toEqual({
      ok: true,
      to: "published",
      effects: [{ type: "set_published_at", at: NOW }, { type: "clear_schedule" }],
    });
    expect(decide(input(scheduled(NOW), "publish_scheduled", "system"))).toMatchObject({ ok: true });
  });

  it("is refused before the time, or without a time", () => {
    expect(decide(input(scheduled(minutes(1)), "publish_scheduled", "system"))).toMatchObject({ code: "not_due" });
    expect(decide(input(scheduled(null), "publish_scheduled", "system"))).toMatchObject({ code: "not_due" });
  });

  it("is never done by a person, and the system does nothing else", () => {
    for (const person of [admin, editor, reviewer]) {
      expect(decide(input(scheduled(minutes(-1)), "publish_scheduled", person))).toMatchObject({ code: "role" });
    }
    expect(decide(input(article({ state: "approved" }), "publish", "system"))).toMatchObject({ code: "role" });
  });
});

describe("allowedActions agrees with decide", () => {
  const actors: Actor[] = [
    admin,
    editor,
    reviewer,
    "system",
    { id: AUTHOR, role: "admin" },
    { id: AUTHOR, role: "reviewer" },
    { id: 40, role: "reviewer" }, // edited since submission in some cases below
  ];
  const variants: Partial<WorkflowArticle>[] = [
    {},
    { approvalsRequired: 2, approvals: [{ reviewerId: reviewer.id, at: minutes(-5) }] },
    { approvalsRequired: 3, approvals: [{ reviewerId: admin.id, at: minutes(-5) }], editorsSinceSubmit: [40] },
    { scheduledAt: minutes(-1) },
    { scheduledAt: minutes(1) },
  ];

  it("for every state, actor and situation", () => {
    let checked = 0;
    for (const state of ARTICLE_STATES) {
      for (const over of variants) {
        const a = article({ state, ...over });
        for (const actor of actors) {
          const allowed = allowedActions(a, actor, NOW);
          for (const action of WORKFLOW_ACTIONS) {
            expect(decide(input(a, action, actor)).ok, `${action} ${state} ${JSON.stringify(actor)}`).toBe(
              allowed.includes(action),
            );
            checked++;
          }
        }
      }
    }
    expect(checked).toBe(ARTICLE_STATES.length * variants.length * actors.length * WORKFLOW_ACTIONS.length);
  });

  it("offers the buttons a newsroom expects", () => {
    expect(allowedActions(article({ state: "draft" }), editor, NOW)).toEqual(["submit"]);
    expect(allowedActions(article({ state: "in_review" }), reviewer, NOW)).toEqual(["request_changes", "approve"]);
    expect(allowedActions(article({ state: "in_review", authorId: reviewer.id }), reviewer, NOW)).toEqual([
      "request_changes",
    ]);
    expect(allowedActions(article({ state: "approved" }), admin, NOW)).toEqual(["request_changes", "publish", "schedule"]);
    expect(allowedActions(article({ state: "scheduled", scheduledAt: minutes(5) }), "system", NOW)).toEqual([]);
    expect(allowedActions(article({ state: "scheduled", scheduledAt: minutes(-5) }), "system", NOW)).toEqual([
      "publish_scheduled",
    ]);
    expect(allowedActions(article({ state: "published" }), editor, NOW)).toEqual([]);
    expect(allowedActions(article({ state: "published" }), reviewer, NOW)).toEqual(["unpublish"]);
    expect(allowedActions(article({ state: "unpublished" }), admin, NOW)).toEqual(["republish", "reopen"]);
  });
});

describe("a published story's pending revision", () => {
  const SMALL: ChangeMeasure = { changed: true, bodyChanged: 4, liveBodyLength: 400, headlineChanged: false, placementChanged: false, wordsChanged: true };
  const revision = (state: ArticleState, over: Partial<WorkflowArticle> = {}) =>
    article({ subject: "revision", state, reason: "数字有误，已更正。", change: SMALL, ...over });

  // Written out by hand, as EXPECTED above: who may do what to a revision in which of its states.
  const ON_REVISION: Partial<Record<WorkflowAction, { from: ArticleState[]; by: Performer[] }>> = {
    submit: { from: ["draft", "changes_requested"], by: ["editor", "admin"] },
    request_changes: { from: ["in_review", "approved"], by: ["reviewer", "admin"] },
    approve: { from: ["in_review"], by: ["reviewer", "admin"] },
    publish: { from: ["approved"], by: ["reviewer", "admin"] },
    publish_correction: { from: ["draft", "changes_requested"], by: ["editor", "admin"] },
    discard_revision: { from: ["draft", "in_review", "changes_requested", "approved"], by: ["editor", "admin"] },
  };

  for (const action of WORKFLOW_ACTIONS) {
    for (const state of ["draft", "in_review", "changes_requested", "approved"] as const) {
      for (const [performer, actor] of PERFORMERS) {
        const exp = ON_REVISION[action];
        const allowed = !!exp && exp.from.includes(state) && exp.by.includes(performer);
        it(`${action} on a revision that is ${state}, by ${performer}: ${allowed ? "allowed" : "refused"}`, () => {
          expect(decide(input(revision(state), action, actor)).ok).toBe(allowed);
        });
      }
    }
  }

  it("routes the revision's actions to the revision and the rest to the article", () => {
    const published = { state: "published" as const, hasRevision: true };
    expect(subjectFor("submit", published)).toBe("revision");
    expect(subjectFor("publish_correction", published)).toBe("revision");
    expect(subjectFor("unpublish", published)).toBe("article");
    expect(subjectFor("submit", { state: "published", hasRevision: false })).toBe("article");
    expect(subjectFor("submit", { state: "draft", hasRevision: true })).toBe("article");
  });

  it("offers the buttons of both: the story's (unpublish) and the revision's", () => {
    const story = article({ state: "published", hasRevision: true });
    expect(allowedActionsOf({ article: story, revision: revision("draft") }, editor, NOW)).toEqual(["submit", "publish_correction", "discard_revision"]);
    expect(allowedActionsOf({ article: story, revision: revision("in_review") }, reviewer, NOW)).toEqual(["request_changes", "approve", "unpublish"]);
    expect(allowedActionsOf({ article: story, revision: null }, reviewer, NOW)).toEqual(["unpublish"]);
  });

  it("publishes a small correction at once only with a reason, and hides it for anything bigger", () => {
    expect(decide(input(revision("draft", { reason: " " }), "publish_correction", editor))).toMatchObject({ ok: false, code: "change_reason_required" });
    expect(decide(input(revision("draft", { reason: null }), "submit", editor))).toMatchObject({ ok: false, code: "change_reason_required" });
    for (const change of [
      { ...SMALL, bodyChanged: 41 },
      { ...SMALL, headlineChanged: true },
      { ...SMALL, placementChanged: true },
    ]) {
      const big = revision("draft", { change });
      expect(decide(input(big, "publish_correction", editor))).toMatchObject({ ok: false, code: "correction_too_large" });
      expect(allowedActions(big, editor, NOW)).toEqual(["submit", "discard_revision"]);
      expect(decide(input(big, "submit", editor)).ok).toBe(true);
    }
    expect(decide(input(revision("draft", { change: { ...SMALL, bodyChanged: 40 } }), "publish_correction", editor)).ok).toBe(true);
  });

  it("has nothing to hand on when it changes nothing", () => {
    const same = revision("draft", { change: { ...SMALL, changed: false, bodyChanged: 0, wordsChanged: false } });
    expect(decide(input(same, "submit", editor))).toMatchObject({ ok: false, code: "no_changes" });
    expect(decide(input(same, "publish_correction", editor))).toMatchObject({ ok: false, code: "no_changes" });
    expect(allowedActions(same, editor, NOW)).toEqual(["discard_revision"]);
  });

  it("goes out with a public 更正 note when the words changed, silently when only punctuation or formatting did", () => {
    expect(decide(input(revision("draft"), "publish_correction", editor))).toEqual({
      ok: true,
      to: "published",
      effects: [{ type: "apply_revision", correction: "数字有误，已更正。" }],
    });
    const punctuation = revision("approved", { change: { ...SMALL, wordsChanged: false } });
    expect(decide(input(punctuation, "publish", reviewer))).toEqual({ ok: true, to: "published", effects: [{ type: "apply_revision", correction: null }] });
    expect(decide(input(revision("draft"), "discard_revision", editor))).toEqual({ ok: true, to: "published", effects: [{ type: "drop_revision" }] });
  });

  it("is reviewed like an article: never by who began it or edited it since submission, up to the section's quota", () => {
    const inReview = revision("in_review", { authorId: editor.id, approvalsRequired: 2 });
    expect(decide(input(inReview, "approve", { id: editor.id, role: "admin" }))).toMatchObject({ ok: false, code: "self_approval" });
    expect(decide(input(inReview, "approve", reviewer))).toMatchObject({ ok: true, to: "in_review" });
    expect(decide(input({ ...inReview, approvals: [{ reviewerId: reviewer2.id, at: minutes(-5) }] }, "approve", reviewer))).toMatchObject({ ok: true, to: "approved" });
  });

  it("reopen of an unpublished story takes its pending revision along into the draft", () => {
    expect(decide(input(article({ state: "unpublished", hasRevision: true }), "reopen", editor))).toMatchObject({
      ok: true,
      effects: [{ type: "clear_approvals" }, { type: "adopt_revision" }],
    });
  });
});

describe("unavailableActions says why a button a person looks for is missing", () => {
  const inReview = (over: Partial<WorkflowArticle> = {}) => article({ state: "in_review", ...over });
  const codes = (list: ReturnType<typeof unavailableActions>) => list.map((u) => `${u.action}:${u.code}`);

  it("a reviewer who edited since submission: another reviewer must approve", () => {
    expect(codes(unavailableActions(inReview({ editorsSinceSubmit: [reviewer.id] }), reviewer, NOW))).toContain("approve:edited_since_submit");
  });

  it("the author: it is their own work", () => {
    expect(codes(unavailableActions(inReview({ authorId: reviewer.id }), reviewer, NOW))).toContain("approve:self_approval");
  });

  it("publishing waits for the section's approvals, with the numbers", () => {
    const a = inReview({ approvalsRequired: 3, approvals: [{ reviewerId: reviewer.id, at: minutes(-5) }] });
    const list = unavailableActions(a, reviewer, NOW);
    expect(list.find((u) => u.action === "approve")).toMatchObject({ code: "already_approved", params: { required: 3, approved: 1 } });
    expect(list.find((u) => u.action === "publish")).toMatchObject({ code: "awaiting_approvals", params: { required: 3, approved: 1 } });
    expect(list.find((u) => u.action === "schedule")).toMatchObject({ code: "awaiting_approvals" });
  });

  it("leaves out what was never this person's step here, and everything allowed", () => {
    expect(unavailableActions(article({ state: "draft" }), editor, NOW)).toEqual([]);
    expect(codes(unavailableActions(inReview(), reviewer, NOW)).filter((c) => c.startsWith("approve") || c.startsWith("request_changes"))).toEqual([]);
    expect(unavailableActions(inReview(), "system", NOW)).toEqual([]);
  });

  it("every reason it gives is decide()'s own refusal", () => {
    for (const state of ARTICLE_STATES) {
      for (const actor of [admin, editor, reviewer, { id: AUTHOR, role: "reviewer" } as Actor]) {
        const a = article({ state, approvalsRequired: 2, approvals: [{ reviewerId: reviewer.id, at: minutes(-5) }], editorsSinceSubmit: [admin.id as number] });
        for (const u of unavailableActions(a, actor, NOW)) {
          expect(decide(input(a, u.action, actor))).toMatchObject({ ok: false, code: u.code });
        }
      }
    }
  });
});
