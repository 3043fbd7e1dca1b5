import { describe, expect, it } from "vitest";
import { highlightSnippet, markTerms, normaliseQuery, planSearch } from "./search";

describe("planSearch", () => {
  it.each<[string, string, ReturnType<typeof planSearch>]>([
    ["2-char Chinese", "荣昌", { kind: "short", match: null, prefixes: ["荣昌"], terms: ["荣昌"] }],
    ["4-char Chinese", "乡村振兴", { kind: "fts", match: '"乡村振兴"', terms: ["乡村振兴"] }],
    ["English word", "river", { kind: "fts", match: '"river"', terms: ["river"] }],
    ["two long terms", "乡村振兴 river", { kind: "fts", match: '"乡村振兴" AND "river"', terms: ["乡村振兴", "river"] }],
    ["mixed: long terms matched, short ones by prefix, folded", "乡村振兴 AI", { kind: "short", match: '"乡村振兴"', prefixes: ["ai"], terms: ["乡村振兴", "AI"] }],
    ["3 chars is enough for trigram", "荣昌报", { kind: "fts", match: '"荣昌报"', terms: ["荣昌报"] }],
    ["single character", "荣", { kind: "short", match: null, prefixes: ["荣"], terms: ["荣"] }],
    ["FTS operators stay literal", "NEAR OR*", { kind: "fts", match: '"NEAR" AND "OR*"', terms: ["NEAR", "OR*"] }],
    ["double quotes doubled", 'say "hi"', { kind: "fts", match: '"say" AND """hi"""', terms: ["say", '"hi"'] }],
    ["a quote in a short term is a plain character", '"x', { kind: "short", match: null, prefixes: ['"x'], terms: ['"x'] }],
    ["% _ and \\ are plain characters", "5% a_b c\\d", { kind: "short", match: '"a_b" AND "c\\d"', prefixes: ["5%"], terms: ["5%", "a_b", "c\\d"] }],
    ["empty", "", { kind: "empty" }],
    ["whitespace only", " \t\n\u3000 ", { kind: "empty" }],
    ["invisible only", "\u200B\uFEFF", { kind: "empty" }],
    ["full-width letters and spaces normalised", "ＲＩＶＥＲ\u3000荣昌", { kind: "short", match: '"RIVER"', prefixes: ["荣昌"], terms: ["RIVER", "荣昌"] }],
    ["Chinese punctuation separates", "荣昌，夏布、乡村振兴。", { kind: "short", match: '"乡村振兴"', prefixes: ["荣昌", "夏布"], terms: ["荣昌", "夏布", "乡村振兴"] }],
    ["repeated terms once, ignoring case", "River river RIVER", { kind: "fts", match: '"River"', terms: ["River"] }],
    ["zero-width space inside splits", "乡村\u200B振兴", { kind: "short", match: null, prefixes: ["乡村", "振兴"], terms: ["乡村", "振兴"] }],
  ])("%s", (_, q, plan) => {
    expect(planSearch(q)).toEqual(plan);
  });

  it("keeps at most 100 characters", () => {
    const q = "荣".repeat(150);
    const plan = planSearch(q);
    expect(plan.kind).toBe("fts");
    if (plan.kind !== "fts") return;
    expect(plan.terms).toEqual(["荣".repeat(100)]);
    expect(normaliseQuery("a".repeat(99) + " " + "b".repeat(5))).toBe("a".repeat(99));
  });

  it("counts characters, not UTF-16 units, and never splits a surrogate pair", () => {
    const q = "𠀀".repeat(101); // U+20000, two UTF-16 units each
    expect(Array.from(normaliseQuery(q))).toHaveLength(100);
    expect(planSearch("𠀀𠀀").kind).toBe("short");
    expect(planSearch("𠀀𠀀𠀀").kind).toBe("fts");
  });
});

describe("highlightSnippet", () => {
  const paragraph =
    "重庆日报消息 近日，记者从2024年全市科技工作会上获悉，今年我市将实施五大行动，加速创新要素向企业集聚。" +
    "去年，我市启动实施高新技术企业和科技型企业“双倍增”行动计划，高新技术企业和科技型企业发展势头良好，" +
    "新认定高新技术企业3071家、新增科技型企业15535家。市科技局局长明炬介绍，今年，我市将深入实施“双倍增”行动计划，" +
    "通过实施五大行动，加快培育一批高质量市场主体，改造提升传统产业，培育壮大新兴产业，布局建设未来产业。" +
    "五是实施金融赋能企业创新行动，探索开展“政银联动服务企业创新”改革试点，构建数字为纽带、项目为引导、信贷为支撑的服务模式。";
  const joined = (s: ReturnType<typeof highlightSnippet>) => s.parts.map((p) => p.text).join("");

  it("cuts a window around the first hit and marks every hit inside it", () => {
    const s = highlightSnippet(paragraph, ["双倍增"], 20);
    expect(s.before).toBe(true);
    expect(s.after).toBe(true);
    expect(s.parts.filter((p) => p.hit).map((p) => p.text)).toEqual(["双倍增"]);
    const text = joined(s);
    expect(text.length).toBeLessThanOrEqual(20 * 2 + 3);
    expect(paragraph).toContain(text);
    expect(text.indexOf("双倍增")).toBeGreaterThanOrEqual(15);
  });

  it("marks several terms and repeated hits within the window", () => {
    const s = highlightSnippet(paragraph, ["科技型企业", "企业"], 60);
    const hits = s.parts.filter((p) => p.hit).map((p) => p.text);
    expect(hits[0]).toBe("企业");
    expect(hits).toContain("科技型企业");
    expect(hits.length).toBeGreaterThan(3);
    // Adjacent parts alternate: a run of plain text is never split in two.
    for (let i = 1; i < s.parts.length; i++) expect(s.parts[i]?.hit).not.toBe(s.parts[i - 1]?.hit);
  });

  it("uses the unused radius on the other side near the start", () => {
    const s = highlightSnippet(paragraph, ["重庆日报"], 30);
    expect(s.before).toBe(false);
    expect(s.parts[0]).toEqual({ text: "重庆日报", hit: true });
    expect(joined(s).length).toBe(4 + 60);
    expect(s.after).toBe(true);
  });

  it("is case-insensitive and keeps the text's own case", () => {
    const s = highlightSnippet("The River festival: river boats on the RIVER.", ["river"], 100);
    expect(s.parts.filter((p) => p.hit).map((p) => p.text)).toEqual(["River", "river", "RIVER"]);
    expect(s.before).toBe(false);
    expect(s.after).toBe(false);
  });

  it("does not cut English words in half", () => {
    const text = "Officials in Rongchang said on Friday that the annual summer linen fair would move to the riverside for the first time this year.";
    const s = highlightSnippet(text, ["linen"], 25);
    const out = joined(s);
    expect(text.startsWith(out) || text.includes(` ${out}`)).toBe(true);
    expect(text.endsWith(out) || text.includes(`${out} `)).toBe(true);
  });

  it("never marks part of a hit at the window's edge", () => {
    // The window after the first hit ends inside the second 荣昌.
    // 11 either side, the unused left side given to the right: 荣昌 + 22 characters ends at 24, inside 荣昌 at 23..25.
    const text = `荣昌${"一".repeat(21)}荣昌${"二".repeat(10)}`;
    const s = highlightSnippet(text, ["荣昌"], 11);
    expect(s.parts.filter((p) => p.hit).map((p) => p.text)).toEqual(["荣昌", "荣昌"]);
    expect(joined(s)).toBe(text.slice(0, 25));
    expect(s.after).toBe(true);
  });

  it("treats terms as text, not patterns", () => {
    const s = highlightSnippet("a.b a+b (c) [d] \\e", ["a+b", "(c)", "[d]", "\\e", "."], 100);
    expect(s.parts.filter((p) => p.hit).map((p) => p.text)).toEqual([".", "a+b", "(c)", "[d]", "\\e"]);
  });

  it("returns the start of the text when nothing matches", () => {
    const s = highlightSnippet(paragraph, ["不存在的词"], 10);
    expect(s).toEqual({ before: false, parts: [{ text: paragraph.slice(0, 20), hit: false }], after: true });
    expect(highlightSnippet("", ["x"])).toEqual({ before: false, parts: [], after: false });
    expect(highlightSnippet("短文", [])).toEqual({ before: false, parts: [{ text: "短文", hit: false }], after: false });
  });

  it("collapses line breaks and never splits a surrogate pair", () => {
    const s = highlightSnippet("第一段\n\n第二段𠀀𠀀𠀀目标𠀀𠀀𠀀", ["目标"], 3);
    const out = joined(s);
    expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(highlightSnippet("甲\n\n乙 目标", ["目标"]).parts.map((p) => p.text).join("")).toBe("甲 乙 目标");
  });

  it("passes markup through as plain text for React to escape", () => {
    const s = highlightSnippet('<img src=x onerror="alert(1)"> 荣昌', ["荣昌"]);
    expect(s.parts).toEqual([
      { text: '<img src=x onerror="alert(1)"> ', hit: false },
      { text: "荣昌", hit: true },
    ]);
  });
});

describe("markTerms", () => {
  it("marks every hit in a headline, case-insensitive, keeping the text whole", () => {
    expect(markTerms("荣昌：提升创新能力 绽放科技之花", ["荣昌", "科技"])).toEqual([
      { text: "荣昌", hit: true },
      { text: "：提升创新能力 绽放", hit: false },
      { text: "科技", hit: true },
      { text: "之花", hit: false },
    ]);
    expect(markTerms("Linen and LINEN", ["linen"])).toEqual([
      { text: "Linen", hit: true },
      { text: " and ", hit: false },
      { text: "LINEN", hit: true },
    ]);
  });

  it("prefers the longer term and treats terms as text", () => {
    expect(markTerms("科技型企业", ["企业", "科技型企业"])).toEqual([{ text: "科技型企业", hit: true }]);
    expect(markTerms("a+b ab", ["a+b"])).toEqual([
      { text: "a+b", hit: true },
      { text: " ab", hit: false },
    ]);
  });

  it("without terms or hits the text is one plain part", () => {
    expect(markTerms("标题", [])).toEqual([{ text: "标题", hit: false }]);
    expect(markTerms("标题", ["不在"])).toEqual([{ text: "标题", hit: false }]);
    expect(markTerms("", ["x"])).toEqual([]);
  });
});
