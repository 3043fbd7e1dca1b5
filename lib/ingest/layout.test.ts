import { describe, expect, it } from "vitest";
import { looksLikeLayout, readLayout } from "./layout";
import { splitLines } from "./lines";

/** The pieces' texts in reading order, one string per column run. */
function runs(page: string): string[] {
  const lines = splitLines(page);
  const out: string[] = [];
  for (const p of readLayout(page, lines)) {
    const s = page.slice(p.span.start, p.span.end);
    if (p.runStart || out.length === 0) out.push(s);
    else out[out.length - 1] += `/${s}`;
  }
  return out;
}

/** A column's line of ten cells, and a line of a story running down the page's right. */
const tenCells = (c: string, r: number) => `${c}栏第${r}行的文字写在`;
const rightStory = (r: number) => `右篇第${r}行的文字写在这里`;
/** Three columns' lines 1–3 beside the right story's lines from `from` + 1, and the columns as read. */
const threeColumns = (from: number) =>
  [1, 2, 3].map((r) => `${tenCells("甲", r)}            ${tenCells("乙", r)}            ${tenCells("丙", r)}            ${rightStory(r + from)}`);
const threeColumnsRead = ["甲", "乙", "丙"].map((c) => [1, 2, 3].map((r) => tenCells(c, r)).join("/"));

/** Every non-space character is read exactly once, from its own place. */
function readsEveryCharacterOnce(page: string) {
  const pieces = readLayout(page, splitLines(page));
  const seen = new Uint8Array(page.length);
  for (const p of pieces) for (let i = p.span.start; i < p.span.end; i++) seen[i] = (seen[i] as number) + 1;
  for (let i = 0; i < page.length; i++) expect(seen[i], `offset ${i}`).toBe(/\s/.test(page[i] as string) ? seen[i] : 1);
}

describe("layout reading (side-by-side text)", () => {
  it("splits two columns a narrow gutter joined with one space where the rows around show the gutter", () => {
    const page = [
      "甲栏的第一行文字写在这里  乙栏的第一行写在这",
      "甲栏的第二行文字写在这里  乙栏的第二行写在这",
      "甲栏第三行写得稍长了一点， 乙栏的第三行写在这",
      "甲栏的第四行文字写在这里  乙栏的第四行写在这",
      "甲栏的第五行文字写在这里  乙栏的第五行写在这",
    ].join("\n");
    expect(runs(page)).toEqual([
      "甲栏的第一行文字写在这里/甲栏的第二行文字写在这里/甲栏第三行写得稍长了一点，/甲栏的第四行文字写在这里/甲栏的第五行文字写在这里",
      "乙栏的第一行写在这/乙栏的第二行写在这/乙栏的第三行写在这/乙栏的第四行写在这/乙栏的第五行写在这",
    ]);
    readsEveryCharacterOnce(page);
  });

  it("keeps a byline's names and a spaced-out line together", () => {
    const page = [
      "本报记者 张三 李四          乙栏的第一行写在这",
      "  甲栏的第一行文字写在      乙栏的第二行写在这",
      "管 ， 都 一 股 劲 地 干      乙栏的第三行写在这",
    ].join("\n");
    const read = runs(page);
    expect(read.some((r) => r.startsWith("本报记者 张三 李四"))).toBe(true);
    expect(read.some((r) => r.includes("管 ， 都 一 股 劲 地 干"))).toBe(true);
    // Even where a row under it happens to show a gutter right after the role word.
    const lined = ["本报记者 邓晓霞 王昊男", "甲乙丙  丁戊己庚辛壬"].join("\n");
    expect(readLayout(lined, splitLines(lined)).map((p) => lined.slice(p.span.start, p.span.end))).toContain("本报记者 邓晓霞 王昊男");
  });

  it("reads a headline printed in two phrases over the gutter as one, before its columns", () => {
    const page = [
      "深耕品牌建设          彰显时代担当",
      "",
      "",
      "甲栏的第一行文字写在    乙栏的第一行写在这",
      "甲栏的第二行文字写在    乙栏的第二行写在这",
      "甲栏的第三行文字写在    乙栏的第三行写在这",
      "甲栏的第四行文字写在    乙栏的第四行写在这",
    ].join("\n");
    expect(runs(page)).toEqual([
      "深耕品牌建设/彰显时代担当",
      "甲栏的第一行文字写在/甲栏的第二行文字写在/甲栏的第三行文字写在/甲栏的第四行文字写在",
      "乙栏的第一行写在这/乙栏的第二行写在这/乙栏的第三行写在这/乙栏的第四行写在这",
    ]);
    readsEveryCharacterOnce(page);
  });

  it("reads a longer first phrase as a headline's when the gap after it is as wide as it", () => {
    // Large type: each character takes one cell but prints wider, so the gap after an
    // eleven-character phrase is about as wide as the phrase.
    const page = (gap: number) =>
      [
        `十一个字的第一个短语写${" ".repeat(gap)}第二个短语写在这`,
        "",
        "",
        ...[1, 2, 3].map((r) => `甲栏第${r}行的文字写在${" ".repeat(gap + 1)}乙栏第${r}行的文字写在`),
      ].join("\n");
    expect(runs(page(12))).toEqual([
      "十一个字的第一个短语写/第二个短语写在这",
      "甲栏第1行的文字写在/甲栏第2行的文字写在/甲栏第3行的文字写在",
      "乙栏第1行的文字写在/乙栏第2行的文字写在/乙栏第3行的文字写在",
    ]);
    readsEveryCharacterOnce(page(12));
    // A narrower gap: two columns' first lines, or two headlines side by side.
    expect(runs(page(6))[0]).toBe("十一个字的第一个短语写/甲栏第1行的文字写在/甲栏第2行的文字写在/甲栏第3行的文字写在");
  });

  it("reads a headline of two even phrases as one across a gap several times their length", () => {
    // Very large type: two six-character phrases forty cells apart, each over its own column.
    const page = (second: string) =>
      [
        `甲乙丙丁戊己${" ".repeat(40)}${second}`,
        "",
        "",
        ...[1, 2, 3].map((r) => `甲栏第${r}行的文字写在这里${" ".repeat(34)}乙栏第${r}行的文字写在这里`),
      ].join("\n");
    expect(runs(page("子丑寅卯辰巳"))).toEqual([
      "甲乙丙丁戊己/子丑寅卯辰巳",
      "甲栏第1行的文字写在这里/甲栏第2行的文字写在这里/甲栏第3行的文字写在这里",
      "乙栏第1行的文字写在这里/乙栏第2行的文字写在这里/乙栏第3行的文字写在这里",
    ]);
    readsEveryCharacterOnce(page("子丑寅卯辰巳"));
    // Two short headlines of different lengths this far apart are two stories'.
    expect(runs(page("子丑寅卯辰"))).not.toContain("甲乙丙丁戊己/子丑寅卯辰");
  });

  it("reads a subtitle printed between a headline and the column under it before that column", () => {
    const page = [
      "一家村史馆的升级",
      "       中关村村史馆蝶变博物馆",
      "",
      "   甲栏的第一行写在这      乙栏的第一行写在这",
      "甲栏的第二行文字写在       乙栏的第二行写在这",
      "甲栏的第三行文字写在       乙栏的第三行写在这",
      "甲栏的第四行文字写完。     乙栏的第四行写完。",
    ].join("\n");
    expect(runs(page).join("/")).toBe(
      "一家村史馆的升级/中关村村史馆蝶变博物馆/甲栏的第一行写在这/甲栏的第二行文字写在/甲栏的第三行文字写在/甲栏的第四行文字写完。/" +
        "乙栏的第一行写在这/乙栏的第二行写在这/乙栏的第三行写在这/乙栏的第四行写完。",
    );
  });

  it("keeps two stories' headlines side by side apart", () => {
    const page = [
      "老工业基地为何变身新赛场的调查                        何以拨动民间投资的信心弦",
      "",
      "甲的正文第一行写在这里    甲的第二栏写在这里          乙的正文第一行写在这里",
      "甲的正文第二行写在这里    甲的第二栏还在写着          乙的正文第二行写在这里",
      "甲的正文第三行写完了。    甲的第二栏写完了。          乙的正文第三行写完了。",
    ].join("\n");
    expect(runs(page)).toEqual([
      "老工业基地为何变身新赛场的调查",
      "甲的正文第一行写在这里/甲的正文第二行写在这里/甲的正文第三行写完了。",
      "甲的第二栏写在这里/甲的第二栏还在写着/甲的第二栏写完了。",
      "何以拨动民间投资的信心弦",
      "乙的正文第一行写在这里/乙的正文第二行写在这里/乙的正文第三行写完了。",
    ]);
  });

  it("reads a headline centred over a story's columns before them, and stories stacked on one grid one after the other", () => {
    // Three columns, the same gutters for both stories: a gutter cut first would read a
    // strip of each story's first column, then of their second, and so on; the lower
    // story's headline is centred (its large characters take one cell each, so its cells
    // start over the middle column and cover only part of it).
    const col = (story: string, c: number, row: number) => `${story}${c}栏第${row}行的文字${row === 3 ? "写完了。" : "写在这里"}`;
    const row = (story: string, r: number) => [1, 2, 3].map((c) => col(story, c, r)).join("    ");
    const page = [
      "上篇报道的标题",
      "",
      ...[1, 2, 3].map((r) => row("甲", r)),
      "",
      "",
      "",
      `${" ".repeat(22)}居中的下篇标题`,
      ...[1, 2, 3].map((r) => row("乙", r)),
    ].join("\n");
    expect(runs(page)).toEqual([
      "上篇报道的标题",
      ...[1, 2, 3].map((c) => [1, 2, 3].map((r) => col("甲", c, r)).join("/")),
      "居中的下篇标题",
      ...[1, 2, 3].map((c) => [1, 2, 3].map((r) => col("乙", c, r)).join("/")),
    ]);
    readsEveryCharacterOnce(page);
  });

  it("does not read a centred headline as the first line of the column it starts over", () => {
    const page = [
      `${" ".repeat(21)}居中的标题`,
      "甲栏第一行的文字写在这里    乙栏第一行的文字写在这里    丙栏第一行的文字写在这里",
      "甲栏第二行的文字写在这里    乙栏第二行的文字写在这里    丙栏第二行的文字写在这里",
    ].join("\n");
    expect(runs(page)).toEqual([
      "居中的标题",
      "甲栏第一行的文字写在这里/甲栏第二行的文字写在这里",
      "乙栏第一行的文字写在这里/乙栏第二行的文字写在这里",
      "丙栏第一行的文字写在这里/丙栏第二行的文字写在这里",
    ]);
  });

  it("keeps a centred headline's columns apart from the next story's, which opens with its byline", () => {
    const page = [
      `${" ".repeat(20)}甲篇的标题${" ".repeat(33)}乙篇的标题`,
      "甲栏第一行的文字写在这里    甲栏第二栏的文字写在这里    甲栏第三栏的文字写在这里    本报记者 张三           乙栏第二栏的文字写在这里",
      "甲栏第一行的文字写完了。    甲栏第二栏的文字写完了。    甲栏第三栏的文字写完了。    乙栏第一行的文字写在这里    乙栏第二栏的文字写完了。",
    ].join("\n");
    expect(runs(page)).toEqual([
      "甲篇的标题",
      "甲栏第一行的文字写在这里/甲栏第一行的文字写完了。",
      "甲栏第二栏的文字写在这里/甲栏第二栏的文字写完了。",
      "甲栏第三栏的文字写在这里/甲栏第三栏的文字写完了。",
      "乙篇的标题",
      "本报记者 张三/乙栏第一行的文字写在这里",
      "乙栏第二栏的文字写在这里/乙栏第二栏的文字写完了。",
    ]);
  });

  it("reads a centred headline's subtitle with it, before the columns that start under the subtitle", () => {
    // The subtitle's row is the headline's too: the columns start under it, the first one
    // (left of the headline's cells) with the story's byline.
    const col = (c: string, row: number) => `${c}栏第${row}行的文字写在这里`;
    const page = [
      `${" ".repeat(22)}居中的大标题`,
      `${" ".repeat(17)}——副题比标题长，起得更左`,
      ["本报记者 张三    ", ...["乙", "丙", "丁"].map((c) => col(c, 1))].join("    "),
      ...[2, 3].map((r) => ["甲", "乙", "丙", "丁"].map((c) => col(c, r)).join("    ")),
    ].join("\n");
    expect(runs(page)).toEqual([
      "居中的大标题",
      "——副题比标题长，起得更左",
      `本报记者 张三/${col("甲", 2)}/${col("甲", 3)}`,
      ...["乙", "丙", "丁"].map((c) => [1, 2, 3].map((r) => col(c, r)).join("/")),
    ]);
    readsEveryCharacterOnce(page);
  });

  it("reads each of two headlines side by side with its own columns, where no gutter runs down the page", () => {
    // A line across the whole page under both stories leaves no gutter to cut first: read
    // band by band, the row of headlines came before both stories' columns.
    const col = (c: string, row: number) => `${c}第${row}行的文字${row === 4 ? "写完了。" : "写在这里"}`;
    const page = [
      `${" ".repeat(5)}甲篇报道的标题写在这一行里${" ".repeat(25)}乙篇报道的标题写在这一行里`,
      ...[1, 2, 3, 4].map((r) => ["甲一栏", "甲二栏", "乙一栏"].map((c) => col(c, r)).join("      ")),
      "",
      "这一行是横跨全版的一条通栏文字，从左边一直写到右边，两篇报道的标题和栏都在它的上面，它一直写到版面最右边的尽头为止。",
    ].join("\n");
    expect(runs(page)).toEqual([
      "甲篇报道的标题写在这一行里",
      ...["甲一栏", "甲二栏"].map((c) => [1, 2, 3, 4].map((r) => col(c, r)).join("/")),
      "乙篇报道的标题写在这一行里",
      [1, 2, 3, 4].map((r) => col("乙一栏", r)).join("/"),
      "这一行是横跨全版的一条通栏文字，从左边一直写到右边，两篇报道的标题和栏都在它的上面，它一直写到版面最右边的尽头为止。",
    ]);
    readsEveryCharacterOnce(page);
  });

  it("reads a centred headline printed in two phrases, with its subtitle, before the columns under them", () => {
    // The two phrases are one line of the stack: the subtitle's row is the headline's too.
    const col = (c: string, r: number) => `${c}栏第${r}行的文字写在`;
    const page = [
      `${" ".repeat(16)}敢为人先${" ".repeat(6)}与时俱进`,
      `${" ".repeat(19)}——感受发展新脉动`,
      ...[1, 2, 3, 4].map((r) => ["甲", "乙", "丙", "丁"].map((c) => col(c, r)).join("    ")),
    ].join("\n");
    expect(runs(page)).toEqual([
      "敢为人先/与时俱进",
      "——感受发展新脉动",
      ...["甲", "乙", "丙", "丁"].map((c) => [1, 2, 3, 4].map((r) => col(c, r)).join("/")),
    ]);
    readsEveryCharacterOnce(page);
  });

  it("goes on down a column whose first line is printed a row up, on its byline's row", () => {
    // Another story's columns beside them start a row lower: the row of first lines holds
    // fewer pieces than the next, as a headline's row would, but each is as wide as the
    // line under it and starts where it starts.
    const col = (c: string, r: number) => `${c}栏第${r}行，文字写在`;
    const page = [
      `本报记者 张三${" ".repeat(7)}${col("乙", 1)}    ${col("丙", 1)}`,
      ...[1, 2, 3].map((r) => [col("甲", r), col("乙", r + 1), col("丙", r + 1), col("丁", r), col("戊", r)].join("    ")),
    ].join("\n");
    const read = runs(page);
    expect(read).toContain([1, 2, 3, 4].map((r) => col("乙", r)).join("/"));
    expect(read).toContain([1, 2, 3, 4].map((r) => col("丙", r)).join("/"));
    readsEveryCharacterOnce(page);
  });

  it("reads a photo report's label over its own columns after a story's centred headline took the columns left of them", () => {
    const col = (c: string, r: number) => `${c}栏第${r}行的文字写在`;
    const page = [
      `${" ".repeat(6)}左边新闻标题${" ".repeat(32)}图片报道`,
      [col("甲", 1), col("乙", 1), `本报记者 王五${" ".repeat(3)}`, col("丁", 1), col("戊", 1)].join("    "),
      ...[2, 3].map((r) => [col("甲", r), col("乙", r), col("丙", r), col("丁", r), col("戊", r)].join("    ")),
    ].join("\n");
    expect(runs(page)).toEqual([
      "左边新闻标题",
      ...["甲", "乙"].map((c) => [1, 2, 3].map((r) => col(c, r)).join("/")),
      "图片报道",
      `本报记者 王五/${col("丙", 2)}/${col("丙", 3)}`,
      ...["丁", "戊"].map((c) => [1, 2, 3].map((r) => col(c, r)).join("/")),
    ]);
    readsEveryCharacterOnce(page);
  });

  it("does not go on down a column into a headline printed two blank rows under it", () => {
    // A column's lines are at most a blank row apart; a line after two blank rows with
    // nothing under it is a headline (or a label) between stories.
    const col = (c: string, r: number) => `${c}栏第${r}行，文字写在`;
    const page = [
      ...[1, 2, 3, 4].map((r) => `${col("甲", r)}    ${col("乙", r)}`),
      ...[5, 6].map((r) => `${" ".repeat(14)}${col("乙", r)}`),
      `另一篇的标题${" ".repeat(8)}${col("乙", 7)}`,
      `${" ".repeat(14)}${col("乙", 8)}`,
      ...[1, 2].map((r) => `${col("丙", r)}    ${col("乙", r + 8)}`),
    ].join("\n");
    const read = runs(page);
    expect(read[0]).toBe([1, 2, 3, 4].map((r) => col("甲", r)).join("/"));
    expect(read).toContain(["另一篇的标题", col("丙", 1), col("丙", 2)].join("/"));
    readsEveryCharacterOnce(page);
  });

  it("ends a column where most of its lines end, not at a line with digits that runs on into the gutter", () => {
    // Digits take a cell each here but half of one in print: the long line reaches under the
    // next story's headline, yet the column is the first story's, under its headline.
    const col = (c: string, r: number) => `${c}栏第${r}行，文字写在这里写的`;
    const row = (cs: string[], r: number) => cs.map((c) => col(c, r)).join("   ");
    const long = "丙栏第4行有数2026、12.5%，增长";
    const page = [
      `${" ".repeat(5)}甲篇的标题${" ".repeat(46)}乙篇的标题`,
      ...[1, 2, 3].map((r) => row(["甲", "乙", "丙", "丁", "戊"], r)),
      `${row(["甲", "乙"], 4)}   ${long}`,
      row(["甲", "乙", "丙"], 5),
    ].join("\n");
    const down = (c: string, rows: number[]) => rows.map((r) => (c === "丙" && r === 4 ? long : col(c, r))).join("/");
    expect(runs(page)).toEqual([
      "甲篇的标题",
      ...["甲", "乙", "丙"].map((c) => down(c, [1, 2, 3, 4, 5])),
      "乙篇的标题",
      ...["丁", "戊"].map((c) => down(c, [1, 2, 3])),
    ]);
    readsEveryCharacterOnce(page);
  });

  it("reads a photo report's title standing alone over a gutter before the columns under it", () => {
    // Its large characters take a cell each, so its cells sit left of its middle, here in
    // the gutter between two columns, touching neither.
    const col = (c: string, r: number) => `${c}栏第${r}行，文字写在`;
    const page = [
      `${" ".repeat(25)}增殖放流守护闽江`,
      ...[1, 2, 3].map((r) => ["甲", "乙", "丙", "丁"].map((c) => col(c, r)).join("      ")),
    ].join("\n");
    expect(runs(page)).toEqual(["增殖放流守护闽江", ...["甲", "乙", "丙", "丁"].map((c) => [1, 2, 3].map((r) => col(c, r)).join("/"))]);
    readsEveryCharacterOnce(page);
  });

  it("reads a short kicker whose cells stand over the gutter beside its title with the title, before the story's columns", () => {
    const col = (c: string, r: number) => `${c}栏第${r}行，文字写在`;
    const page = [
      `${" ".repeat(11)}前4月`,
      "",
      "电力市场交易电量增长",
      "",
      ...[1, 2, 3].map((r) => `${col("甲", r)}    ${col("乙", r)}`),
    ].join("\n");
    expect(runs(page)).toEqual(["前4月", "电力市场交易电量增长", ...["甲", "乙"].map((c) => [1, 2, 3].map((r) => col(c, r)).join("/"))]);
    readsEveryCharacterOnce(page);
  });

  it("reads the running head across the page top first, as printed, before the columns under it", () => {
    const page = [
      "2026年5月7日 星期四 第4版 要闻 责任编辑：王五 美编：赵六          示例报",
      "",
      "",
      "甲栏的第一行写在这里        乙栏的第一行写在这里      丙栏的第一行写在这里",
      "甲栏的第二行写在这里        乙栏的第二行写在这里      丙栏的第二行写在这里",
      "甲栏的第三行写在这里        乙栏的第三行写在这里      丙栏的第三行写在这里",
    ].join("\n");
    expect(runs(page)).toEqual([
      "2026年5月7日 星期四 第4版 要闻 责任编辑：王五 美编：赵六",
      "示例报",
      "甲栏的第一行写在这里/甲栏的第二行写在这里/甲栏的第三行写在这里",
      "乙栏的第一行写在这里/乙栏的第二行写在这里/乙栏的第三行写在这里",
      "丙栏的第一行写在这里/丙栏的第二行写在这里/丙栏的第三行写在这里",
    ]);
    readsEveryCharacterOnce(page);
  });

  it("reads a title set from the left edge with its subtitle centred beside it, over the next column, before the columns", () => {
    const page = [
      " “甲乙丙丁戊己庚辛壬癸子丑”",
      "",
      "                ——副题写在这里的一行字",
      "",
      "甲栏的第一行写在这里      乙栏的第一行写在这里      丙栏的第一行写在这里",
      "甲栏的第二行写在这里      乙栏的第二行写在这里      丙栏的第二行写在这里",
      "甲栏的第三行写在这里      乙栏的第三行写在这里      丙栏的第三行写在这里",
      "甲栏的第四行写在这里      乙栏的第四行写在这里      丙栏的第四行写在这里",
    ].join("\n");
    expect(runs(page)).toEqual([
      "“甲乙丙丁戊己庚辛壬癸子丑”",
      "——副题写在这里的一行字",
      "甲栏的第一行写在这里/甲栏的第二行写在这里/甲栏的第三行写在这里/甲栏的第四行写在这里",
      "乙栏的第一行写在这里/乙栏的第二行写在这里/乙栏的第三行写在这里/乙栏的第四行写在这里",
      "丙栏的第一行写在这里/丙栏的第二行写在这里/丙栏的第三行写在这里/丙栏的第四行写在这里",
    ]);
    readsEveryCharacterOnce(page);
  });

  it("cuts stories stacked on one grid apart under a kicker set right of its title's cells", () => {
    // The kicker, in smaller type, stands right of the title's squeezed cells: the stack as a
    // whole is centred over the lower story's columns, the kicker alone is not.
    const page = [
      ...[1, 2, 3, 4].map((r) => `${tenCells("上甲", r)}           ${tenCells("上乙", r)}           ${tenCells("上丙", r)}`),
      "",
      "",
      `${" ".repeat(25)}引题的文字比标题的字小一些`,
      "",
      `${" ".repeat(14)}标题的文字写在这里也写在这里`,
      ...[1, 2, 3].map((r) => `${tenCells("甲", r)}            ${tenCells("乙", r)}            ${tenCells("丙", r)}`),
    ].join("\n");
    const down = (c: string, rows: number[]) => rows.map((r) => tenCells(c, r)).join("/");
    expect(runs(page)).toEqual([
      ...["上甲", "上乙", "上丙"].map((c) => down(c, [1, 2, 3, 4])),
      "引题的文字比标题的字小一些",
      "标题的文字写在这里也写在这里",
      ...["甲", "乙", "丙"].map((c) => down(c, [1, 2, 3])),
    ]);
    readsEveryCharacterOnce(page);
  });

  it("heads the columns three blank rows under a headline printed in two phrases (the largest type)", () => {
    // Another story runs down the right of the page, past the rows between headline and columns.
    const page = [
      `${" ".repeat(12)}携手同行向前${" ".repeat(20)}共创美好未来${" ".repeat(22)}${rightStory(1)}`,
      ...[2, 3, 4].map((r) => `${" ".repeat(66)}${rightStory(r)}`),
      ...threeColumns(4),
    ].join("\n");
    expect(runs(page)).toEqual([
      "携手同行向前/共创美好未来",
      ...threeColumnsRead,
      [1, 2, 3, 4, 5, 6, 7].map(rightStory).join("/"),
    ]);
    readsEveryCharacterOnce(page);
  });

  it("reads a kicker ending on a dash as its stack's top line, not a finished sentence", () => {
    const page = [
      `${" ".repeat(12)}某地举办某某活动——${" ".repeat(44)}${rightStory(1)}`,
      `${" ".repeat(17)}标题写在引题下面${" ".repeat(41)}${rightStory(2)}`,
      `${" ".repeat(66)}${rightStory(3)}`,
      ...threeColumns(3),
    ].join("\n");
    expect(runs(page)).toEqual([
      "某地举办某某活动——",
      "标题写在引题下面",
      ...threeColumnsRead,
      [1, 2, 3, 4, 5, 6].map(rightStory).join("/"),
    ]);
    readsEveryCharacterOnce(page);
  });

  it("stacks a subtitle in smaller type that stands mostly right of its title's cells, over the same columns", () => {
    // The subtitle shares two cells with the title: its smaller characters are less squeezed.
    const page = [
      `${" ".repeat(10)}大字标题写在这一行上${" ".repeat(46)}${rightStory(1)}`,
      `${" ".repeat(66)}${rightStory(2)}`,
      `${" ".repeat(18)}小字副题写在这一行的右边${" ".repeat(36)}${rightStory(3)}`,
      ...threeColumns(3),
    ].join("\n");
    expect(runs(page)).toEqual([
      "大字标题写在这一行上",
      "小字副题写在这一行的右边",
      ...threeColumnsRead,
      [1, 2, 3, 4, 5, 6].map(rightStory).join("/"),
    ]);
    readsEveryCharacterOnce(page);
  });

  it("is recognised by its form", () => {
    const page = Array.from({ length: 10 }, (_, i) => `第${i}行的左栏文字      第${i}行的右栏文字`).join("\n");
    expect(looksLikeLayout(page, splitLines(page))).toBe(true);
    const plain = Array.from({ length: 10 }, (_, i) => `第${i}行只有一栏文字，没有并排的栏。`).join("\n");
    expect(looksLikeLayout(plain, splitLines(plain))).toBe(false);
  });
});
