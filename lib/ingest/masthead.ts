import { parseNumber } from "./chars";
import { headingLevel, type Line } from "./lines";
import { renderText } from "./text";
import type { Doubt, Masthead, MastheadField, Span } from "./types";

export type MastheadResult = { masthead: Masthead; spans: Span[]; endLine: number; doubts: Doubt[] };

const CN = "〇零一二三四五六七八九十廿卅";
const DATE = new RegExp(
  `((?:19|20)\\d{2}|[〇零一二三四五六七八九]{4})\\s*年\\s*(\\d{1,2}|[${CN}]{1,3})\\s*月(?:\\s*(\\d{1,2}|[${CN}]{1,3})\\s*日)?`,
);
const ISO_DATE = /((?:19|20)\d{2})[-./](\d{1,2})[-./](\d{1,2})/;
const LONE_DAY = new RegExp(`^(\\d{1,2}|[${CN}]{1,3})\\s*日?$`);
const PAPER = /^[\u3400-\u9fff]{2,10}(?:报|日报|晚报|周报|时报|导报)$/;
const FURNITURE =
  /免费赠阅|内部资料|责任编辑|责编|美编|校对|版式|主编|邮发代号|连续出版物号|CN\s?\d{2}-\d{4}|新闻热线|广告|发行/;

export function emptyMasthead(): Masthead {
  return {
    paper: null, publisher: null, printer: null, date: null, weekday: null, lunarDate: null,
    issueNo: null, totalIssueNo: null, pageCount: null, page: null, pageName: null,
    website: null, licence: null, fieldSpans: {},
  };
}

export function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

type Pending = { year: number; month: number; span: Span } | null;

/**
 * Reads one masthead line. Returns the number of fields found (0 ends the masthead
 * area). `pending` carries a date split over lines ("2024年3月" then "**8**") and a
 * licence label whose number is on the next line.
 */
function readLine(
  s: string,
  span: Span,
  mh: Masthead,
  state: { date: Pending; licence: boolean },
): number {
  let found = 0;
  const set = <K extends MastheadField>(field: K, value: Masthead[K]) => {
    if (value === null || value === "" || mh[field] !== null) return;
    mh[field] = value;
    ((mh.fieldSpans as Record<string, Span[]>)[field] ??= []).push(span);
    found++;
  };
  if (state.licence) {
    state.licence = false;
    if (/^[(（]?[\u3400-\u9fff]?[)）]?\s*[\dA-Za-z-]{4,}$/.test(s)) {
      set("licence", s);
      return found;
    }
  }
  if (state.date) {
    const d = LONE_DAY.exec(s);
    const p = state.date;
    state.date = null;
    const day = d ? parseNumber(d[1] as string) : null;
    if (day !== null) {
      set("date", isoDate(p.year, p.month, day));
      (mh.fieldSpans.date ??= []).unshift(p.span);
      return found;
    }
  }
  const pub = /主办(?:单位)?[：:]\s*(.+)$/.exec(s);
  if (pub) set("publisher", (pub[1] as string).replace(/\s+\S+出版.*$|\s+网址.*$/, "").trim());
  const printer = /(?:^|\s)([^\s：:]{2,20}?)出版(?=\s|$)/.exec(s);
  if (printer) set("printer", printer[1] as string);
  const web = /(?:网址|网站)[：:]?\s*(\S+)/.exec(s) ?? /(https?:\/\/\S+|www\.\S+)/.exec(s);
  if (web) set("website", web[1] as string);
  const date = DATE.exec(s);
  if (date) {
    const y = parseNumber(date[1] as string);
    const m = parseNumber(date[2] as string);
    const d = date[3] !== undefined ? parseNumber(date[3]) : null;
    if (y !== null && m !== null) {
      if (d !== null) set("date", isoDate(y, m, d));
      else if (mh.date === null) {
        state.date = { year: y, month: m, span };
        found++;
      }
    }
  } else {
    const iso = ISO_DATE.exec(s);
    if (iso) set("date", isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3])));
  }
  const wd = /(?:星期|礼拜)[一二三四五六日天]/.exec(s);
  if (wd) set("weekday", wd[0]);
  const lunar = /农历\S+/.exec(s);
  if (lunar) set("lunarDate", lunar[0]);
  const lic = /准印证号?[：:]?\s*(\S*)/.exec(s);
  if (lic) {
    if (lic[1]) set("licence", lic[1]);
    else {
      state.licence = true;
      found++;
    }
  }
  const total = /总第\s*(\d+)\s*期/.exec(s);
  if (total) set("totalIssueNo", Number(total[1]));
  const issue = /(?:^|[^总])第\s*(\d+)\s*期/.exec(s);
  if (issue) set("issueNo", Number(issue[1]));
  const count = /(?:今日|本期|共)\s*(\d+|[一二三四五六七八九十]{1,3})\s*(?:个)?版/.exec(s);
  if (count) set("pageCount", parseNumber(count[1] as string));
  const page = /(?:^|[^今本共\d])第\s*(\d+|[一二三四五六七八九十]{1,3})\s*版(?:\s*[：:·]?\s*([\u3400-\u9fff]{2,6}))?/.exec(s);
  if (page) {
    set("page", parseNumber(page[1] as string));
    if (page[2] !== undefined) set("pageName", page[2]);
  }
  if (found === 0 && FURNITURE.test(s)) found++;
  return found;
}

/**
 * Finds the masthead at the top of the page: consecutive short lines that each carry
 * a masthead field. Stops at the first line of running text or headline.
 */
export function parseMasthead(text: string, lines: readonly Line[], md: boolean): MastheadResult | null {
  const mh = emptyMasthead();
  const spans: Span[] = [];
  const state: { date: Pending; licence: boolean } = { date: null, licence: false };
  let fields = 0;
  let endLine = 0;
  let first = true;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as Line;
    if (l.cs === l.ce) continue;
    const span = { start: l.cs, end: l.ce };
    const s = renderText(text, [span], md).trim();
    if (s.length > 60 || /[，。！？]/.test(s)) break;
    let found = 0;
    if (first && (PAPER.test(s) || (md && headingLevel(text, l) === 1 && s.length <= 10 && /报/.test(s)))) {
      mh.paper = s;
      mh.fieldSpans.paper = [span];
      found = 1;
    } else {
      const level = md ? headingLevel(text, l) : 0;
      if (level > 0 && !first) break;
      found = readLine(s, span, mh, state);
    }
    first = false;
    if (found === 0) break;
    fields += found;
    spans.push(span);
    endLine = i + 1;
  }
  if (fields < 2 || spans.length < 2) return null;
  const doubts: Doubt[] = [];
  if (mh.page === null && mh.paper !== null && (mh.publisher !== null || mh.licence !== null)) {
    mh.page = 1;
    doubts.push({
      kind: "page_inferred",
      reason: "No page number printed; the full nameplate means this is page 1",
      detail: { code: "page_inferred" },
      confidence: 0.8,
      spans: mh.fieldSpans.paper ?? [],
    });
  }
  return { masthead: mh, spans, endLine, doubts };
}
