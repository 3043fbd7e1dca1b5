import { describe, expect, it } from "vitest";
import { focusIssue, pageProgress } from "./desk-home";

describe("focusIssue", () => {
  const issues = [{ date: "2024-03-08" }, { date: "2024-03-12" }, { date: "2024-03-15" }, { date: "2024-03-01" }];
  it("today's issue first", () => expect(focusIssue(issues, "2024-03-12")).toEqual({ date: "2024-03-12" }));
  it("else the next one being made", () => expect(focusIssue(issues, "2024-03-09")).toEqual({ date: "2024-03-12" }));
  it("else the latest", () => expect(focusIssue(issues, "2024-04-01")).toEqual({ date: "2024-03-15" }));
  it("none without issues", () => expect(focusIssue([], "2024-04-01")).toBeUndefined());
});

describe("pageProgress", () => {
  it("counts each page's stories by stage and lists the pages nothing was put on", () => {
    const pages = [
      { number: 1, name: "要闻", articles: [{ state: "published" as const }, { state: "approved" as const }, { state: "scheduled" as const }] },
      { number: 3, name: "专题", articles: [{ state: "draft" as const }, { state: "changes_requested" as const }, { state: "in_review" as const }, { state: "unpublished" as const }] },
    ];
    expect(pageProgress(pages, 4)).toEqual([
      { number: 1, name: "要闻", missing: false, total: 3, stages: { writing: 0, inReview: 0, ready: 2, published: 1 } },
      { number: 2, name: null, missing: true, total: 0, stages: { writing: 0, inReview: 0, ready: 0, published: 0 } },
      { number: 3, name: "专题", missing: false, total: 4, stages: { writing: 2, inReview: 1, ready: 0, published: 0 } },
      { number: 4, name: null, missing: true, total: 0, stages: { writing: 0, inReview: 0, ready: 0, published: 0 } },
    ]);
  });
  it("goes past the stated page count when a page beyond it exists", () => {
    expect(pageProgress([{ number: 2, name: null, articles: [] }], 1).map((p) => [p.number, p.missing])).toEqual([
      [1, true],
      [2, false],
    ]);
  });
});
