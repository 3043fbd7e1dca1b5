import { describe, expect, it } from "vitest";
import { ingest, type Article, type Segmentation } from "./index";
import { invariantProblems } from "./invariant";
import { parseJumpLine, parseLeadingJump, parseTrailingJump } from "./jump";
import { barredLabels } from "./labeller";
import { LABELS, type Label } from "./model/grammar";
import { readPage } from "./page";

/*
 * What the engine makes of lines once it knows what each line is. The labels are pinned
 * here (one per non-blank line, or per piece of a side-by-side line), so these tests hold
 * the assembly to its word whatever the weights say: how lines join into paragraphs,
 * how bylines, jumps and captions are read, what moves where. How well the model labels
 * lines is the lab's to measure (npm run bench:segmentation).
 */
function run(text: string, labels: string): Segmentation {
  const seg = ingest(text, {}, { labels: labels.trim().split(/\s+/) as Label[] });
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
      "P! P+ P+ P",
    );
    const ps = texts(seg.articles[0]);
    expect(ps[0]).toBe(
      "The council met on Monday to discuss the new bus routes that will connect the northern districts with the centre of the town. Residents welcomed the plan.",
    );
    expect(ps[1]).toBe("A second paragraph follows after a blank line here.");
  });

  it("joins hard-wrapped CJK lines without a space", () => {
    const seg = run(
      "荣昌区持续加大金融对科技创新的支持力度，着力强化对\n科技型企业的资金支持。\n" +
        "短句结束了。\n接下来是新的一段文字，它同样被硬换行切成了好几\n行。\n",
      "P! P+ P P P+",
    );
    expect(texts(seg.articles[0])).toEqual([
      "荣昌区持续加大金融对科技创新的支持力度，着力强化对科技型企业的资金支持。",
      "短句结束了。",
      "接下来是新的一段文字，它同样被硬换行切成了好几行。",
    ]);
  });

  it("joins a paragraph split by a column break (blank line mid-sentence) and says so", () => {
    const seg = run("召开了推进国家畜牧科技城建设专题会，会议深入\n\n讨论明晰了建设意义、发展定位、目标任务及工作措\n施，明确方向。\n", "P! P+ P+");
    expect(texts(seg.articles[0])).toEqual(["召开了推进国家畜牧科技城建设专题会，会议深入讨论明晰了建设意义、发展定位、目标任务及工作措施，明确方向。"]);
    expect(seg.articles[0]?.doubts.map((d) => d.kind)).toContain("column_join");
  });

  it("ends a paragraph at a blank line after a finished sentence, even when the labels carry it on", () => {
    const seg = run("良好的科技创新生态，是激发科技创新活力、催\n生科技创新成果的根本保障。\n\n荣昌区积极营造科技创新政策环境。\n", "P! P+ P+");
    expect(texts(seg.articles[0])).toEqual(["良好的科技创新生态，是激发科技创新活力、催生科技创新成果的根本保障。", "荣昌区积极营造科技创新政策环境。"]);
  });

  it("ends a paragraph at a byline printed after its last sentence, and reads the byline", () => {
    const seg = run("荣昌区正奋力催生更加艳丽的“科技之花”。 文/赵敏 何君林\n\n良好的科技创新生态是根本保障。\n", "P! P+");
    expect(texts(seg.articles[0])).toEqual(["荣昌区正奋力催生更加艳丽的“科技之花”。", "良好的科技创新生态是根本保障。"]);
    expect(seg.articles[0]?.reporters).toEqual(["赵敏", "何君林"]);
  });

  it("carries on a paragraph that stopped mid-sentence where the labels start a new one (a column break)", () => {
    const seg = run("荣昌高新区党群服务中心负责人介绍，近\n\n年来，荣昌始终致力于推进营商环境改革。\n", "P! P");
    expect(texts(seg.articles[0])).toEqual(["荣昌高新区党群服务中心负责人介绍，近年来，荣昌始终致力于推进营商环境改革。"]);
    expect(seg.articles[0]?.doubts.map((d) => d.kind)).toContain("column_join");
  });

  it("closes up a line the extractor spaced out, and keeps the space between headline phrases", () => {
    const seg = run("## 格局迎新变 竞争更激烈\n\n本 报 上 海 4 月 2 6 日 电（记者曹玲娟）管 ， 都 一 股 脑 儿 让 村 里 出面。\n", "T! P");
    expect(seg.articles[0]).toMatchObject({ title: "格局迎新变 竞争更激烈", byline: "本报上海4月26日电（记者曹玲娟）", reporters: ["曹玲娟"] });
    expect(texts(seg.articles[0])).toEqual(["管，都一股脑儿让村里出面。"]);
  });

  it("keeps a byline's spaced-out names apart", () => {
    const seg = run("## 杜鹃花开\n\n本报记者 翟钦奇 吴 勇\n\n赏花的人多了。\n", "T! Y P");
    expect(seg.articles[0]).toMatchObject({ byline: "本报记者 翟钦奇 吴 勇", reporters: ["翟钦奇", "吴勇"] });
    // A byline printed letter by letter, which the grammar cannot read so, is closed up as before.
    expect(run("## 杜鹃花开\n\n新 华 社 记 者 沈 虹 冰\n\n赏花的人多了。\n", "T! Y P").articles[0]?.byline).toBe("新华社记者沈虹冰");
  });

  it("reads a byline wrapped over lines as names apart, from the line on that is one", () => {
    // Joined as a sentence's lines, 邓建胜 and 姚雪青 would run into one name.
    const wrapped = run("六月江畔\n■成都日报全媒体记者 邓建胜\n姚雪青\n赏花的人多了。\n", "T! Y Y+ P");
    expect(wrapped.articles[0]).toMatchObject({ byline: "■成都日报全媒体记者 邓建胜 姚雪青", reporters: ["邓建胜", "姚雪青"] });
    // Names printed with a space the reading closes (justified) are read as printed.
    expect(run("六月江畔\n邱 茜 甘军亮 黎精华\n赏花的人多了。\n", "T! Y P").articles[0]?.reporters).toEqual(["邱茜", "甘军亮", "黎精华"]);
    // A column tag run into the byline's block stays in the block, but is not the byline.
    const tagged = run("六月江畔\n（伟大征程）\n■重庆日报全媒体记者 黄娴\n赏花的人多了。\n", "T! Y Y+ P");
    expect(tagged.articles[0]?.byline).toBe("■重庆日报全媒体记者 黄娴");
    expect(tagged.articles[0]?.blocks.find((b) => b.role === "byline")?.text).toContain("（伟大征程）");
  });

  it("does not make a line the grammar cannot read, nor any byline cue, the article's byline", () => {
    for (const line of ["导读：本期看点", "（上接第1版）", "人工智能浪潮下的课堂"]) {
      const seg = run(`六月江畔\n${line}\n赏花的人多了。\n`, "T! Y P");
      expect(seg.articles[0]?.byline).toBeNull();
      expect(seg.articles[0]?.blocks.map((b) => b.text)).toContain(line);
    }
    // Bylines the grammar cannot read word by word still are: names run together after a role, an institution.
    expect(run("六月江畔\n（记者邵香云徐思钰张宇琪）\n赏花的人多了。\n", "T! Y P").articles[0]?.byline).toBe("（记者邵香云徐思钰张宇琪）");
    expect(run("六月江畔\n中共中央组织部\n赏花的人多了。\n", "T! Y P").articles[0]?.byline).toBe("中共中央组织部");
    // An essay's author in brackets under its last line; names after an office, set apart.
    expect(run("六月江畔\n赏花的人多了。\n（董国政）\n", "T! P Y").articles[0]?.byline).toBe("（董国政）");
    expect(run("六月江畔\n本期主讲人：中国社会科学评价研究院院长  荆林波\n赏花的人多了。\n", "T! Y P").articles[0]?.byline).toContain("荆林波");
  });

  it("reads names Markdown prints apart, which its rendering closes up", () => {
    expect(run("## 六月江畔\n\n王江燕 马 奔\n\n赏花的人多了。\n", "T! Y P").articles[0]).toMatchObject({ byline: "王江燕 马 奔", reporters: ["王江燕", "马奔"] });
  });

  it("gives a story back its byline read as the first line of its first paragraph", () => {
    const seg = run("义乌之变\n新华社记者 乔继红 朱涵 孙广见\n在浙江义乌，似乎总有一种力量。\n", "T! P P+");
    expect(seg.articles[0]).toMatchObject({ byline: "新华社记者 乔继红 朱涵 孙广见", reporters: ["乔继红", "朱涵", "孙广见"] });
    expect(texts(seg.articles[0])).toEqual(["在浙江义乌，似乎总有一种力量。"]);
    // Names alone, two or more printed apart on a line far shorter than the next: a paragraph's
    // first line runs the column's full width.
    const names = run("义乌之变\n李龙彬 葛帅坤\n在浙江义乌，似乎总有一种力量。\n", "T! P P+");
    expect(names.articles[0]).toMatchObject({ byline: "李龙彬 葛帅坤", reporters: ["李龙彬", "葛帅坤"] });
    // On a line about as wide as the next they are no proof (a verse, or a sentence's start), nor is one name alone.
    expect(run("义乌之变\n春风 十里\n不如你的眼睛\n", "T! P P+").articles[0]?.byline).toBeNull();
    expect(run("义乌之变\n李龙彬\n在浙江义乌，似乎总有一种力量。\n", "T! P P+").articles[0]?.byline).toBeNull();
  });

  it("strips markdown markup but keeps link targets", () => {
    const seg = run("## **标题**在这里\n\n正文见 <http://epaper.cqrc.org.cn/> 网站，**重点**内容。\n", "T! P");
    expect(seg.articles[0]?.title).toBe("标题在这里");
    expect(texts(seg.articles[0])).toEqual(["正文见 http://epaper.cqrc.org.cn/ 网站，重点内容。"]);
  });
});

describe("side-by-side columns (pdftotext -layout)", () => {
  it("reads each column down before the next, and each article's columns together", () => {
    const layout = [
      "甲报道的标题在这里                              乙报道的标题",
      "",
      "本报记者 张三                                   新华社记者 李四",
      "  甲的正文第一行在这里      甲的第二栏继续写       乙的正文第一行",
      "甲的正文第二行还没完        下去还在写着呢         乙的正文第二行",
      "甲的正文第三行还没完        继续写第二栏的         乙的正文第三行",
      "甲的正文第四行还没完        第四行继续写着         乙的正文第四行",
      "甲的正文第五行还没完        第五行继续写着         乙的正文第五行",
      "甲的正文第六行完。          下去直到结束。         乙的正文第六行。",
    ].join("\n");
    const seg = run(`${layout}\n`, `T! Y P ${"P+ ".repeat(11)} T! Y P ${"P+ ".repeat(5)}`);
    expect(seg.articles.map((a) => a.title)).toEqual(["甲报道的标题在这里", "乙报道的标题"]);
    expect(texts(seg.articles[0])).toEqual([
      "甲的正文第一行在这里甲的正文第二行还没完甲的正文第三行还没完甲的正文第四行还没完甲的正文第五行还没完甲的正文第六行完。" +
        "甲的第二栏继续写下去还在写着呢继续写第二栏的第四行继续写着第五行继续写着下去直到结束。",
    ]);
    expect(texts(seg.articles[1])).toEqual(["乙的正文第一行乙的正文第二行乙的正文第三行乙的正文第四行乙的正文第五行乙的正文第六行。"]);
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
    const seg = run(`（上接第1版）接续前文的正文内容。\n\n## 第二篇标题\n\n本报讯(记者 张雪)${BODY}(下转第3版)\n`, "P! T! P");
    expect(seg.articles).toHaveLength(2);
    expect(seg.articles[0]).toMatchObject({ title: null, jumpFrom: 1 });
    expect(seg.articles[1]).toMatchObject({ title: "第二篇标题", jumpTo: 3, byline: "本报讯(记者 张雪)" });
    expect(texts(seg.articles[1])).toEqual([BODY]);
  });
});

describe("layout debris", () => {
  it("sets aside a vertical label by rule and marks the box above it as the lead", () => {
    const seg = run(
      "荣昌：提升创新能力 绽放科技之花\n\n" +
        "正文第一段在这里，内容比较长一些，这一行按照二十\n二个字的栏宽硬换行，所以它比导语框里的行更宽一些\n。\n\n" +
        "在前不久召开的会议上，荣昌区位\n列其中，导语框的栏宽只有十六个\n字。\n\n核\n心\n提\n示\n",
      "T! P P+ P+ P P+ P+ F F F F",
    );
    const a = seg.articles[0];
    expect(texts(a, "lead")).toEqual(["在前不久召开的会议上，荣昌区位列其中，导语框的栏宽只有十六个字。"]);
    expect(texts(a)).toEqual(["正文第一段在这里，内容比较长一些，这一行按照二十二个字的栏宽硬换行，所以它比导语框里的行更宽一些。"]);
    expect(seg.discarded).toMatchObject([{ kind: "vertical_label", text: "核心提示" }]);
  });

  it("sets aside stray layout letters by rule", () => {
    const seg = run("## 标题\n\n正文第一段。\n\nAA\n\nBB\n\n正文第二段。\n", "T! P F F P");
    expect(seg.discarded.map((d) => d.text)).toEqual(["AA", "BB"]);
    expect(texts(seg.articles[0])).toEqual(["正文第一段。", "正文第二段。"]);
  });

  it("keeps one copy of a caption printed twice", () => {
    const seg = run("## 标题\n\n正文第一段。\n\n重庆市畜牧科学院推动科技城建设重庆市畜牧科学院推动科技城建设。。\n", "T! P X");
    expect(texts(seg.articles[0], "caption")).toEqual(["重庆市畜牧科学院推动科技城建设。"]);
    expect(seg.discarded).toMatchObject([{ kind: "duplicate", text: "重庆市畜牧科学院推动科技城建设。" }]);
  });

  it("keeps furniture over consecutive lines as one item, with why", () => {
    const seg = run("## 标题\n\n正文第一段。\n\n遗失声明：重庆宏达商贸有限公司遗失营业执照副本，\n声明作废。\n\n《人民日报》（2026年05月07日 第 03 版）\n", "T! P F F F");
    expect(seg.discarded.map((d) => d.reason)).toEqual(["advertisement or notice (page furniture)", "e-paper stamp (page furniture)"]);
    expect(seg.discarded[0]?.text).toBe("遗失声明：重庆宏达商贸有限公司遗失营业执照副本，\n声明作废。");
  });
});

describe("headline stacks", () => {
  const art = (head: string, labels: string) => run(`${head}\n\n本报讯(记者 张雪)${BODY}\n`, `${labels} P`).articles[0];

  it("kicker, title and subtitle as labelled, the title over two lines joined", () => {
    expect(art("## 高洪波调研我区企业时指出\n\n# 为妇女参与经济社会\n# 发展创造条件\n\n### ——全区开展巡河行动", "K! T T+ S")).toMatchObject({
      kicker: "高洪波调研我区企业时指出", title: "为妇女参与经济社会发展创造条件", subtitle: "——全区开展巡河行动",
    });
  });

  it("splits a one-size stack printed as one line at its dash", () => {
    expect(art("中国社会科学院学部委员冯时多年来着力构建中国天文考古学体系——观浩瀚星河 思文化万象", "T!")).toMatchObject({
      kicker: "中国社会科学院学部委员冯时多年来着力构建中国天文考古学体系——", title: "观浩瀚星河 思文化万象", subtitle: null,
    });
    expect(art("“中国速度”重塑全球汽车产业——2026北京国际车展观察暨观察报道", "T!")).toMatchObject({
      kicker: null, title: "“中国速度”重塑全球汽车产业", subtitle: "——2026北京国际车展观察暨观察报道",
    });
  });

  it("keeps a two-part stack's roles where the labeller is sure of them, whatever the words say", () => {
    // Pinned labels are sure ones, as a paper's own model's can be once it has learned the paper's stacks.
    const a = art("民政部发布指引\n加强城乡三级养老服务网络建设管理", "T! S");
    expect(a).toMatchObject({ kicker: null, title: "民政部发布指引", subtitle: "加强城乡三级养老服务网络建设管理" });
    expect((a?.doubts ?? []).map((d) => d.detail.code)).not.toContain("headline_roles_by_words");
  });

  it("reorders a column rubric among the stack and takes a 「」 line as caption", () => {
    const a = art("## 供电服务窗口入驻\n\n「归园陶居」项目全景\n\n在行动 优化营商环境 壮大民营经济", "T! X K");
    expect(a?.rubric).toBe("优化营商环境 壮大民营经济 在行动");
    expect(texts(a, "caption")).toEqual(["「归园陶居」项目全景"]);
  });
});

describe("bylines in articles", () => {
  it("文/ at the end of the last paragraph and 图/ on its own line", () => {
    const seg = run("## 标题\n\n正文第一段。\n\n正文最后一段结束了。 文/张三 李四\n\n图/王五\n", "T! P P Y");
    expect(seg.articles[0]).toMatchObject({ byline: "文/张三 李四 图/王五", reporters: ["张三", "李四"], photographers: ["王五"] });
    expect(texts(seg.articles[0])).toEqual(["正文第一段。", "正文最后一段结束了。"]);
  });

  it("dateline with body on the same line", () => {
    const seg = run("## 国务院常务会议召开\n\n新华社北京3月7日电 国务院总理主持召开国务院常务会议。\n", "T! P");
    expect(seg.articles[0]).toMatchObject({ byline: "新华社北京3月7日电", source: "新华社" });
    expect(texts(seg.articles[0])).toEqual(["国务院总理主持召开国务院常务会议。"]);
  });

  it("a dateline printed after the last sentence ends the paragraph; it is not the byline", () => {
    const seg = run("## 标题\n\n新华社记者 李凤双\n\n正文最后一段结束了。\n新华社石家庄4月27日电\n", "T! Y P Y");
    expect(seg.articles[0]?.byline).toBe("新华社记者 李凤双");
    expect(texts(seg.articles[0])).toEqual(["正文最后一段结束了。新华社石家庄4月27日电"]);
  });
});

describe("text printed before its headline", () => {
  it("gives a commentary the body printed above its headline", () => {
    const seg = run(
      `## 第一篇标题\n\n本报讯(记者 张雪)${BODY}\n\n区领导王媛媛等参加座谈。\n\n评论第一段在这里。\n\n评论第二段在这里。\n\n## 评论的标题\n\n仲音\n\n(下转2版)\n`,
      "T! P P P! P T Y J",
    );
    expect(texts(seg.articles[0])).toEqual([BODY, "区领导王媛媛等参加座谈。"]);
    expect(seg.articles[1]).toMatchObject({ title: "评论的标题", byline: "仲音", reporters: ["仲音"], jumpTo: 2 });
    expect(texts(seg.articles[1])).toEqual(["评论第一段在这里。", "评论第二段在这里。"]);
    expect(seg.articles[1]?.doubts[0]).toMatchObject({ kind: "trailing_headline", confidence: 0.7 });
  });

  it("moves the rest of an article printed above its headline to its end, joined to the unfinished sentence", () => {
    const seg = run(
      `## 第一篇\n\n本报讯(记者 张雪)${BODY}\n\n区有关部门负责人参加活动。\n\n排污管网工程，加强日常监管。\n\n## 第二篇\n\n本报讯(记者 杨丽丹)各部门要加快推进源头截污、河道清淤、雨\n`,
      "T! P P P! T P",
    );
    expect(texts(seg.articles[0])).toEqual([BODY, "区有关部门负责人参加活动。"]);
    expect(texts(seg.articles[1])).toEqual(["各部门要加快推进源头截污、河道清淤、雨排污管网工程，加强日常监管。"]);
    expect(seg.articles[1]?.doubts.find((d) => d.kind === "fragment_attached")?.confidence).toBeLessThan(0.9);
  });

  it("orphans text above the first headline that continues nothing here", () => {
    const seg = run(`这是从上一版转来的一段文字。\n\n## 第一篇\n\n本报讯(记者 张雪)${BODY}\n\n## 第二篇\n\n本报讯(记者 张雪)${BODY}\n`, "P! T! P T! P");
    expect(seg.orphans).toMatchObject([{ kind: "no_article", text: "这是从上一版转来的一段文字。" }]);
    expect(seg.orphans[0]?.reason).toMatch(/before the first headline/);
  });
});

describe("the model's reading", () => {
  it("gives the same output for the same input", () => {
    const input = `## 标题\n\n本报讯(记者 张雪)${BODY}\n\nAA\n`;
    expect(JSON.stringify(ingest(input))).toBe(JSON.stringify(ingest(input)));
  });

  it("carries each decision's confidence; unsure ones are doubts, and an article is as sure as its least sure decision", () => {
    const seg = ingest(`## 标题\n\n本报讯(记者 张雪)${BODY}\n\n第二段。\n`);
    const a = seg.articles[0] as Article;
    for (const d of a.doubts) expect(d.confidence).toBeLessThan(1);
    expect(a.confidence).toBeLessThanOrEqual(Math.min(1, ...a.doubts.map((d) => d.confidence)));
    expect(seg.model).toEqual({ paper: null, pages: null });
  });
});

describe("a two-part stack printed alike (the model, not pinned labels)", () => {
  // Stacks of the lab's test split, over a story: the labeller is unsure which part is the title,
  // and the stack model (lib/ingest/model/stack-roles.ts) is sure from the words.
  const body = "投资772亿元！三峡水运新通道工程正式开工建设，“黄金水道”迎来新跃升；海拔最高达5000米的输电线路工程全线贯通。\n今年以来，各地各部门扎实推进重大工程建设，投资规模持续扩大，带动作用不断增强。";
  const page = (head: string) => ingest(`${head}\n本报记者  李心萍\n${body}\n`).articles[0];
  const codes = (a: Article | undefined) => (a?.doubts ?? []).map((d) => d.detail.code);

  it("takes the title from the words, with a doubt for the editor", () => {
    const kickerOver = page("二〇二六年度育儿补贴已发放两千五百余万人\n首次育儿补贴申请截止时间延长至今年底");
    expect(kickerOver).toMatchObject({ kicker: "二〇二六年度育儿补贴已发放两千五百余万人", title: "首次育儿补贴申请截止时间延长至今年底", subtitle: null });
    const titleOver = page("泰国多举措提振经济显成效\n二〇二六年经济增长预期上调至百分之二点三");
    expect(titleOver).toMatchObject({ kicker: null, title: "泰国多举措提振经济显成效", subtitle: "二〇二六年经济增长预期上调至百分之二点三" });
    // Where the words overruled the labeller (which of the two stacks depends on its weights: at
    // least one), the doubt is the override's, below the sure line (a contested decision); the
    // labeller's doubts about these lines were about the roles it gave, so they are not shown.
    const overruled = [kickerOver, titleOver].filter((a) => codes(a).includes("headline_roles_by_words"));
    expect(overruled.length).toBeGreaterThan(0);
    for (const a of overruled) {
      expect(a?.doubts.find((d) => d.detail.code === "headline_roles_by_words")?.confidence).toBeLessThan(0.9);
      expect(a?.doubts.filter((d) => d.detail.code === "headline_role")).toEqual([]);
    }
  });

  it("leaves it to the print where the print tells (Markdown heading levels)", () => {
    const a = page("## 二〇二六年度育儿补贴已发放两千五百余万人\n\n# 首次育儿补贴申请截止时间延长至今年底\n");
    expect(codes(a)).not.toContain("headline_roles_by_words");
  });
});

describe("a kicker and its title's first line told apart by the wrap model", () => {
  it("reads a short occasion over a longer title as kicker and title, and says it decided by the words", () => {
    // A blank line under the headline, as plain-text exports print one: without it the labeller
    // reads the second line of this bare snippet as a paragraph (the lab model of 2026-12-07 does).
    const seg = ingest("第十三届亚锦赛\n中国体操男队收获4金4银\n\n本报北京7月8日电（记者 李红梅）第十三届亚洲体操锦标赛日前落幕，中国体操男队收获4金4银。\n专家表示，队伍整体表现稳定。\n");
    const a = seg.articles[0];
    expect([a?.kicker, a?.title]).toEqual(["第十三届亚锦赛", "中国体操男队收获4金4银"]);
    expect(a?.doubts.map((x) => x.detail?.code)).toContain("headline_roles_by_words");
    expect(invariantProblems(seg)).toEqual([]);
  });

  it("reads the first line of a title of three lines as its kicker the same way", () => {
    const seg = ingest("第十三届亚锦赛\n中国体操男队在本届比赛中\n收获4金4银\n本报北京7月8日电（记者 李红梅）第十三届亚洲体操锦标赛日前落幕，中国体操男队收获4金4银。\n专家表示，队伍整体表现稳定。\n");
    const a = seg.articles[0];
    expect([a?.kicker, a?.title]).toEqual(["第十三届亚锦赛", "中国体操男队在本届比赛中收获4金4银"]);
    expect(invariantProblems(seg)).toEqual([]);
  });

  it("leaves a jump marker printed at the title's end to the jump when it splits the title (nothing counted twice)", () => {
    const seg = ingest("第十三届亚锦赛\n中国体操男队在本届比赛中\n收获4金4银（接第7版）\n本报北京7月8日电（记者 李红梅）第十三届亚洲体操锦标赛日前落幕，中国体操男队收获4金4银。\n专家表示，队伍整体表现稳定。\n");
    const a = seg.articles[0];
    expect([a?.kicker, a?.title]).toEqual(["第十三届亚锦赛", "中国体操男队在本届比赛中收获4金4银"]);
    expect(a?.blocks.filter((b) => b.role === "jump").map((b) => b.text)).toEqual(["（接第7版）"]);
    expect(invariantProblems(seg)).toEqual([]);
  });

  it("joins a title over its subtitle that the stack model would make a kicker over a title, when the wrap model reads one title", () => {
    // The labeller reads title and subtitle; the stack model's words say kicker and title; the break
    // (…关于 / 修改…) says one title wrapped.
    const seg = ingest("上一版 下一版\n全国人大常委会关于\n修改《中华人民共和国海关法》的决定\n本报记者 李红梅\n日前，学员们在典礼上交流了学习体会，表示要把所学用于实践。\n");
    const a = seg.articles.find((x) => x.title?.includes("海关法"));
    expect([a?.kicker, a?.title, a?.subtitle]).toEqual([null, "全国人大常委会关于修改《中华人民共和国海关法》的决定", null]);
    expect(a?.doubts.map((x) => x.detail?.code)).toEqual(expect.arrayContaining(["headline_joined_by_words"]));
    expect(a?.doubts.map((x) => x.detail?.code)).not.toContain("headline_roles_by_words");
    expect(invariantProblems(seg)).toEqual([]);
  });

  it("joins a line the labeller read as a kicker to its title when the words run on over the break", () => {
    // The labeller reads 全国人大常委会关于 as a kicker (a short line over a longer one); a title
    // does not end on 关于, and the wrap model is sure of it: one title, decided by the words.
    // (A blank line under the headline: without it the lab model of 2026-12-07 reads this bare
    // snippet's headline as the paragraph above's.)
    const seg = ingest("据介绍，该项目总投资12亿元，预计明年建成投产。\n（本报记者 王浩）\n全国人大常委会关于\n修改《中华人民共和国海关法》的决定\n\n本报记者 李红梅\n日前，学员们在典礼上交流了学习体会，表示要把所学用于实践。\n");
    const a = seg.articles.find((x) => x.title?.includes("海关法"));
    expect([a?.kicker, a?.title]).toEqual([null, "全国人大常委会关于修改《中华人民共和国海关法》的决定"]);
    expect(a?.doubts.map((x) => x.detail?.code)).toContain("headline_joined_by_words");
    expect(invariantProblems(seg)).toEqual([]);
  });
});

describe("what a rule knows a line is not (the model, not pinned labels)", () => {
  const body = "日前，在中国驻蒙古国使馆举办的主题座谈会上，与会嘉宾高度评价中国共产党的百年历程。\n他说，中国的经验值得学习，值得借鉴。";
  const first = (head: string) => ingest(`${head}\n${body}\n`).articles[0];

  it("ends a headline at its column tag: the line under it is not more of it", () => {
    // pdftotext printed another story's headline under this one (a shape of the lab's test split).
    expect(first("读懂百年大党铸就辉煌的深层逻辑（和音）\n刘国中会见白俄罗斯第一副总理\n新华社北京7月2日电")?.title).toBe("读懂百年大党铸就辉煌的深层逻辑（和音）");
  });

  it("keeps a picture's credit out of the headline", () => {
    const a = first("人工智能学会“使坏”，我们怎么办（唠“科”）\n徐 骏绘（新华社发）\n丁 效");
    expect(a?.title).toBe("人工智能学会“使坏”，我们怎么办（唠“科”）");
    expect([a?.kicker, a?.subtitle].join("")).not.toContain("新华社发");
  });

  it("bars a line wholly in brackets from opening a kicker or title, whatever else bars it", () => {
    // A column tag wrapped onto a line of its own ("（总书记的关切·落地的回响）", read as the title
    // under a kicker) and a story's closing note ("（据新华社电）", read as the next story's title):
    // two shapes of the lab's test split. A document's date under its title stays a subtitle.
    const { reading } = readPage("举措更实 产学研用融合打通创新链条（新知）\n（总书记的关切·落地的回响）\n（二〇二六年七月八日）\n");
    const barred = barredLabels(reading.lines);
    const row = (i: number) => LABELS.filter((_, l) => barred[i * LABELS.length + l]);
    expect(row(0)).toEqual([]);
    // The line above ends in a tag (nothing goes on from it) and this one is wholly bracketed: both bars hold.
    expect(row(1)).toEqual(["K!", "K", "K+", "T!", "T", "T+", "S+"]);
    expect(row(2)).toEqual(row(1));
    expect(row(2)).not.toContain("S");
  });

  it("does not run a standing head into the headline under it", () => {
    expect(first("图片报道\n广东何以“走在前”（活力中国调研行）\n本报记者 陆娅楠")?.title).toBe("广东何以“走在前”（活力中国调研行）");
  });
});

describe("a text pasted without a headline (the model, not pinned labels)", () => {
  it("is one untitled article, nothing set aside: its first sentence opens it", () => {
    const seg = ingest("分拆标题   这是同一行里跟在标题后面的正文，足够长，读作一个段落。\n\n第二段正文也在这里，同样是正文内容。\n");
    expect(invariantProblems(seg)).toEqual([]);
    expect(seg.articles).toHaveLength(1);
    expect(seg.articles[0]?.title).toBeNull();
    expect(texts(seg.articles[0])).toEqual(["分拆标题   这是同一行里跟在标题后面的正文，足够长，读作一个段落。", "第二段正文也在这里，同样是正文内容。"]);
    expect(seg.discarded).toEqual([]);
    expect(seg.orphans).toEqual([]);
  });
});
