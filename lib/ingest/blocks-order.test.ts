import { describe, expect, it } from "vitest";
import { looksLikeColumnBlocks, orderColumnBlocks, readSideBySideStories } from "./blocks-order";
import { ingest } from "./index";
import { invariantProblems } from "./invariant";
import { splitLines } from "./lines";
import { readLines, type ReadLine } from "./reading";

const page = (blocks: string[][]) => blocks.map((b) => b.join("\n")).join("\n\n") + "\n";

function read(text: string) {
  return readLines(text, splitLines(text), false, 0);
}

// Column pieces 13 ems wide as pdftotext prints them: blank lines between pieces, a
// paragraph's first line two ems short (the indent is not printed).
const storyOne = [
  ["新区建设跑出加速度", "本报记者 张三"],
  ["春风拂面，新区工地上机", "器轰鸣，塔吊林立，一派繁忙", "景象。记者在现场看到，工人", "们正在加紧浇筑混凝土，确保", "主体工程按期完工。项目负责"],
];
// Another story's headline, drawn among story one's columns: inside the sentence 项目负责|人介绍.
const lostHeadline = ["老街焕新颜 居民笑开颜"];
const storyOneOn = [["人介绍，今年新区计划开工项", "目四十个，总投资超过百亿元", "，其中产业项目占比过半。"]];
// The story that headline heads, continued from page 1, its columns broken mid-sentence.
const continued = [
  ["（上接第1版）", "老街改造启动以来，社区", "干部挨家挨户听取意见，把居", "民的急难愁盼列成清单，逐项", "推进解决。如今的老街，路面"],
  ["平整了，路灯亮起来了，房前", "屋后干净整洁，居民们纷纷点", "赞。社区书记李四说，下一步", "还将建设口袋公园，让老街更"],
  ["有温度，让居民生活更加便利", "舒适。"],
];
const blocks = [...storyOne, lostHeadline, ...storyOneOn, ...continued];
const text = page(blocks);

describe("orderColumnBlocks: the order pdftotext's blocks are read in", () => {
  it("is text cut into column pieces that stop mid-sentence", () => {
    expect(looksLikeColumnBlocks(read(text).lines)).toBe(true);
  });

  it("reads a headline printed inside a sentence out of it, before the continued story it heads", () => {
    const order = read(text).lines.map((l) => l.text);
    expect(order).toEqual([...storyOne, ...storyOneOn, lostHeadline, ...continued].flat());
    const seg = ingest(text);
    expect(invariantProblems(seg)).toEqual([]);
    const headed = seg.articles.find((a) => a.title === "老街焕新颜 居民笑开颜");
    expect(headed?.blocks.some((b) => b.text.startsWith("老街改造启动以来"))).toBe(true);
    expect(seg.articles.find((a) => a.title === "新区建设跑出加速度")?.blocks.some((b) => b.text.includes("项目负责人介绍"))).toBe(true);
  });

  it("gives a story that opens with its byline the headline stranded over the middle of a paragraph before it", () => {
    const stranded = ["江城夜市人气旺"];
    const paragraphMiddle = ["口袋公园的建设得到居民点赞", "大家纷纷表示期待早日建成。"];
    const opener = ["本报讯（记者 王五）入夏以来", "江城夜市迎来客流高峰，摊位", "前人头攒动，烟火气十足。"];
    const t = page([...blocks, stranded, paragraphMiddle, opener]);
    const order = read(t).lines.map((l) => l.text);
    expect(order.slice(-6)).toEqual([...paragraphMiddle, ...stranded, ...opener]);
    const seg = ingest(t);
    expect(invariantProblems(seg)).toEqual([]);
    expect(seg.articles.find((a) => a.title === "江城夜市人气旺")?.byline).toBe("本报讯（记者 王五）");
    // A photo's credit right above the story heads nothing: the story still takes its headline.
    const credit = ["夜市一角", "赵六摄"];
    const withCredit = read(page([...blocks, stranded, paragraphMiddle, credit, opener])).lines.map((l) => l.text);
    expect(withCredit.slice(-8)).toEqual([...paragraphMiddle, ...credit, ...stranded, ...opener]);
  });

  it("gives a headline printed far from its story to the story whose lead has its words, not to the story under it", () => {
    // The page's headline blocks in an order of their own: story two's headline stands over
    // story three's byline, story three's over nothing useful further down.
    const storyTwoHead = ["社区食堂办进百姓心坎"];
    const storyTwo = [["本报讯（记者 王五）家门口的社", "区食堂开张以来，老人们吃上了", "热乎饭，百姓心坎里的事办好了。"]];
    const storyThreeHead = ["夜市经济点亮县城烟火气"];
    const storyThree = [["本报讯（记者 赵六）入夏以来", "县城夜市经济持续升温，摊位前", "人头攒动，烟火气十足。"]];
    const t = page([...blocks, storyTwo[0] as string[], storyThreeHead, storyTwoHead, ...storyThree]);
    const order = read(t).lines.map((l) => l.text);
    expect(order.slice(-8)).toEqual([...storyTwoHead, ...storyTwo.flat(), ...storyThreeHead, ...storyThree.flat()]);
    const seg = ingest(t);
    expect(invariantProblems(seg)).toEqual([]);
  });

  it("reads a headline's second phrase, stranded among its story's columns, after its first", () => {
    // pdftotext prints a two-phrase headline's first phrase over the story's first piece and
    // its second as a block of its own, between two pieces of one of the story's sentences.
    const head = ["携手全球力量", "本报记者 钱七", "五月，减贫与发展论坛在北京", "举行，各国代表相聚一堂交流", "减贫经验。代表说：我们正在"];
    const phrase = ["共推减贫进程"];
    const on = ["努力消除贫困，大家都想学习", "更多的中国经验，把家乡建设", "得更好。"];
    const t = page([...blocks, head, phrase, on]);
    const order = read(t).lines.map((l) => l.text);
    expect(order.slice(-9)).toEqual([head[0], ...phrase, ...head.slice(1), ...on]);
    expect(invariantProblems(ingest(t))).toEqual([]);
    // A title that fills its line alone (longer than a phrase) takes no second phrase.
    const long = ["全球减贫合作论坛在北京举行", ...head.slice(1)];
    expect(read(page([...blocks, long, phrase, on])).lines.map((l) => l.text).slice(-9)).toEqual([...long, ...on, ...phrase]);
  });

  it("goes on past a photo's caption set between two pieces of a sentence, and reads the caption after", () => {
    const caption = ["工人们在浇筑混凝土。", "张三摄"];
    const t = page([...storyOne, caption, ...storyOneOn, ...continued]);
    const order = read(t).lines.map((l) => l.text);
    expect(order).toEqual([...storyOne, ...storyOneOn, caption, ...continued].flat());
    const seg = ingest(t);
    expect(invariantProblems(seg)).toEqual([]);
    expect(seg.articles.find((a) => a.title === "新区建设跑出加速度")?.blocks.some((b) => b.text.includes("项目负责人介绍"))).toBe(true);
  });

  it("gives a kicker stranded far away to the story whose title pdftotext printed over its byline", () => {
    const kicker = ["山东济宁打破警种业务壁垒"];
    const titled = ["警务集约办跑出加速度", "本报记者 李蕊", "最近，山东济宁打破警种业务", "壁垒，市民办事不用来回跑，", "一次就能办成。"];
    const t = page([["要闻"], titled, ...blocks, kicker]);
    const order = read(t).lines.map((l) => l.text);
    expect(order.slice(0, 7)).toEqual(["要闻", ...kicker, ...titled]);
    expect(invariantProblems(ingest(t))).toEqual([]);
  });

  it("gives a commentary's headline, wrapped on two lines and printed far away, to the story under its author's name", () => {
    const head = ["食堂里的民生温度", "和烟火气（短评）"];
    const author = ["张天培"];
    const commentary = ["社区食堂开张以来，家门", "口的老人们吃上了热乎饭，民", "生温度就在这一碗烟火气里，", "让居民生活更加便利舒适。"];
    const t = page([["要闻"], author, commentary, ...blocks, head]);
    const order = read(t).lines.map((l) => l.text);
    expect(order.slice(1, 8)).toEqual([...head, ...author, ...commentary]);
    expect(invariantProblems(ingest(t))).toEqual([]);
    // The name printed as the first line of the commentary's first piece.
    const glued = read(page([["要闻"], [...author, ...commentary], ...blocks, head])).lines.map((l) => l.text);
    expect(glued.slice(1, 8)).toEqual([...head, ...author, ...commentary]);
  });

  it("reads every line once", () => {
    const lines = read(text).lines;
    const again = orderColumnBlocks(lines);
    expect(again.length).toBe(lines.length);
    expect(new Set(again).size).toBe(lines.length);
  });

  it("leaves text whose blank lines part paragraphs as it is", () => {
    const paragraphs = [...storyOne, ...storyOneOn, ...continued].map((b) => [...b.slice(0, -1), `${(b[b.length - 1] as string).slice(0, 3)}。`]);
    const t = page(paragraphs);
    expect(looksLikeColumnBlocks(read(t).lines)).toBe(false);
    expect(read(t).lines.map((l) => l.text)).toEqual(paragraphs.flat());
  });
});

// Two stories side by side on a flat tabloid's grid, their columns 13 ems wide: pdftotext
// prints both headlines first, then both stories' lines alternating in one block.
const fruit = [
  "金秋时节，山区果园里硕",
  "果累累，果农们忙着采摘装箱",
  "，一派丰收景象。今年全县果",
  "园面积达到五万亩，丰收果品",
  "远销十多个省市，果农人均增",
  "收三千余元，山区果农的日子",
  "越过越红火。",
];
const market = [
  "本报城南10月8日电",
  "（记者王五）老城夜市昨晚重",
  "新开张，三百余个摊位灯火通",
  "明，前来逛夜市的市民游客络",
  "绎不绝。老城夜市经过半年改",
  "造，路面拓宽，摊位统一规划",
  "，重新开张后人气更旺了。",
];
const interleaved = market.flatMap((m, i) => [m, fruit[i] as string]);
const sideBySideText = page([["山区果农喜迎丰收季"], ["老城夜市重新开张迎客"], interleaved]);

describe("readSideBySideStories: stories whose columns pdftotext printed line by line across them", () => {
  it("reads each headline right before its story's opening column, every line once", () => {
    const order = read(sideBySideText).lines.map((l) => l.text);
    expect(order.slice(0, 2)).toEqual(["山区果农喜迎丰收季", fruit[0]]);
    const b = order.indexOf("老城夜市重新开张迎客");
    expect(order.slice(b + 1, b + 3)).toEqual([market[0], market[1]]);
    expect([...order].sort()).toEqual(["山区果农喜迎丰收季", "老城夜市重新开张迎客", ...interleaved].sort());
  });

  it("gives each story its own headline and opening (their headlines are not read as one stack)", () => {
    const seg = ingest(sideBySideText);
    expect(invariantProblems(seg)).toEqual([]);
    const titles = seg.articles.map((a) => a.title);
    expect(titles).toEqual(["山区果农喜迎丰收季", "老城夜市重新开张迎客"]);
    expect(seg.articles[0]?.blocks[1]?.text.startsWith("金秋时节，山区果园里硕果累累")).toBe(true);
  });

  it("reads a kicker ending in a dash with its title, as one story's headline", () => {
    const text = page([["金秋时节看山区——"], ["山区果农喜迎丰收季"], ["老城夜市重新开张迎客"], interleaved]);
    const order = read(text).lines.map((l) => l.text);
    expect(order.slice(0, 3)).toEqual(["金秋时节看山区——", "山区果农喜迎丰收季", fruit[0]]);
  });

  it("gives a headline the earlier of two close openings (its story's first column is printed first in the row)", () => {
    // Story one's second column opens a paragraph in the first row too, printed after its first.
    // Its words share a little more of the headline than the story's first lines do.
    const [m0, m1] = market as [string, string];
    const [f0, f1] = fruit as [string, string];
    const lines = [m0, f0, "果农迎来好年景，丰收的", m1, f1, "喜悦写在山区人脸上。", ...interleaved.slice(4)];
    const order = read(page([["山区果农喜迎丰收好年景"], ["老城夜市重新开张迎客"], lines])).lines.map((l) => l.text);
    expect(order.slice(0, 2)).toEqual(["山区果农喜迎丰收好年景", fruit[0]]);
  });

  it("reads new lines and leaves the lines it was given as they were", () => {
    // The lines as readLines builds them: a blank line before each block's first.
    const given: ReadLine[] = [["山区果农喜迎丰收季"], ["老城夜市重新开张迎客"], interleaved].flatMap((b) =>
      b.map((text, k) => ({ spans: [], text, row: 0, blankBefore: k === 0, blankAfter: false, indent: 0, level: 0, bold: false, hardBreak: false, geometry: null })),
    );
    const before = structuredClone(given);
    const out = readSideBySideStories(given);
    expect(given).toEqual(before);
    // Each story's opening is read with a blank line before it, the lines under it without.
    const opening = out.findIndex((l) => l.text === fruit[0]);
    expect([out[opening]?.blankBefore, out[opening + 1]?.blankBefore]).toEqual([true, false]);
  });

  it("leaves one story's interleaved columns under one headline as printed", () => {
    const one = page([["山区果农喜迎丰收季"], interleaved]);
    expect(read(one).lines.map((l) => l.text)).toEqual(["山区果农喜迎丰收季", ...interleaved]);
  });
});
