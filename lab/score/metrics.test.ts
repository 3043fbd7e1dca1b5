import { describe, expect, it } from "vitest";
import { bodyStartsIn, bylineExact, charsPlaced, figures, matchArticles, normalize, scorePage, titleSimilarity, type ArticleFields } from "./metrics";

const art = (title: string | null, body: string, extra: Partial<ArticleFields> = {}): ArticleFields => ({ kicker: null, title, subtitle: null, byline: null, body, ...extra });

const BODY_A = "3月7日，区委书记调研我区妇字号企业，并主持召开优秀妇女代表座谈会。他强调，要积极为妇女参与经济社会发展创造条件。";
const BODY_B = "近日，区财政局下达财政衔接推进乡村振兴补助资金6256万元，用于推进乡村振兴工作。此次下达的衔接资金主要用于以下几方面。";

describe("normalize", () => {
  it("applies NFKC, drops every kind of whitespace and zero-width characters, unifies curly quotes and lowercases", () => {
    expect(normalize("ＡＢＣ　１２３")).toBe("abc123");
    expect(normalize(" 千年  荣昌\u00a0·\t我为\n家乡代言 ")).toBe("千年荣昌·我为家乡代言");
    expect(normalize("“双倍增”‘行动’")).toBe(`"双倍增"'行动'`);
    expect(normalize('"双倍增"')).toBe(normalize("“双倍增”"));
    expect(normalize("PDF下载")).toBe("pdf下载");
    expect(normalize(null)).toBe("");
    expect(normalize("\u200b协同布局\ufeff")).toBe(normalize(" 协同布局"));
  });
});

describe("titleSimilarity", () => {
  it("is the Jaccard similarity of character bigrams after normalizing", () => {
    expect(titleSimilarity("荣昌下达财政衔接资金", "荣昌下达财政衔接资金")).toBe(1);
    expect(titleSimilarity("“千年荣昌”", '"千年 荣昌"')).toBe(1);
    // 荣昌/昌下/下达 vs 荣昌/昌上/上达: 1 shared of 5 distinct.
    expect(titleSimilarity("荣昌下达", "荣昌上达")).toBeCloseTo(1 / 5);
    expect(titleSimilarity("荣昌", "重庆")).toBe(0);
    expect(titleSimilarity(null, "荣昌")).toBe(0);
    expect(titleSimilarity("", "")).toBe(0);
  });
});

describe("bodyStartsIn", () => {
  it("looks for the truth's first n normalized characters within the predicted body's first window", () => {
    expect(bodyStartsIn(BODY_A, `本报讯(记者 张雪)${BODY_A}`, 10, 80)).toBe(true);
    expect(bodyStartsIn(BODY_A, "x".repeat(75) + BODY_A, 10, 80)).toBe(false);
    expect(bodyStartsIn("3月7日， 区委 书记调研", "3月7日，区委书记调研我区", 10, 80)).toBe(true);
    expect(bodyStartsIn("", BODY_A, 10, 80)).toBe(false);
  });
});

describe("matching and page counts", () => {
  it("scores a matched article on every figure", () => {
    const truth = [art("荣昌下达财政衔接资金6256万元", BODY_B, { kicker: null, subtitle: "用于推进乡村振兴工作", byline: "本报讯(融媒体中心记者 何文杰 通讯员 毛文强)" })];
    const predicted = [art("荣昌下达财政衔接资金6256万元", BODY_B, { subtitle: "用于推进乡村振兴工作", byline: "本报讯（融媒体中心记者 何文杰 通讯员 毛文强）" })];
    const c = scorePage(truth, predicted, { total: 100, placed: 100 });
    expect(c).toMatchObject({ truth: 1, predicted: 1, matched: 1, strict: 1, titleExact: 1, stackExact: 1, bylineExact: 1 });
    expect(figures(c)).toEqual({ articleF1: 1, strictF1: 1, titleExact: 1, stackExact: 1, bylineExact: 1, charsAccounted: 1 });
  });

  it("leaves an article unmatched when neither its title nor its body start is found", () => {
    const c = scorePage([art("荣昌下达财政衔接资金", BODY_B)], [art("第 55 页", BODY_A)], { total: 10, placed: 9 });
    expect(c).toMatchObject({ matched: 0, strict: 0, titleExact: 0 });
    expect(figures(c)).toMatchObject({ articleF1: 0, strictF1: 0, titleExact: 0, charsAccounted: 0.9 });
  });

  it("counts a split article once: its second half is an extra prediction", () => {
    const truth = [art("为妇女参与经济社会发展创造条件", BODY_A)];
    const predicted = [art("为妇女参与经济社会发展创造条件", BODY_A.slice(0, 30)), art("积极为妇女参与经济社会发展", BODY_A.slice(30))];
    const c = scorePage(truth, predicted, { total: 1, placed: 1 });
    expect(c).toMatchObject({ truth: 1, predicted: 2, matched: 1, strict: 1 });
    expect(figures(c).articleF1).toBeCloseTo(2 / 3);
  });

  it("counts merged articles once: the second truth article goes unmatched", () => {
    const truth = [art("为妇女参与经济社会发展创造条件", BODY_A), art("荣昌下达财政衔接资金6256万元", BODY_B)];
    const predicted = [art("为妇女参与经济社会发展创造条件", BODY_A + BODY_B)];
    const c = scorePage(truth, predicted, { total: 1, placed: 1 });
    expect(c).toMatchObject({ truth: 2, predicted: 1, matched: 1, titleExact: 1 });
    expect(figures(c).articleF1).toBeCloseTo(2 / 3);
    expect(figures(c).titleExact).toBe(0.5);
  });

  it("matches by the body when the title is wrong, but not strictly", () => {
    const truth = [art("认真落实落细“河长制” 持续改善河流水质", BODY_A)];
    const predicted = [art("唐成军到荣峰河巡河时指出", BODY_A)];
    const c = scorePage(truth, predicted, { total: 1, placed: 1 });
    expect(c).toMatchObject({ matched: 1, strict: 0, titleExact: 0, stackExact: 0 });
  });

  it("matches by the title but not strictly when the body starts too late", () => {
    const truth = [art("荣昌下达财政衔接资金", BODY_B)];
    const predicted = [art("荣昌下达财政衔接资金", "被错放在前面的别的段落，".repeat(6) + BODY_B)];
    expect(scorePage(truth, predicted, { total: 1, placed: 1 })).toMatchObject({ matched: 1, strict: 0, titleExact: 1 });
  });

  it("matches a headless continuation by its body, and its missing title is exact", () => {
    const c = scorePage([art(null, BODY_B)], [art(null, `(上接1版)${BODY_B}`)], { total: 1, placed: 1 });
    expect(c).toMatchObject({ matched: 1, strict: 1, titleExact: 1, stackExact: 1 });
  });

  it("unifies quotes and whitespace before comparing titles and stacks", () => {
    const truth = [art("“千年荣昌·我为家乡代言”网络文明沙龙", BODY_A, { kicker: "实现水系连通  建设水美乡村" })];
    const predicted = [art('"千年荣昌·我为家乡代言" 网络文明沙龙', BODY_A, { kicker: "实现水系连通 建设水美乡村" })];
    expect(scorePage(truth, predicted, { total: 1, placed: 1 })).toMatchObject({ titleExact: 1, stackExact: 1 });
  });

  it("is one-to-one and greedy in truth order", () => {
    const truth = [art("荣昌下达财政衔接资金", BODY_B), art("荣昌下达财政衔接资金", BODY_B)];
    const predicted = [art("荣昌下达财政衔接资金", BODY_B)];
    expect(matchArticles(truth, predicted)).toEqual([{ truth: 0, predicted: 0, similarity: 1 }]);
  });

  it("prefers the prediction that matches by title and body over one that matches by one of them", () => {
    const truth = [art("荣昌下达财政衔接资金", BODY_B)];
    const predicted = [art("荣昌下达财政衔接资金", BODY_A), art("荣昌下达财政衔接资金", BODY_B)];
    expect(matchArticles(truth, predicted)[0]?.predicted).toBe(1);
  });
});

describe("bylineExact", () => {
  it("accepts an equal byline or a non-empty part of the truth's", () => {
    expect(bylineExact("本报讯(融媒体中心记者 张雪)", "本报讯（融媒体中心记者 张雪）")).toBe(true);
    expect(bylineExact("本报讯(融媒体中心记者 张雪)", "张雪")).toBe(true);
    expect(bylineExact("本报讯(融媒体中心记者 张雪)", "记者 李四")).toBe(false);
    expect(bylineExact("本报记者 张雪", "")).toBe(false);
    expect(bylineExact("本报记者 张雪", null)).toBe(false);
    expect(bylineExact(null, null)).toBe(true);
    expect(bylineExact(null, "本报记者 张雪")).toBe(false);
  });
});

describe("charsPlaced", () => {
  it("counts non-whitespace characters and those the spans cover", () => {
    const text = "标题\n\n正文 一段。𠮷";
    expect(charsPlaced(text, [])).toEqual({ total: 8, placed: 0 });
    expect(charsPlaced(text, [{ start: 0, end: 2 }])).toEqual({ total: 8, placed: 2 });
    expect(charsPlaced(text, [{ start: 0, end: text.length }])).toEqual({ total: 8, placed: 8 });
  });

  it("gives 0 for shares with nothing to share", () => {
    expect(figures(scorePage([], [], { total: 0, placed: 0 }))).toEqual({ articleF1: 0, strictF1: 0, titleExact: 0, stackExact: 0, bylineExact: 0, charsAccounted: 0 });
  });
});
