import { describe, expect, it } from "vitest";
import { toContractJson } from "../contract";
import { invariantProblems } from "../invariant";
import { blocksOf, bodyStyleOf, joinPhrases } from "./blocks";
import { analysePage, segmentPdf } from "./index";
import { linesOf, unspace } from "./lines";
import type { PageContent, Rect, TextRun } from "./types";

/*
 * The layout analysis on small pages drawn here, piece by piece: lines, blocks, headline
 * levels, reading order and grouping. (lab-pages.test.ts checks whole typeset pages.)
 */
const BODY = 10;
const PITCH = 15;

function run(text: string, x: number, baseline: number, size = BODY, opts: Partial<TextRun> = {}): TextRun {
  return { text, x, y: baseline - 0.88 * size, w: [...text].length * size, h: size, baseline, size, bold: false, font: "Serif", vertical: false, ...opts };
}

function page(runs: TextRun[], extra: Partial<PageContent> = {}): PageContent {
  return { number: 1, width: 600, height: 800, runs, images: [], rules: [], boxes: [], ...extra };
}

/** A column of body text: `n` lines of `chars` characters from `top`, the first indented two ems. */
function column(x: number, top: number, n: number, chars: number, fill = "文"): TextRun[] {
  return Array.from({ length: n }, (_, i) => {
    const indent = i === 0 ? 2 : 0;
    const text = `${i === n - 1 ? fill.repeat(Math.max(1, chars - indent - 6)) : fill.repeat(chars - indent)}${i === n - 1 ? "。" : ""}`;
    return run(text, x + indent * BODY, top + i * PITCH);
  });
}

describe("lines", () => {
  it("closes up a line an extractor spread with spaces, and keeps real spaces", () => {
    expect(unspace("北 京 地 区 生 产 总 值")).toBe("北京地区生产总值");
    expect(unspace("长 9 8 . 5 % 、 9 2 . 3 %")).toBe("长98.5%、92.3%");
    expect(unspace("习近平 主持会议")).toBe("习近平 主持会议");
  });

  it("joins the pieces of one line and keeps columns apart, even when a comma hangs into the gutter", () => {
    // Two columns 130 pt wide with a 12 pt gutter; the left column's line ends with a hanging comma.
    const left = column(40, 100, 6, 13);
    const right = column(182, 100, 6, 13);
    left[2] = run("文文文文文文文文文文文文文，", 40, 130); // 14 characters: the comma reaches into the gutter
    const lines = linesOf(page([...left, ...right, run("第一段", 40, 400), run("第二段", 72, 400)]));
    expect(lines.filter((l) => Math.abs(l.baseline - 130) < 1).map((l) => l.text)).toEqual(["文文文文文文文文文文文文文，", "文".repeat(13)]);
    // Pieces of one line closer than half an em are one line.
    expect(lines.find((l) => l.baseline === 400)?.text).toBe("第一段第二段");
  });

  it("takes a headline's two phrases on one baseline as one line", () => {
    const raw = linesOf(page([run("传承文脉文运", 100, 60, 30, { bold: true }), run("激发创造创新", 310, 60, 30, { bold: true }), ...column(40, 120, 5, 20)]));
    const joined = joinPhrases(raw, bodyStyleOf(raw), []);
    expect(joined.map((l) => l.text)).toContain("传承文脉文运 激发创造创新");
  });
});

describe("headline stacks", () => {
  it("tells 引题, 主题 and 副题 apart by size", () => {
    const seg = segmentPdf([
      page([
        run("区委召开专题会议强调", 150, 60, 16, { bold: false }),
        run("加快推进项目建设", 120, 100, 32, { bold: true }),
        run("——全年计划新建项目四十个", 140, 130, 16),
        ...column(40, 160, 12, 26),
      ]),
    ]);
    const [a] = toContractJson(seg).articles;
    expect(a).toMatchObject({ kicker: "区委召开专题会议强调", title: "加快推进项目建设", subtitle: "——全年计划新建项目四十个" });
  });

  it("reads a flat stack (one size) by the printed cues: a kicker ends with ——", () => {
    const seg = segmentPdf([page([run("浙江舟山衢山岛外卖女骑手——", 40, 60, 17, { bold: true }), run("攥住生活的车把", 40, 84, 17, { bold: true }), ...column(40, 110, 12, 26)])]);
    expect(toContractJson(seg).articles[0]).toMatchObject({ kicker: "浙江舟山衢山岛外卖女骑手——", title: "攥住生活的车把", subtitle: null });
  });

  it("reads a flat stack with no printed cue by its words where the stack model is sure: a title over the figure that details it", () => {
    const seg = segmentPdf([page([run("江苏建成覆盖全省的近视防控智能大数据平台", 40, 60, 17, { bold: true }), run("已完成超176万名学生的视力监测", 40, 90, 17, { bold: true }), ...column(40, 116, 12, 40)])]);
    expect(toContractJson(seg).articles[0]).toMatchObject({ kicker: null, title: "江苏建成覆盖全省的近视防控智能大数据平台", subtitle: "已完成超176万名学生的视力监测" });
  });

  it("keeps a wrapped 主题 in one piece", () => {
    const seg = segmentPdf([page([run("全力促进高校毕业生农民工退役", 40, 60, 20, { bold: true }), run("军人等重点群体就业创业", 40, 86, 20, { bold: true }), ...column(40, 110, 12, 28)])]);
    expect(toContractJson(seg).articles[0]).toMatchObject({ kicker: null, title: "全力促进高校毕业生农民工退役军人等重点群体就业创业", subtitle: null });
  });
});

describe("reading order and grouping", () => {
  it("reads a story's columns left to right under its headline, the first column included when the headline is centred over the others", () => {
    // Three columns of 13 characters; the headline is centred over the page but narrower than it.
    const cols = [40, 182, 324].map((x, i) => column(x, 120, 8, 13, "甲乙丙"[i]));
    const seg = segmentPdf([page([run("测试新闻主题", 160, 80, 28, { bold: true }), ...cols.flat()])]);
    const [a, ...rest] = toContractJson(seg).articles;
    expect(rest).toEqual([]);
    const text = a?.body.map((b) => b.text).join("") ?? "";
    // 甲 column, then 乙, then 丙: one paragraph running through the columns, as printed.
    expect(text.indexOf("甲")).toBe(0);
    expect(text.indexOf("乙")).toBeGreaterThan(text.lastIndexOf("甲"));
    expect(text.indexOf("丙")).toBeGreaterThan(text.lastIndexOf("乙"));
    expect(invariantProblems(seg)).toEqual([]);
  });

  it("starts a paragraph at an indented line and joins a paragraph across a column break", () => {
    const left = column(40, 120, 6, 13, "甲");
    const right = [run("乙".repeat(13), 182, 120), run(`${"乙".repeat(5)}。`, 182, 135), run("丙".repeat(11), 202, 150), run(`${"丙".repeat(4)}。`, 182, 165)];
    // The left column's last line runs full width: the paragraph goes on at the top of the next column.
    left[5] = run("甲".repeat(13), 40, 120 + 5 * PITCH);
    const seg = segmentPdf([page([run("分段测试", 200, 80, 28, { bold: true }), ...left, ...right])]);
    const body = toContractJson(seg).articles[0]?.body.map((b) => b.text) ?? [];
    expect(body).toEqual([`${"甲".repeat(11 + 13 * 5)}${"乙".repeat(18)}。`, `${"丙".repeat(15)}。`]);
  });

  it("keeps two stories side by side apart at the rule between them", () => {
    const rule: Rect = { x: 300, y: 60, w: 0, h: 300 };
    const seg = segmentPdf([
      page([run("左边的稿件", 40, 80, 24, { bold: true }), ...column(40, 110, 10, 24, "左"), run("右边的稿件", 320, 80, 24, { bold: true }), ...column(320, 110, 10, 24, "右")], { rules: [rule] }),
    ]);
    const articles = toContractJson(seg).articles;
    expect(articles.map((a) => a.title)).toEqual(["左边的稿件", "右边的稿件"]);
    expect(articles.map((a) => [...new Set(a.body.map((b) => b.text).join("").replace(/。/g, ""))].join(""))).toEqual(["左", "右"]);
    // Each story's region is its own side of the page.
    expect(articles[0]?.boxes?.[0]?.x).toBe(40);
    expect(articles[1]?.boxes?.[0]?.x).toBe(320);
  });

  it("sets aside an advertisement, an e-paper stamp and the editors' credit, and reads the running head as the masthead", () => {
    const frame: Rect = { x: 40, y: 500, w: 500, h: 120 };
    const seg = segmentPdf([
      page(
        [
          run("2024年3月8日 星期五 第2版 要闻", 40, 30, 9),
          run("测试新闻主题", 160, 80, 28, { bold: true }),
          ...column(40, 110, 10, 30),
          run("《荣昌报》（2024年03月08日 第 02 版）", 300, 270, 8.5),
          run("百年品牌 值得信赖", 200, 560, 30, { bold: true }),
          run("广告", 44, 615, 7.5),
          run("本版责编：张三 校对：李四", 400, 780, 8.5),
        ],
        { boxes: [frame], rules: [{ x: 40, y: 40, w: 500, h: 0 }] },
      ),
    ]);
    const json = toContractJson(seg);
    expect(json.articles.map((a) => a.title)).toEqual(["测试新闻主题"]);
    expect(json.masthead).toMatchObject({ date: "2024-03-08", page: 2, pageName: "要闻" });
    expect(seg.discarded.map((d) => d.detail.code).sort()).toEqual(["advertisement", "page_furniture", "source_stamp"]);
    expect(invariantProblems(seg)).toEqual([]);
  });
});

describe("blocks", () => {
  it("keeps body lines of one column in one block and a subhead after a blank line in its own", () => {
    const runs = [...column(40, 100, 5, 20), run("小标题", 100, 100 + 6 * PITCH, BODY, { bold: true }), ...column(40, 100 + 7 * PITCH, 4, 20)];
    const lines = linesOf(page(runs));
    const blocks = blocksOf(page(runs), lines, bodyStyleOf(lines));
    expect(blocks.map((b) => [b.kind, b.lines.length])).toEqual([
      ["text", 5],
      ["text", 1],
      ["text", 4],
    ]);
  });

  it("orders a page's blocks as printed, the headline first", () => {
    const a = analysePage(page([run("测试新闻主题", 160, 80, 28, { bold: true }), ...column(40, 120, 8, 13), ...column(182, 120, 8, 13)]));
    expect(a.blocks.map((b) => Math.round(b.x))).toEqual([160, 40, 182]);
  });
});
