import { chineseNumber } from "./calendar";
import type { FontKey } from "./typeset/fonts";

/**
 * House styles: the few ways of printing a paper the lab imitates. Every generated page
 * carries its style in its truth, so a later experiment can hold one style out.
 * The restyling of bylines that goes with each style is in restyle.ts.
 */
export const STYLE_NAMES = ["national-daily", "county-weekly", "city-epaper", "flat-tabloid"] as const;
export type StyleName = (typeof STYLE_NAMES)[number];

export type Paper = {
  name: string;
  /** Latin line under the nameplate (RENMIN RIBAO), if the paper prints one. */
  latin: string | null;
  publisher: string;
  printer: string | null;
  website: string;
  /** 国内统一连续出版物号 or 准印证号. */
  licence: string;
  /** Added to the days since 2000 to make a plausible 第N期. */
  issueBase: number;
  /** Places a dateline or an ad may name. */
  city: string;
};

export type HouseStyle = {
  name: StyleName;
  about: string;
  /** null: one issue per real date, with all its pages. */
  pagesPerIssue: number | null;
  page: { width: number; height: number; top: number; bottom: number; side: number; columns: number };
  /** Body type; `hanging`: commas and full stops may hang past the measure (行末悬挂) instead of pushing a character down. */
  body: { font: FontKey; size: number; pitch: number; colChars: number; hanging: boolean };
  caption: { font: FontKey; size: number; pitch: number };
  byline: { font: FontKey; size: number };
  heading: { font: FontKey };
  headline: {
    titleFont: FontKey;
    /** Title sizes: the page's lead story, the others, the smallest allowed. */
    lead: number;
    normal: number;
    min: number;
    deckFont: FontKey;
    /** Kicker and subtitle size relative to the title. */
    deckRatio: number;
    /** Kicker, title and subtitle in one size and face: nothing marks which is which. */
    flat: boolean;
    align: "center" | "left";
  };
  /** Share of stories whose headline frame comes after their body in the PDF's content stream. */
  headlineAfterBody: number;
  /** Share of stories whose subheads are separate frames drawn after the body. */
  subheadsAfterBody: number;
  jumpTo: (page: number) => string;
  jumpFrom: (page: number) => string;
  /** The continued part repeats the headline (人民日报 does; county papers print only 上接). */
  continuationTitle: boolean;
  /** The e-paper stamp printed after each story (人民日报's 《人民日报》（2026年05月07日 第 03 版）). */
  stamp: ((paper: string, date: string, page: number) => string) | null;
  briefsLabels: string[];
  papers: Paper[];
};

const NATIONAL: HouseStyle = {
  name: "national-daily",
  about: "a national broadsheet like 人民日报: 8 columns, red nameplate, running head with page name, 本版责编 box, e-paper stamp after each story",
  pagesPerIssue: null,
  page: { width: 1100, height: 1560, top: 44, bottom: 44, side: 50, columns: 8 },
  body: { font: "serif", size: 8.8, pitch: 13, colChars: 13, hanging: false },
  caption: { font: "sans", size: 8, pitch: 11.6 },
  byline: { font: "sans", size: 9 },
  heading: { font: "sansBold" },
  headline: { titleFont: "sansBold", lead: 34, normal: 22, min: 14, deckFont: "serif", deckRatio: 0.5, flat: false, align: "center" },
  headlineAfterBody: 0.2,
  subheadsAfterBody: 0.15,
  jumpTo: (p) => `（下转第${chineseNumber(p)}版）`,
  jumpFrom: (p) => `（上接第${chineseNumber(p)}版）`,
  continuationTitle: true,
  stamp: (paper, date, page) => {
    const [y, m, d] = date.split("-");
    return `《${paper}》（${y}年${m}月${d}日 第 ${String(page).padStart(2, "0")} 版）`;
  },
  briefsLabels: ["简讯", "新闻速览", "本期导读"],
  papers: [
    { name: "人民日报", latin: "RENMIN RIBAO", publisher: "人民日报社", printer: null, website: "http://www.people.com.cn", licence: "CN 11-0065", issueBase: 18_300, city: "北京" },
  ],
};

const XINHUA_PAPER: Paper = {
  name: "新华每日电讯",
  latin: "XINHUA DAILY TELEGRAPH",
  publisher: "新华通讯社",
  printer: null,
  website: "http://www.xinhuanet.com",
  licence: "CN 11-0038",
  issueBase: 2_100,
  city: "北京",
};

const COUNTY: HouseStyle = {
  name: "county-weekly",
  about: "a county paper like 荣昌报: 4 pages, 6 columns, masthead with 主办/出版/准印证号/总第N期/今日N版, 本报讯（融媒体中心记者 … 通讯员 …） run into the first paragraph",
  pagesPerIssue: 4,
  page: { width: 1000, height: 1420, top: 46, bottom: 46, side: 48, columns: 6 },
  body: { font: "serif", size: 9.4, pitch: 14, colChars: 14, hanging: true },
  caption: { font: "sans", size: 8.6, pitch: 12.4 },
  byline: { font: "sans", size: 9.6 },
  heading: { font: "sansBold" },
  headline: { titleFont: "serifBold", lead: 30, normal: 21, min: 14, deckFont: "sans", deckRatio: 0.55, flat: false, align: "center" },
  headlineAfterBody: 0.25,
  subheadsAfterBody: 0.3,
  jumpTo: (p) => `(下转${p}版)`,
  jumpFrom: (p) => `(上接${p}版)`,
  continuationTitle: false,
  stamp: null,
  briefsLabels: ["简讯", "区县动态", "镇街快讯"],
  papers: [
    { name: "荣昌报", latin: null, publisher: "中共重庆荣昌区委 重庆市荣昌区人民政府", printer: "荣昌区融媒体中心", website: "http://epaper.cqrc.org.cn/", licence: "(渝)2023526", issueBase: -9_400, city: "荣昌" },
    { name: "大足报", latin: null, publisher: "中共重庆市大足区委 重庆市大足区人民政府", printer: "大足区融媒体中心", website: "http://epaper.dazu.gov.cn/", licence: "(渝)2023118", issueBase: -8_900, city: "大足" },
    { name: "潼南报", latin: null, publisher: "中共重庆市潼南区委 重庆市潼南区人民政府", printer: "潼南区融媒体中心", website: "http://epaper.cqstn.cn/", licence: "(渝)2023207", issueBase: -9_100, city: "潼南" },
    { name: "铜梁报", latin: null, publisher: "中共重庆市铜梁区委 重庆市铜梁区人民政府", printer: "铜梁区融媒体中心", website: "http://epaper.cqtl.cn/", licence: "(渝)2023311", issueBase: -8_700, city: "铜梁" },
  ],
};

const CITY: HouseStyle = {
  name: "city-epaper",
  about: "a provincial city daily like 重庆日报 as its e-paper serves the PDF: 7 columns, left-aligned serif headlines, ■ bylines, e-paper header and footer (第N页, URL)",
  pagesPerIssue: 8,
  page: { width: 1100, height: 1560, top: 64, bottom: 60, side: 50, columns: 7 },
  body: { font: "serif", size: 10.2, pitch: 15, colChars: 13, hanging: false },
  caption: { font: "sans", size: 8.8, pitch: 12.6 },
  byline: { font: "sansBold", size: 9.6 },
  heading: { font: "serifBold" },
  headline: { titleFont: "serifBold", lead: 36, normal: 24, min: 15, deckFont: "sans", deckRatio: 0.5, flat: false, align: "left" },
  headlineAfterBody: 0.35,
  subheadsAfterBody: 0.2,
  jumpTo: (p) => `（下转第${p}版）`,
  jumpFrom: (p) => `（上接第${p}版）`,
  continuationTitle: true,
  stamp: null,
  briefsLabels: ["短讯", "重庆新闻速递", "一周要闻"],
  papers: [
    { name: "重庆日报", latin: "CHONGQING DAILY", publisher: "中共重庆市委主管主办", printer: "重庆日报报业集团出版", website: "https://epaper.cqrb.cn", licence: "CN 50-0001", issueBase: 16_200, city: "重庆" },
    { name: "成都日报", latin: "CHENGDU DAILY", publisher: "中共成都市委主管主办", printer: "成都传媒集团出版", website: "https://epaper.cdrb.com.cn", licence: "CN 51-0004", issueBase: 14_800, city: "成都" },
  ],
};

const TABLOID: HouseStyle = {
  name: "flat-tabloid",
  about: "an evening tabloid: 5 columns, kicker, title and subtitle in one size and face (an unmarked stack), 文/图 bylines, 转/接 jump lines",
  pagesPerIssue: 8,
  page: { width: 780, height: 1110, top: 40, bottom: 40, side: 40, columns: 5 },
  body: { font: "serif", size: 9.8, pitch: 14.4, colChars: 13, hanging: true },
  caption: { font: "sans", size: 8.4, pitch: 12 },
  byline: { font: "sans", size: 9.5 },
  heading: { font: "sansBold" },
  headline: { titleFont: "sansBold", lead: 17, normal: 15, min: 12, deckFont: "sansBold", deckRatio: 1, flat: true, align: "left" },
  headlineAfterBody: 0.3,
  subheadsAfterBody: 0.4,
  jumpTo: (p) => `（转第${p}版）`,
  jumpFrom: (p) => `（接第${p}版）`,
  continuationTitle: false,
  stamp: null,
  briefsLabels: ["简讯", "城事快报", "天下速览"],
  papers: [
    { name: "山城晚报", latin: null, publisher: "山城日报社主管主办", printer: null, website: "http://www.scwb.example.cn", licence: "CN 50-0012", issueBase: 9_300, city: "重庆" },
    { name: "巴渝都市报", latin: null, publisher: "巴渝传媒集团主管主办", printer: null, website: "http://www.bydsb.example.cn", licence: "CN 50-0037", issueBase: 7_600, city: "重庆" },
  ],
};

export const STYLES: Record<StyleName, HouseStyle> = {
  "national-daily": NATIONAL,
  "county-weekly": COUNTY,
  "city-epaper": CITY,
  "flat-tabloid": TABLOID,
};

export function isStyleName(s: string): s is StyleName {
  return (STYLE_NAMES as readonly string[]).includes(s);
}

/** The national style prints the source paper's own nameplate (新华每日电讯's text under its own name). */
export function papersFor(style: HouseStyle, sourcePaper: string): Paper[] {
  if (style.name === "national-daily" && sourcePaper === XINHUA_PAPER.name) return [XINHUA_PAPER];
  return style.papers;
}

/** Column width and gutter of a style's grid. */
export function grid(style: HouseStyle): { typeWidth: number; colWidth: number; gutter: number } {
  const typeWidth = style.page.width - 2 * style.page.side;
  const colWidth = style.body.colChars * style.body.size;
  const gutter = (typeWidth - style.page.columns * colWidth) / (style.page.columns - 1);
  return { typeWidth, colWidth, gutter };
}
