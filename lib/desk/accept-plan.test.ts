import { describe, expect, it } from "vitest";
import type { AcceptedArticle } from "@/lib/workbench/types";
import { PRINTED_FIELDS } from "@/lib/article-fields";
import { changedFields, planAccept, type ExistingArticle } from "./accept-plan";

function accepted(key: string, title: string, body = "正文"): AcceptedArticle {
  return {
    key,
    kicker: null,
    title,
    subtitle: null,
    rubric: null,
    byline: null,
    source: null,
    reporters: [],
    correspondents: [],
    photographers: [],
    jumpTo: null,
    jumpFrom: null,
    body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: body }] }] },
    rawSpans: [],
  };
}

function existing(id: number, a: AcceptedArticle, state: ExistingArticle["state"] = "draft", untouched = true): ExistingArticle {
  const { key, rawSpans: _spans, ...fields } = a;
  return { id, key, state, untouched, fields };
}

describe("planAccept", () => {
  it("creates every article on the first accept, in order", () => {
    const plan = planAccept([accepted("a1", "一"), accepted("a2", "二")], []);
    expect(plan.create.map((c) => [c.article.key, c.position])).toEqual([
      ["a1", 0],
      ["a2", 1],
    ]);
  });

  it("updates drafts that changed and leaves unchanged ones alone", () => {
    const before = [existing(1, accepted("a1", "一")), existing(2, accepted("a2", "二"))];
    const plan = planAccept([accepted("a1", "一改"), accepted("a2", "二")], before);
    expect(plan.update.map((u) => [u.id, u.changed])).toEqual([[1, ["title"]]]);
    expect(plan.unchanged.map((u) => u.id)).toEqual([2]);
  });

  it("holds articles that moved on in review until confirmed", () => {
    const before = [existing(1, accepted("a1", "一"), "in_review")];
    const next = [accepted("a1", "一", "新正文")];
    expect(planAccept(next, before).held.map((h) => [h.id, h.changed])).toEqual([[1, ["body"]]]);
    expect(planAccept(next, before, new Set([1])).update.map((u) => u.id)).toEqual([1]);
  });

  it("removes untouched drafts whose node is gone, keeps edited or reviewed ones", () => {
    const before = [
      existing(1, accepted("a1", "一")),
      existing(2, accepted("a2", "二")),
      existing(3, accepted("a3", "三"), "draft", false),
      existing(4, accepted("a4", "四"), "approved"),
    ];
    const plan = planAccept([accepted("a1", "一")], before);
    expect(plan.remove).toEqual([2]);
    expect(plan.orphaned.map((o) => o.id)).toEqual([3, 4]);
  });

  it("tells each headline field changed alone, and the same names or blank text as unchanged", () => {
    const base = { ...accepted("a1", "一"), byline: "本报讯(记者 张雪)", reporters: ["张雪"] };
    const { key: _key, rawSpans: _spans, ...fields } = base;
    for (const f of PRINTED_FIELDS) {
      const value = f.kind === "names" ? ["李明"] : "改";
      expect(changedFields(fields, { ...base, [f.key]: value })).toEqual([f.key]);
    }
    expect(changedFields(fields, { ...base, reporters: ["张雪"], kicker: undefined as unknown as null })).toEqual([]);
  });
});
