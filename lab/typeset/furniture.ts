import { lunarDate, parseDate, weekday } from "../calendar";
import { personName, personNames } from "../names";
import type { Dice } from "../random";
import { grid, type HouseStyle, type Paper } from "../styles";
import { measure, type FontKey } from "./fonts";
import { breakParagraph } from "./linebreak";
import type { Canvas, Rect } from "./model";

/**
 * Page furniture: mastheads, running heads, footers, ads, notices, the frame of a
 * briefs box. None of it is an article; the truth lists it as blocks that must not
 * become one. Texts are made up from templates (names from names.ts).
 */
export type IssueInfo = {
  style: HouseStyle;
  paper: Paper;
  date: string;
  pageCount: number;
  issueNo: number;
  totalIssueNo: number;
};

export type PageInfo = { issue: IssueInfo; page: number; pageName: string };

export type FurnitureKind =
  | "masthead"
  | "running-head"
  | "editor-credit"
  | "epaper"
  | "imprint"
  | "ad"
  | "notice"
  | "label"
  | "stamp";

const RED = "#c8161d";
const GREY = "#555555";

type TextOpts = { owner: string; frame?: string; color?: string; role?: "furniture" | "label" };

function put(canvas: Canvas, text: string, font: FontKey, size: number, x: number, baseline: number, o: TextOpts): number {
  canvas.text({ text, font, size, x, baseline, owner: o.owner, role: o.role ?? "furniture", frame: o.frame ?? o.owner, color: o.color ?? "#111111" });
  return measure(text, font, size);
}

function putRight(canvas: Canvas, text: string, font: FontKey, size: number, right: number, baseline: number, o: TextOpts): void {
  put(canvas, text, font, size, right - measure(text, font, size), baseline, o);
}

function putCenter(canvas: Canvas, text: string, font: FontKey, size: number, cx: number, baseline: number, o: TextOpts): void {
  put(canvas, text, font, size, cx - measure(text, font, size) / 2, baseline, o);
}

function rule(canvas: Canvas, x1: number, x2: number, y: number, width: number, owner: string, color = "#222222"): void {
  canvas.shape({ kind: "rule", x1, y1: y, x2, y2: y, width, color, frame: owner, owner });
}

export function dateLine(date: string): string {
  const { y, m, d } = parseDate(date);
  return `${y}年${m}月${d}日`;
}

/** Draws the masthead (page 1) or the running head; returns where the type area starts. */
export function drawHead(canvas: Canvas, info: PageInfo, d: Dice): number {
  const { style } = info.issue;
  let top = style.page.top;
  if (style.name === "city-epaper") top = drawEpaperHeader(canvas, info);
  if (info.page === 1) return drawMasthead(canvas, info, top, d);
  return drawRunningHead(canvas, info, top, d);
}

function drawEpaperHeader(canvas: Canvas, info: PageInfo): number {
  const { style, paper, date } = info.issue;
  const o = { owner: "f:epaper-head", color: GREY };
  const page3 = String(info.page).padStart(3, "0");
  const [y, m, d] = date.split("-");
  put(canvas, `${paper.name}数字报 | ${y}年${m}月${d}日 | 第${page3}版：${info.pageName}`, "sans", 8, style.page.side, 26, o);
  putRight(canvas, "上一版  下一版  返回目录  PDF下载", "sans", 8, style.page.width - style.page.side, 26, o);
  return style.page.top;
}

function drawMasthead(canvas: Canvas, info: PageInfo, top: number, d: Dice): number {
  const { style, paper, date, pageCount, issueNo, totalIssueNo } = info.issue;
  const left = style.page.side;
  const right = style.page.width - style.page.side;
  const o = { owner: "f:masthead" };
  const lunar = lunarDate(date);
  const { y, m, d: day } = parseDate(date);
  let bottom: number;
  if (style.name === "county-weekly") {
    // Like 荣昌报's front page: nameplate, 主办/出版/网址 under it, date block, licence, issue numbers.
    put(canvas, paper.name, "serifBold", 66, left, top + 62, { ...o, color: RED });
    put(canvas, `主办：${paper.publisher}`, "sans", 8.5, left, top + 86, o);
    put(canvas, `${paper.printer}出版 网址：${paper.website}`, "sans", 8.5, left, top + 99, o);
    const cx = left + 420;
    put(canvas, `${y}年${m}月`, "sans", 10, cx, top + 22, o);
    put(canvas, String(day), "sansBold", 34, cx, top + 58, o);
    put(canvas, weekday(date), "sans", 10, cx, top + 74, o);
    if (lunar) put(canvas, lunar, "sans", 9, cx, top + 88, o);
    const lx = left + 590;
    put(canvas, "准印证号", "sans", 9, lx, top + 30, o);
    put(canvas, paper.licence, "sans", 9, lx, top + 44, o);
    put(canvas, "免费赠阅", "sans", 9, lx, top + 58, o);
    put(canvas, `总第${totalIssueNo}期`, "sans", 9.5, right - 110, top + 30, o);
    put(canvas, `第${issueNo}期`, "sans", 9.5, right - 110, top + 46, o);
    put(canvas, `今日${pageCount}版`, "sansBold", 12, right - 110, top + 66, o);
    bottom = top + 108;
    rule(canvas, left, right, bottom, 2.2, "f:masthead", RED);
  } else if (style.name === "flat-tabloid") {
    put(canvas, paper.name, "sansBold", 54, left, top + 52, { ...o, color: RED });
    put(canvas, `${dateLine(date)} ${weekday(date)}${lunar ? ` ${lunar}` : ""}`, "sans", 10, left + 300, top + 22, o);
    put(canvas, `第${issueNo}期 今日${pageCount}版 零售价1.00元`, "sans", 10, left + 300, top + 38, o);
    put(canvas, `${paper.publisher} 国内统一连续出版物号 ${paper.licence}`, "sans", 8.5, left + 300, top + 54, o);
    bottom = top + 70;
    rule(canvas, left, right, bottom, 3, "f:masthead", "#111111");
  } else {
    // National and city dailies: a big nameplate left, the issue's particulars right.
    const nameSize = style.name === "national-daily" ? 78 : 64;
    put(canvas, paper.name, "serifBold", nameSize, left, top + nameSize * 0.95, { ...o, color: RED });
    if (paper.latin) put(canvas, paper.latin, "sansBold", 12, left + 6, top + nameSize * 0.95 + 22, { ...o, color: RED });
    const lines = [
      `${dateLine(date)}  ${weekday(date)}`,
      lunar ?? "",
      `${paper.name}网址：${paper.website}`,
      `今日${pageCount}版`,
      `国内统一连续出版物号 ${paper.licence}`,
      style.name === "national-daily" ? `代号1-1  第${totalIssueNo}期` : `第${totalIssueNo}期  ${paper.publisher}`,
    ].filter(Boolean);
    if (style.name === "city-epaper") lines.push(`今日天气 ${paper.city} ${d.pick(["多云", "阴转小雨", "晴", "多云转晴", "小雨"])} ${d.int(18, 24)}～${d.int(26, 35)}℃`);
    lines.forEach((t, i) => put(canvas, t, "sans", 9.5, right - 300, top + 16 + i * 15, o));
    bottom = top + Math.max(nameSize + 36, 16 + lines.length * 15);
    rule(canvas, left, right, bottom, 2.5, "f:masthead", RED);
  }
  return bottom + 10;
}

function drawRunningHead(canvas: Canvas, info: PageInfo, top: number, d: Dice): number {
  const { style, paper, date } = info.issue;
  const left = style.page.side;
  const right = style.page.width - style.page.side;
  const o = { owner: "f:running-head" };
  const even = info.page % 2 === 0;
  const [editor, designer] = personNames(d, 2) as [string, string];
  const base = top + 18;
  if (style.name === "national-daily") {
    // 人民日报: date and weekday, the page name large, the page number in a box.
    const num = String(info.page).padStart(2, "0");
    const dateText = `${dateLine(date)}  ${weekday(date)}`;
    const nameText = info.pageName;
    if (even) {
      put(canvas, num, "sansBold", 22, left, base + 4, o);
      put(canvas, nameText, "sansBold", 18, left + 44, base + 2, o);
      putRight(canvas, `${paper.name}  ${dateText}`, "sans", 9.5, right, base, o);
    } else {
      put(canvas, `${paper.name}  ${dateText}`, "sans", 9.5, left, base, o);
      putRight(canvas, nameText, "sansBold", 18, right - 44, base + 2, o);
      putRight(canvas, num, "sansBold", 22, right, base + 4, o);
    }
  } else if (style.name === "county-weekly") {
    const parts = [`${dateLine(date)} ${weekday(date)}`, `第${info.page}版`, info.pageName, `责任编辑：${editor}`, `美编：${designer}`];
    const text = (even ? parts : [...parts].reverse()).join("  ");
    put(canvas, text, "sans", 9.5, left, base, o);
    putRight(canvas, paper.name, "serifBold", 16, right, base + 2, { ...o, color: RED });
  } else if (style.name === "city-epaper") {
    put(canvas, `${paper.name}  ${paper.latin ?? ""}`, "serifBold", 13, left, base, { ...o, color: RED });
    put(canvas, String(info.page), "sansBold", 24, left + 260, base + 6, o);
    put(canvas, info.pageName, "sansBold", 15, left + 300, base + 2, o);
    putRight(canvas, `${dateLine(date)} ${weekday(date)}  编辑 ${editor}  美编 ${designer}`, "sans", 9, right, base, o);
  } else {
    const num = String(info.page).padStart(2, "0");
    put(canvas, `${num}  ${info.pageName}`, "sansBold", 15, left, base + 2, o);
    putRight(canvas, `${paper.name}  ${dateLine(date)} ${weekday(date)}  责编 ${editor}  美编 ${designer}`, "sans", 9, right, base, o);
  }
  const y = base + 12;
  rule(canvas, left, right, y, 1.2, "f:running-head");
  return y + 10;
}

/** Draws what closes the page (editor credit, e-paper footer, imprint); returns where the type area ends. */
export function drawFoot(canvas: Canvas, info: PageInfo, d: Dice): number {
  const { style, paper, date, pageCount } = info.issue;
  const left = style.page.side;
  const right = style.page.width - style.page.side;
  let bottom = style.page.height - style.page.bottom;
  if (style.name === "city-epaper") {
    const o = { owner: "f:epaper-foot", color: GREY };
    const [yy, mm, dd] = date.split("-");
    put(canvas, `${paper.website}/html/${yy}-${mm}/${dd}/node_${info.page}.htm`, "sans", 8, left, style.page.height - 24, o);
    putRight(canvas, `第 ${info.page} 页`, "sans", 8, right, style.page.height - 24, o);
  }
  if (info.page === pageCount && style.name !== "city-epaper") {
    const o = { owner: "f:imprint" };
    const text = `地址：${paper.city}市${d.pick(["渝北区", "江北区", "昌州街道", "龙水镇", "高新区"])}${d.int(1, 399)}号  邮编：40${d.int(1000, 9999)}  广告热线：023-${d.int(40000000, 89999999)}  印刷：${paper.city}${d.pick(["日报印务", "新华印刷厂", "彩印有限公司"])}`;
    put(canvas, text, "sans", 8, left, bottom - 2, o);
    bottom -= 18;
    rule(canvas, left, right, bottom, 0.6, "f:imprint");
    bottom -= 6;
  }
  if (style.name === "national-daily" || style.name === "county-weekly") {
    const o = { owner: "f:editor-credit" };
    const names = personNames(d, 3);
    const text = style.name === "national-daily" ? `本版责编：${names[0]}  ${names[1]}  版式设计：${names[2]}` : `本版责编：${names[0]} 校对：${names[1]}`;
    putRight(canvas, text, "sans", 8.5, right, bottom - 2, o);
    bottom -= 16;
  }
  return bottom;
}

const SLOGANS = [
  ["争做文明示范", "创建文明城区"],
  ["讲文明 树新风", "文明新风进万家"],
  ["节约粮食", "从我做起"],
  ["垃圾分类", "就是新时尚"],
  ["安全生产", "责任重于泰山"],
  ["防范电信诈骗", "守好钱袋子"],
];

const ADVERTISERS = ["农村商业银行", "人寿保险公司", "燃气集团", "移动通信公司", "百货商场", "汽车销售服务有限公司", "职业技术学院", "文化旅游发展集团"];

/** Draws an ad, a public-service ad or classified notices filling `rect`; returns the kind. */
export function drawFiller(canvas: Canvas, rect: Rect, info: PageInfo, d: Dice, owner: string, kind: "ad" | "psa" | "notice"): FurnitureKind {
  const o = { owner };
  const { paper } = info.issue;
  canvas.shape({ kind: "box", rect, stroke: "#333333", fill: kind === "psa" ? "#fbeeee" : null, lineWidth: 0.8, frame: owner, owner });
  const cx = rect.x + rect.w / 2;
  const inner = rect.w - 16;
  if (kind === "notice") {
    put(canvas, "分类广告", "sansBold", 11, rect.x + 8, rect.y + 18, o);
    let y = rect.y + 36;
    const size = 8.5;
    while (y + 40 < rect.y + rect.h) {
      const company = `${paper.city}${d.pick(["恒信", "鑫源", "瑞丰", "佳禾", "宏达", "兴旺"])}${d.pick(["商贸", "建筑工程", "农业开发", "物流"])}有限公司`;
      const text = d.chance(0.5)
        ? `遗失声明：${company}遗失营业执照副本，统一社会信用代码：915002${d.int(10000000, 99999999)}X，声明作废。`
        : `${personName(d)}遗失${d.pick(["身份证", "残疾人证", "不动产权证书", "道路运输证"])}，证号：${d.int(100000, 999999)}${d.int(1000, 9999)}，声明作废。`;
      for (const l of breakParagraph(text, "sans", size, inner)) {
        if (y + size > rect.y + rect.h - 6) break;
        put(canvas, l.text, "sans", size, rect.x + 8, y, o);
        y += size * 1.45;
      }
      y += 6;
    }
    return "notice";
  }
  if (kind === "psa") {
    const [a, b] = d.pick(SLOGANS) as [string, string];
    const size = Math.min(40, inner / Math.max(a.length, b.length), (rect.h - 40) / 2.6);
    const mid = rect.y + rect.h / 2;
    putCenter(canvas, a, "sansBold", size, cx, mid - size * 0.2, { ...o, color: RED });
    putCenter(canvas, b, "sansBold", size, cx, mid + size * 1.1, { ...o, color: RED });
    put(canvas, "公益广告", "sans", 8, rect.x + rect.w - 42, rect.y + rect.h - 6, o);
    return "ad";
  }
  const name = `${paper.city}${d.pick(ADVERTISERS)}`;
  const slogan = d.pick(["用心服务 诚信为本", "品质生活 从这里开始", "百年品牌 值得信赖", "惠民利民 服务到家"]);
  const big = Math.min(30, inner / slogan.length, rect.h / 4);
  const mid = rect.y + rect.h / 2;
  putCenter(canvas, name, "sansBold", Math.min(16, inner / name.length), cx, mid - big * 0.9, o);
  putCenter(canvas, slogan, "serifBold", big, cx, mid + big * 0.45, { ...o, color: RED });
  if (rect.h > 90) putCenter(canvas, `服务热线：023-${d.int(40000000, 89999999)}`, "sans", 9, cx, mid + big * 0.45 + 20, o);
  put(canvas, "广告", "sans", 7.5, rect.x + 4, rect.y + rect.h - 4, o);
  return "ad";
}

/** The frame and label of a boxed column of briefs; returns the height the label takes. */
export function drawBriefsFrame(canvas: Canvas, rect: Rect, label: string, owner: string): number {
  canvas.shape({ kind: "box", rect, stroke: "#333333", fill: "#f4f1ea", lineWidth: 0.8, frame: owner, owner });
  put(canvas, label, "sansBold", 13, rect.x + 8, rect.y + 20, { owner, role: "label" });
  rule(canvas, rect.x + 6, rect.x + rect.w - 6, rect.y + 27, 0.6, owner);
  return 32;
}

/** Column rule between two modules side by side. */
export function columnRule(canvas: Canvas, x: number, y1: number, y2: number, owner: string): void {
  canvas.shape({ kind: "rule", x1: x, y1, x2: x, y2, width: 0.4, color: "#777777", frame: owner, owner });
}

export function bandRule(canvas: Canvas, style: HouseStyle, y: number, owner: string): void {
  const { typeWidth } = grid(style);
  rule(canvas, style.page.side, style.page.side + typeWidth, y, 0.5, owner, "#777777");
}
