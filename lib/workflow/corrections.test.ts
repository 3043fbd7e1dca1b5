import { describe, expect, it } from "vitest";
import type { RevisionFields } from "@/lib/article-body/diff";
import { bodyShare, CORRECTION_POLICY, isSmallCorrection, isSubstantive, measureChange, withCorrectionNote } from "./corrections";

const paragraphs = (...texts: string[]) => ({ type: "doc" as const, content: texts.map((text) => ({ type: "paragraph" as const, content: [{ type: "text" as const, text }] })) });

const TEXT = "区图书馆现有藏书三十五万册，去年接待读者四十二万人次，举办阅读推广活动一百六十场。".repeat(4); // 164 characters
const live: RevisionFields = {
  kicker: null,
  title: "区图书馆延长开放时间",
  subtitle: null,
  byline: "本报记者 张雪",
  reporters: ["张雪"],
  sectionId: 1,
  language: "zh-CN",
  body: paragraphs(TEXT),
};
const edit = (over: Partial<RevisionFields>) => ({ ...live, ...over });

describe("measureChange and the small-correction threshold", () => {
  it("finds nothing in an unchanged story", () => {
    const m = measureChange(live, edit({}));
    expect(m).toEqual({ changed: false, bodyChanged: 0, liveBodyLength: 164, headlineChanged: false, placementChanged: false, wordsChanged: false });
    expect(isSmallCorrection(m)).toBe(false);
  });

  it("calls a fixed number a small, substantive correction", () => {
    const m = measureChange(live, edit({ body: paragraphs(TEXT.replace("三十五万册", "三十八万册")) }));
    expect(m).toMatchObject({ changed: true, bodyChanged: 2, headlineChanged: false, wordsChanged: true });
    expect(isSmallCorrection(m)).toBe(true);
    expect(isSubstantive(m)).toBe(true);
  });

  it("allows up to 10% of the body's characters, removed plus added", () => {
    expect(CORRECTION_POLICY.maxBodyShare).toBe(0.1);
    const within = measureChange(live, edit({ body: paragraphs(TEXT, "补充一句话共八字。") }));
    expect(within.bodyChanged).toBe(10); // the line break and nine characters
    expect(isSmallCorrection(within)).toBe(true);
    const beyond = measureChange(live, edit({ body: paragraphs(TEXT, "此外，图书馆将在三楼开设夜间自习室，免费预约。") }));
    expect(bodyShare(beyond)).toBeGreaterThan(0.1);
    expect(isSmallCorrection(beyond)).toBe(false);
  });

  it("never calls a headline, section or language change small", () => {
    expect(isSmallCorrection(measureChange(live, edit({ title: "区图书馆延长开放时间！" })))).toBe(false);
    expect(measureChange(live, edit({ kicker: "便民" })).headlineChanged).toBe(true);
    expect(isSmallCorrection(measureChange(live, edit({ sectionId: 2 })))).toBe(false);
    expect(isSmallCorrection(measureChange(live, edit({ language: "en" })))).toBe(false);
  });

  it("lets a misspelt name in the byline be a small, substantive correction", () => {
    const m = measureChange(live, edit({ byline: "本报记者 张雯", reporters: ["张雯"] }));
    expect(isSmallCorrection(m)).toBe(true);
    expect(isSubstantive(m)).toBe(true);
  });

  it("does not call punctuation, spacing or formatting alone substantive", () => {
    const punctuation = measureChange(live, edit({ body: paragraphs(TEXT.replace("万册，", "万册；")) }));
    expect(isSmallCorrection(punctuation)).toBe(true);
    expect(isSubstantive(punctuation)).toBe(false);
    const bold = measureChange(live, edit({ body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: TEXT, marks: [{ type: "bold" }] }] }] } }));
    expect(bold).toMatchObject({ changed: true, bodyChanged: 0, wordsChanged: false });
    expect(isSubstantive(bold)).toBe(false);
  });
});

describe("withCorrectionNote", () => {
  it("puts the newest correction first, each with its day", () => {
    const first = withCorrectionNote(null, " 藏书数量有误。 ", "2024-03-08");
    expect(first).toBe("2024-03-08：藏书数量有误。");
    expect(withCorrectionNote(first, "读者人次有误。", "2024-03-09")).toBe("2024-03-09：读者人次有误。\n2024-03-08：藏书数量有误。");
  });
});
