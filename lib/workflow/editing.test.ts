import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/vocabulary";
import { decide } from "./decide";
import { canEditArticle, onEdit } from "./editing";
import { ARTICLE_STATES, type ArticleState } from "@/lib/vocabulary";
import type { Person, WorkflowArticle } from "./types";

const NOW = new Date("2024-03-08T08:00:00Z");
const ROLES: Role[] = ["admin", "editor", "reviewer"];
const editor: Person = { id: 20, role: "editor" };
const reviewer: Person = { id: 30, role: "reviewer" };
const admin: Person = { id: 10, role: "admin" };

const article = (state: ArticleState, over: Partial<WorkflowArticle> = {}): WorkflowArticle => ({
  state,
  authorId: 1,
  approvalsRequired: 1,
  approvals: [],
  submittedAt: new Date("2024-03-08T07:00:00Z"),
  editorsSinceSubmit: [],
  scheduledAt: null,
  title: "区政府召开常务会议",
  bodyText: "会议研究了有关事项。",
  ...over,
});

const EXPECTED: Record<ArticleState, Role[]> = {
  draft: ["admin", "editor"],
  in_review: ["admin", "reviewer"],
  changes_requested: ["admin", "editor"],
  approved: ["admin", "editor", "reviewer"],
  scheduled: ["admin", "editor", "reviewer"],
  published: ["admin", "editor"],
  unpublished: [],
};

describe("who may edit the body", () => {
  for (const state of ARTICLE_STATES) {
    for (const role of ROLES) {
      const allowed = EXPECTED[state].includes(role);
      it(`${role} in ${state}: ${allowed ? "may" : "may not"} edit`, () => {
        expect(canEditArticle(state, role)).toBe(allowed);
        expect(onEdit(article(state), { id: 50, role }, NOW).ok).toBe(allowed);
      });
    }
  }

  it("explains a refusal by role when someone else could edit, by state when nobody could", () => {
    expect(onEdit(article("in_review"), editor, NOW)).toMatchObject({ ok: false, code: "role" });
    expect(onEdit(article("unpublished"), admin, NOW)).toMatchObject({ ok: false, code: "not_allowed_from_state" });
  });
});

describe("what an edit does to the workflow", () => {
  it("draft and changes_requested: nothing", () => {
    expect(onEdit(article("draft"), editor, NOW)).toEqual({ ok: true, to: "draft", effects: [] });
    expect(onEdit(article("changes_requested"), admin, NOW)).toEqual({ ok: true, to: "changes_requested", effects: [] });
  });

  it("in review: proofreading records the editor once, and bars them from approving", () => {
    const first = onEdit(article("in_review"), reviewer, NOW);
    expect(first).toEqual({ ok: true, to: "in_review", effects: [{ type: "record_editor", userId: reviewer.id }] });
    const edited = article("in_review", { editorsSinceSubmit: [reviewer.id] });
    expect(onEdit(edited, reviewer, NOW)).toEqual({ ok: true, to: "in_review", effects: [] });
    const d = decide({ article: edited, action: "approve", actor: reviewer, now: NOW });
    expect(d).toMatchObject({ ok: false, code: "edited_since_submit" });
  });

  it("approved: back to review, approvals cleared, a new round the editor cannot approve", () => {
    const a = article("approved", { approvals: [{ reviewerId: 31, at: NOW }] });
    expect(onEdit(a, reviewer, NOW)).toEqual({
      ok: true,
      to: "in_review",
      effects: [
        { type: "clear_approvals" },
        { type: "clear_editors_since_submit" },
        { type: "set_submitted_at", at: NOW },
        { type: "record_editor", userId: reviewer.id },
      ],
    });
  });

  it("scheduled: the schedule is cleared as well", () => {
    const d = onEdit(article("scheduled", { scheduledAt: new Date("2024-03-09T00:00:00Z") }), editor, NOW);
    expect(d).toMatchObject({ ok: true, to: "in_review" });
    expect(d.ok && d.effects).toContainEqual({ type: "clear_schedule" });
  });

  it("published: the edit begins a pending revision (a draft of it); the story stays up as it is", () => {
    expect(onEdit(article("published"), editor, NOW)).toEqual({ ok: true, to: "draft", effects: [{ type: "start_revision" }] });
    expect(onEdit(article("published"), reviewer, NOW)).toMatchObject({ ok: false, code: "role" });
  });

  it("a pending revision is edited under its own review state, as an article in that state is", () => {
    const revision = (state: ArticleState, over: Partial<WorkflowArticle> = {}) => article(state, { subject: "revision", ...over });
    expect(onEdit(revision("draft"), editor, NOW)).toEqual({ ok: true, to: "draft", effects: [] });
    expect(onEdit(revision("in_review"), editor, NOW)).toMatchObject({ ok: false, code: "role" });
    expect(onEdit(revision("in_review"), reviewer, NOW)).toEqual({ ok: true, to: "in_review", effects: [{ type: "record_editor", userId: reviewer.id }] });
    const approved = onEdit(revision("approved"), editor, NOW);
    expect(approved).toMatchObject({ ok: true, to: "in_review" });
    expect(approved.ok && approved.effects).toContainEqual({ type: "clear_approvals" });
  });
});
