import { describe, expect, it } from "vitest";
import { ingest, type Article, type Segmentation } from "./index";
import { invariantProblems } from "./invariant";
import { parseJumpLine, parseLeadingJump, parseTrailingJump } from "./jump";

function run(text: string): Segmentation {
  const seg = ingest(text);
  expect(invariantProblems(seg)).toEqual([]);
  return seg;
}
const texts = (a: Article | undefined, role = "paragraph") => (a?.blocks ?? []).filter((b) => b.role === role).map((b) => b.text);
const BODY = "区委书记高洪波调研我区妇字号企业，并主持召开优秀妇女代表座谈会。";

describe("unwrapping", () => {
  it("joins hard-wrapped Latin lines with spaces and mends hyphenated words", () => {
    const seg = run(
      "The council met on Monday to discuss the new bus routes that will con-\n" +
        "nect the northern districts with the centre of the town. Residents wel-\n" +
        "comed the plan.\n\nA second paragraph follows after a blank line here.\n",
    );
    const ps = texts(seg.articles[0]);
    expect(ps[0]).toBe(
      "The council met on Monday to discuss the new bus routes that will connect the northern districts with the centre of the town. Residents welcomed the plan.",
    );
    expect(ps[1]).toBe("A second paragraph follows after a blank line here.");
  });

  it("joins hard-wrapped CJK lines without a space and splits at short sentence ends", () => {
    const seg = run(
      "荣昌区持续加大金融对科技创新的支持力度，着力强化对\n科技型企业的资金支持。\n" +
        "短句结束了。\n接下来是新的一段文字，它同样被硬换行切成了好几\n行。\n",
    );
    expect(texts(seg.articles[0])).toEqual([
      "荣昌区持续加大金融对科技创新的支持力度，着力强化对科技型企业的资金支持。",
      "短句结束了。",
      "接下来是新的一段文字，它同样被硬换行切成了好几行。",
    ]);
  });

  it("joins a paragraph split by a column break (blank line mid-sentence) in plain text", () => {
    const seg = run("召开了推进国家畜牧科技城建设专题会，会议深入\n\n讨论明晰了建设意义、发展定位、目标任务及工作措\n施，明确方向。\n");
    expect(texts(seg.articles[0])).toEqual(["召开了推进国家畜牧科技城建设专题会，会议深入讨论明晰了建设意义、发展定位、目标任务及工作措施，明确方向。"]);
    expect(seg.articles[0]?.doubts.map((d) => d.kind)).toContain("column_join");
  });

  it("joins markdown paragraphs that end without closing punctuation", () => {
    const seg = run(`## 标题在这里\n\n本报讯(记者 张雪)${BODY}\n\n当天，高洪波来到重庆澳龙生物制品有\n\n限公司，与女员工交流。\n`);
    expect(texts(seg.articles[0])).toEqual([BODY, "当天，高洪波来到重庆澳龙生物制品有限公司，与女员工交流。"]);
  });

  it("strips markdown markup but keeps link targets", () => {
    const seg = run("## **标题**在这里\n\n正文见 <http://epaper.cqrc.org.cn/> 网站，**重点**内容。\n");
    expect(seg.articles[0]?.title).toBe("标题在这里");
    expect(texts(seg.articles[0])).toEqual(["正文见 http://epaper.cqrc.org.cn/ 网站，重点内容。"]);
  });
});

describe("jump lines", () => {
  it("parses the usual forms", () => {
    expect(parseJumpLine("(下转2版)")).toEqual({ to: 2, from: null });
    expect(parseJumpLine("（下转第2版）")).toEqual({ to: 2, from: null });
    expect(parseJumpLine("下转3版")).toEqual({ to: 3, from: null });
    expect(parseJumpLine("转第4版")).toEqual({ to: 4, from: null });
    expect(parseJumpLine("上接1版")).toEqual({ to: null, from: 1 });
    expect(parseJumpLine("接第一版")).toEqual({ to: null, from: 1 });
    expect(parseJumpLine("下转2版的内容很多")).toBeNull();
    expect(parseTrailingJump("要坚持不懈地推动发展。(下转第2版)")).toEqual({ start: 11, jump: { to: 2, from: null } });
    expect(parseLeadingJump("（上接第1版）本报讯")).toEqual({ length: 7, jump: { to: null, from: 1 } });
  });

  it("sets jumpTo and jumpFrom on articles", () => {
    const seg = run(`（上接第1版）接续前文的正文内容。\n\n## 第二篇标题\n\n本报讯(记者 张雪)${BODY}(下转第3版)\n`);
    expect(seg.articles).toHaveLength(2);
    expect(seg.articles[0]).toMatchObject({ title: null, jumpFrom: 1 });
    expect(seg.articles[1]).toMatchObject({ title: "第二篇标题", jumpTo: 3 });
    expect(texts(seg.articles[1])).toEqual([BODY]);
  });
});

describe("layout debris", () => {
  it("discards a vertical label and marks the box above it as the lead", () => {
    const seg = run(
      "荣昌：提升创新能力 绽放科技之花\n\n" +
        "正文第一段在这里，内容比较长一些，这一行按照二十\n二个字的栏宽硬换行，所以它比导语框里的行更宽一些\n。\n\n" +
        "在前不久召开的会议上，荣昌区位\n列其中，导语框的栏宽只有十六个\n字。\n\n核\n心\n提\n示\n",
    );
    const a = seg.articles[0];
    expect(texts(a, "lead")).toEqual(["在前不久召开的会议上，荣昌区位列其中，导语框的栏宽只有十六个字。"]);
    expect(texts(a)).toEqual(["正文第一段在这里，内容比较长一些，这一行按照二十二个字的栏宽硬换行，所以它比导语框里的行更宽一些。"]);
    expect(seg.discarded).toMatchObject([{ kind: "vertical_label", text: "核心提示" }]);
  });

  it("discards stray layout letters", () => {
    const seg = run("## 标题\n\n正文第一段。\n\nAA\n\nBB\n\n正文第二段。\n");
    expect(seg.discarded.map((d) => d.text)).toEqual(["AA", "BB"]);
    expect(texts(seg.articles[0])).toEqual(["正文第一段。", "正文第二段。"]);
  });

  it("keeps one copy of a caption printed twice", () => {
    const seg = run("## 标题\n\n正文第一段。\n\n重庆市畜牧科学院推动科技城建设重庆市畜牧科学院推动科技城建设。。\n");
    expect(texts(seg.articles[0], "caption")).toEqual(["重庆市畜牧科学院推动科技城建设。"]);
    expect(seg.discarded).toMatchObject([{ kind: "duplicate", text: "重庆市畜牧科学院推动科技城建设。" }]);
  });

  it("discards a headline with no article under it", () => {
    const seg = run(`## 标题\n\n本报讯(记者 张雪)${BODY}\n\n## 争做文明示范 创建文明城区\n`);
    expect(seg.articles).toHaveLength(1);
    expect(seg.discarded).toMatchObject([{ kind: "furniture", text: "争做文明示范 创建文明城区" }]);
  });
});

describe("headline stacks", () => {
  const art = (head: string) => run(`${head}\n\n本报讯(记者 张雪)${BODY}\n`).articles[0];

  it("kicker as ## above a # title", () => {
    expect(art("## 高洪波调研我区企业时指出\n\n# 为妇女参与经济社会发展创造条件")).toMatchObject({
      kicker: "高洪波调研我区企业时指出", title: "为妇女参与经济社会发展创造条件", subtitle: null,
    });
  });

  it("### kicker before a ## title, and ### subtitle after it", () => {
    expect(art("### 实现水系连通 建设水美乡村\n\n## 安富普陀村水涵养地项目投用")).toMatchObject({
      kicker: "实现水系连通 建设水美乡村", title: "安富普陀村水涵养地项目投用",
    });
    expect(art("## 荣昌下达财政衔接资金6256万元\n\n### 用于推进乡村振兴工作")).toMatchObject({
      kicker: null, title: "荣昌下达财政衔接资金6256万元", subtitle: "用于推进乡村振兴工作",
    });
  });

  it("three-line stack in plain text, cue phrase beats length", () => {
    expect(art("唐成军到荣峰河巡河时强调\n\n认真落实落细河长制 持续改善水质\n\n——全区开展巡河行动")).toMatchObject({
      kicker: "唐成军到荣峰河巡河时强调", title: "认真落实落细河长制 持续改善水质", subtitle: "——全区开展巡河行动",
    });
  });

  it("reorders a column rubric and takes a 「」 line as caption", () => {
    const a = art("## 供电服务窗口入驻\n\n「归园陶居」项目全景\n\n在行动 优化营商环境 壮大民营经济");
    expect(a?.rubric).toBe("优化营商环境 壮大民营经济 在行动");
    expect(texts(a, "caption")).toEqual(["「归园陶居」项目全景"]);
  });
});

describe("bylines in articles", () => {
  it("文/ at the end of the last paragraph and 图/ on its own line", () => {
    const seg = run("## 标题\n\n正文第一段。\n\n正文最后一段结束了。 文/张三 李四\n\n图/王五\n");
    expect(seg.articles[0]).toMatchObject({ byline: "文/张三 李四 图/王五", reporters: ["张三", "李四"], photographers: ["王五"] });
    expect(texts(seg.articles[0])).toEqual(["正文第一段。", "正文最后一段结束了。"]);
  });

  it("dateline with body on the same line", () => {
    const seg = run("## 国务院常务会议召开\n\n新华社北京3月7日电 国务院总理主持召开国务院常务会议。\n");
    expect(seg.articles[0]).toMatchObject({ byline: "新华社北京3月7日电", source: "新华社" });
    expect(texts(seg.articles[0])).toEqual(["国务院总理主持召开国务院常务会议。"]);
  });
});

describe("misplaced text", () => {
  it("gives a commentary the body printed above its headline", () => {
    const seg = run(
      `## 第一篇标题\n\n本报讯(记者 张雪)${BODY}\n\n区领导王媛媛等参加座谈。\n\n评论第一段在这里。\n\n评论第二段在这里。\n\n## 评论的标题\n\n仲音\n\n(下转2版)\n`,
    );
    expect(texts(seg.articles[0])).toEqual([BODY, "区领导王媛媛等参加座谈。"]);
    expect(seg.articles[1]).toMatchObject({ title: "评论的标题", byline: "仲音", reporters: ["仲音"], jumpTo: 2 });
    expect(texts(seg.articles[1])).toEqual(["评论第一段在这里。", "评论第二段在这里。"]);
    expect(seg.articles[1]?.doubts[0]).toMatchObject({ kind: "trailing_headline", confidence: 0.7 });
  });

  it("attaches a fragment to the neighbouring article that stops mid-sentence", () => {
    const seg = run(
      `## 第一篇\n\n本报讯(记者 张雪)${BODY}\n\n区有关部门负责人参加活动。\n\n排污管网工程，加强日常监管。\n\n## 第二篇\n\n本报讯(记者 杨丽丹)各部门要加快推进源头截污、河道清淤、雨\n`,
    );
    expect(texts(seg.articles[0])).toEqual([BODY, "区有关部门负责人参加活动。"]);
    expect(texts(seg.articles[1])).toEqual(["各部门要加快推进源头截污、河道清淤、雨排污管网工程，加强日常监管。"]);
    expect(seg.articles[1]?.doubts.find((d) => d.kind === "fragment_attached")?.confidence).toBeLessThan(0.9);
  });

  it("orphans text above the first headline that continues nothing here", () => {
    const seg = run(`这是从上一版转来的一段文字。\n\n## 第一篇\n\n本报讯(记者 张雪)${BODY}\n\n## 第二篇\n\n本报讯(记者 张雪)${BODY}\n`);
    expect(seg.orphans).toMatchObject([{ kind: "no_article", text: "这是从上一版转来的一段文字。" }]);
    expect(seg.orphans[0]?.reason).toMatch(/before the first headline/);
  });
});

describe("determinism", () => {
  it("gives the same output for the same input", () => {
    const input = `## 标题\n\n本报讯(记者 张雪)${BODY}\n\nAA\n`;
    expect(JSON.stringify(ingest(input))).toBe(JSON.stringify(ingest(input)));
  });
});
