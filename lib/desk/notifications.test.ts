import { describe, expect, it } from "vitest";
import { noticeForTakeover, noticesForStep, type NotifiableStep } from "./notifications";

const AUTHOR = 1;
const REVIEWERS = [30, 31, 32];
const step = (over: Partial<NotifiableStep>): NotifiableStep => ({ action: "submit", to: "in_review", authorId: AUTHOR, actorId: AUTHOR, ...over });

describe("noticesForStep: who hears of a workflow step", () => {
  it("a submitted story goes to every reviewer, never to the one who submitted it", () => {
    expect(noticesForStep(step({}), REVIEWERS)).toEqual(REVIEWERS.map((recipientId) => ({ recipientId, kind: "submitted", note: null })));
    // An admin submitting someone else's story: the author is not a reviewer, the admin not told of their own step.
    expect(noticesForStep(step({ actorId: 30 }), REVIEWERS).map((n) => n.recipientId)).toEqual([31, 32]);
  });

  it("sent back: the author, with the comment as written (trimmed)", () => {
    expect(noticesForStep(step({ action: "request_changes", to: "changes_requested", actorId: 30, comment: "  请核实数据 " }), REVIEWERS)).toEqual([
      { recipientId: AUTHOR, kind: "changes_requested", note: "请核实数据" },
    ]);
  });

  it("approved: the author, once the section's quota is reached, not at each sign-off before", () => {
    expect(noticesForStep(step({ action: "approve", to: "in_review", actorId: 30 }), REVIEWERS)).toEqual([]);
    expect(noticesForStep(step({ action: "approve", to: "approved", actorId: 31 }), REVIEWERS)).toEqual([{ recipientId: AUTHOR, kind: "approved", note: null }]);
  });

  it("published by a person, by the scheduler or again; pulled with the reason", () => {
    for (const action of ["publish", "publish_scheduled", "republish"] as const) {
      expect(noticesForStep(step({ action, to: "published", actorId: action === "publish_scheduled" ? null : 30 }), REVIEWERS)).toEqual([
        { recipientId: AUTHOR, kind: "published", note: null },
      ]);
    }
    expect(noticesForStep(step({ action: "unpublish", to: "unpublished", actorId: 30, reason: "侵权投诉" }), REVIEWERS)).toEqual([
      { recipientId: AUTHOR, kind: "unpublished", note: "侵权投诉" },
    ]);
  });

  it("nobody is told of their own step, and steps that change nothing for anyone else are quiet", () => {
    expect(noticesForStep(step({ action: "publish", to: "published", actorId: AUTHOR }), REVIEWERS)).toEqual([]);
    for (const action of ["schedule", "unschedule", "reopen"] as const) expect(noticesForStep(step({ action, to: "approved", actorId: 30 }), REVIEWERS)).toEqual([]);
  });
});

describe("noticeForTakeover", () => {
  it("tells the previous holder, unless there was none or it was the same person", () => {
    expect(noticeForTakeover(20, 30)).toEqual([{ recipientId: 20, kind: "lock_taken_over", note: null }]);
    expect(noticeForTakeover(null, 30)).toEqual([]);
    expect(noticeForTakeover(30, 30)).toEqual([]);
  });
});
