import { describe, expect, it } from "vitest";
import { ARTICLE_FIELDS, articleFormFields, formFieldValues, type ArticleFieldValues } from "@/lib/article-fields";
import { countChangedChars, diffTexts, revisionLabels, revisionText, type DiffPart } from "./diff";
import { REALISTIC_BODY } from "./test-fixtures";
import { textToBody } from "./text";

const side = (parts: DiffPart[], kind: "before" | "after") =>
  parts
    .filter((p) => p.kind === "same" || p.kind === (kind === "before" ? "removed" : "added"))
    .map((p) => p.text)
    .join("");
const changes = (parts: DiffPart[]) => parts.filter((p) => p.kind !== "same");

describe("diffTexts", () => {
  it("shows an inserted and a deleted phrase in Chinese text", () => {
    const before = "县委书记张三主持召开全县春耕生产工作会议，县长李四作重要讲话。";
    const after = "县委书记张三今天上午主持召开全县春耕生产工作会议，县长李四讲话。";
    const parts = diffTexts(before, after);
    expect(changes(parts)).toEqual([
      { kind: "added", text: "今天上午" },
      { kind: "removed", text: "作重要" },
    ]);
    expect(side(parts, "before")).toBe(before);
    expect(side(parts, "after")).toBe(after);
  });

  it("folds short unchanged runs between changes into one replacement", () => {
    const parts = diffTexts("今年粮食产量达到十二万吨。", "今年粮食总产突破十三万吨。");
    expect(changes(parts)).toEqual([
      { kind: "removed", text: "产量达到十二" },
      { kind: "added", text: "总产突破十三" },
    ]);
  });

  it("keeps changes inside their paragraphs", () => {
    const before = "第一段没有变。\n第二段写错了字。\n第三段也没有变。";
    const after = "第一段没有变。\n第二段改正了字。\n第三段也没有变。";
    const parts = diffTexts(before, after);
    expect(parts).toEqual([
      { kind: "same", text: "第一段没有变。\n第二段" },
      { kind: "removed", text: "写错" },
      { kind: "added", text: "改正" },
      { kind: "same", text: "了字。\n第三段也没有变。" },
    ]);
  });

  it("diffs mostly-Latin text by word", () => {
    const parts = diffTexts("The county fair opens on Friday.", "The county fair opens on Saturday.");
    expect(changes(parts)).toEqual([
      { kind: "removed", text: "Friday" },
      { kind: "added", text: "Saturday" },
    ]);
  });

  it("keeps CJK Extension B characters whole", () => {
    const parts = diffTexts("记者王𠀀报道", "记者李𪚥报道");
    expect(changes(parts)).toEqual([
      { kind: "removed", text: "王𠀀" },
      { kind: "added", text: "李𪚥" },
    ]);
  });

  it("handles equal, empty and wholly new text", () => {
    expect(diffTexts("", "")).toEqual([]);
    expect(diffTexts("同", "同")).toEqual([{ kind: "same", text: "同" }]);
    expect(diffTexts("", "新")).toEqual([{ kind: "added", text: "新" }]);
    expect(diffTexts("旧", "")).toEqual([{ kind: "removed", text: "旧" }]);
  });

  it("stays fast and exact on a complete rewrite of a long article", () => {
    const a = Array.from({ length: 400 }, (_, i) => `第${i}段：今天天气很好，群众纷纷走出家门。`).join("\n");
    const b = Array.from({ length: 400 }, (_, i) => `Paragraph ${i} was rewritten in English entirely.`).join("\n");
    const started = Date.now();
    const parts = diffTexts(a, b);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(side(parts, "before")).toBe(a);
    expect(side(parts, "after")).toBe(b);
  });
});

describe("revisionText", () => {
  it("labels headline fields and marks body structure", () => {
    const text = revisionText({ kicker: "春耕", title: "全县春耕现场会召开", subtitle: null, byline: " ", body: REALISTIC_BODY });
    expect(text.split("\n")).toEqual([
      "Kicker: 春耕",
      "Title: 全县春耕现场会召开",
      "",
      "[Lead photo #7] 全县春耕生产现场会会场。",
      "[Lead] 本报讯（记者 王𠀀 通讯员 李𪚥）3月8日，全县春耕生产现场会在城关镇召开。",
      "会议要求，各乡镇要抓好种子、化肥等农资供应，详见县农业农村局网站。",
      "[Subhead] 抓好三项重点",
      "1. 确保种子质量",
      "2. 保障化肥供应",
      "[Minor subhead] 群众说",
      "[Quote] “今年的种子来得早，",
      "心里踏实。”",
      "• 咨询电话见本报网站",
      "• 来信：news@example.cn",
      "[Caption] 图为农技人员在田间指导。👩‍🌾 本报记者 摄",
      "[Photo #8] 图为农民在田间播种。记者 王𠀀 摄",
    ]);
  });

  it("takes translated labels, and a title change shows as a change of that line", () => {
    const body = textToBody(["正文"]);
    const labels = { title: "标题" };
    const parts = diffTexts(revisionText({ title: "旧标题", body }, labels), revisionText({ title: "新标题", body }, labels));
    expect(changes(parts)).toEqual([
      { kind: "removed", text: "旧" },
      { kind: "added", text: "新" },
    ]);
    expect(parts[0]).toEqual({ kind: "same", text: "标题: " });
  });
});

describe("the conflict and history diff, field by field", () => {
  const before: ArticleFieldValues = {
    kicker: "春耕备耕",
    title: "全县春耕现场会召开",
    subtitle: "各乡镇抓好农资供应",
    rubric: "乡村振兴",
    byline: "本报讯(记者 张雪)",
    source: "本报讯",
    reporters: ["张雪"],
    correspondents: [],
    photographers: ["王强"],
    sectionId: 1,
    language: "zh-CN",
  };
  const changed: ArticleFieldValues = {
    kicker: "春耕备播",
    title: "全县春耕现场会在城关召开",
    subtitle: null,
    rubric: "优化营商环境",
    byline: "本报讯(记者 李明)",
    source: "新华社",
    reporters: ["张雪", "李明"],
    correspondents: ["赵六"],
    photographers: [],
    sectionId: 2,
    language: "en",
  };
  const body = textToBody(["正文没有变。"]);
  const sections = new Map([
    [1, "要闻"],
    [2, "民生"],
  ]);
  const options = { sectionName: (id: number) => sections.get(id) };
  const labels = revisionLabels((key) => `«${key}»`);

  for (const f of ARTICLE_FIELDS) {
    it(`shows a change of ${f.key} alone, on its own labelled line`, () => {
      const after = { ...before, [f.key]: changed[f.key] };
      const parts = diffTexts(revisionText({ ...before, body }, labels, options), revisionText({ ...after, body }, labels, options));
      expect(changes(parts).length).toBeGreaterThan(0);
      // Every changed line is this field's line.
      const lines = (kind: "before" | "after") => side(parts, kind).split("\n");
      const differing = lines("after").filter((line) => !lines("before").includes(line));
      const gone = lines("before").filter((line) => !lines("after").includes(line));
      for (const line of [...differing, ...gone]) expect(line.startsWith(`«${f.label}»: `)).toBe(true);
    });

    it(`shows a change of ${f.key} alone made in the editor form`, () => {
      const form = articleFormFields(before);
      const edited = { ...form, [f.key]: articleFormFields(changed)[f.key] };
      const parts = diffTexts(
        revisionText({ ...formFieldValues(form), body }, labels, options),
        revisionText({ ...formFieldValues(edited), body }, labels, options),
      );
      expect(changes(parts).length).toBeGreaterThan(0);
    });
  }

  it("names a section by its name, or by its id when the name is unknown", () => {
    expect(revisionText({ sectionId: 2, body }, {}, options)).toContain("Section: 民生");
    expect(revisionText({ sectionId: 9, body }, {}, options)).toContain("Section: #9");
  });

  it("shows names as the form does, and no line for an empty list", () => {
    const text = revisionText({ reporters: ["张雪", "李明"], correspondents: [], body });
    expect(text).toContain("Reporters: 张雪 李明");
    expect(text).not.toContain("Correspondents");
  });
});

describe("countChangedChars", () => {
  it("counts removed plus added characters, exactly", () => {
    expect(countChangedChars("藏书三十五万册。", "藏书三十五万册。")).toBe(0);
    expect(countChangedChars("藏书三十五万册。", "藏书三十八万册。")).toBe(2);
    expect(countChangedChars("第一段。\n第二段。", "第一段。\n第二段。\n第三段新增。")).toBe(7);
    expect(countChangedChars("第一段。\n第二段。", "第二段。")).toBe(5);
  });

  it("counts a character outside the Basic Multilingual Plane once", () => {
    expect(countChangedChars("𠀀", "𠀁")).toBe(2);
  });

  it("does not fold short unchanged runs into the change as the display diff does", () => {
    expect(countChangedChars("甲乙丙丁戊", "子乙丙丑戊")).toBe(4);
  });

  it("finds a few edits in a long body paragraph by paragraph", () => {
    const long = Array.from({ length: 400 }, (_, i) => `第${i}段：区图书馆自下月起延长开放时间，工作日开放至晚上九点。`).join("\n");
    const edited = long.replace("第200段：区图书馆", "第200段：县图书馆").replace("第300段", "第三百段");
    expect(countChangedChars(long, edited)).toBe(2 + 5);
  });
});
