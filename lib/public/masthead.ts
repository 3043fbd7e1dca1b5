import { isoDateToUtc, requireIsoDate } from "./dates";
import type { PublicIssue } from "./types";

const WEEKDAYS = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"] as const;
const LUNAR_MONTHS = ["正月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "十一月", "腊月"] as const;
const DIGITS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"] as const;
const STEMS = "甲乙丙丁戊己庚辛壬癸";
const BRANCHES = "子丑寅卯辰巳午未申酉戌亥";

/** "2024-03-08" -> "2024年3月8日" */
export function formatIssueDate(date: string): string {
  const { year, month, day } = requireIsoDate(date);
  return `${year}年${month}月${day}日`;
}

/** Computed from the date; a weekday read off the printed masthead is not trusted. */
export function weekdayOf(date: string): string {
  return WEEKDAYS[isoDateToUtc(date).getUTCDay()] ?? "";
}

/** 1 -> 初一, 10 -> 初十, 15 -> 十五, 20 -> 二十, 28 -> 廿八, 30 -> 三十 */
export function lunarDayName(day: number): string {
  if (!Number.isInteger(day) || day < 1 || day > 30) throw new RangeError(`not a lunar day: ${day}`);
  if (day <= 10) return `初${DIGITS[day]}`;
  if (day < 20) return `十${DIGITS[day - 10]}`;
  if (day === 20) return "二十";
  if (day < 30) return `廿${DIGITS[day - 20]}`;
  return "三十";
}

/** Gregorian year of the lunar year's start -> 干支, e.g. 2024 -> 甲辰. */
export function ganzhiYear(relatedYear: number): string {
  const n = (((relatedYear - 4) % 60) + 60) % 60;
  return `${STEMS[n % 10]}${BRANCHES[n % 12]}`;
}

type LunarFormatter = Intl.DateTimeFormat | null;
let lunarFormatter: LunarFormatter | undefined;

/**
 * Numeric parts from the "en" locale ("2bis" marks a leap month) are read and
 * the Chinese names built here, so the output does not depend on how a given
 * ICU version spells 廿八 or 冬月. Null on a runtime without the Chinese
 * calendar (small-icu builds fall back to gregory).
 */
function getLunarFormatter(): LunarFormatter {
  if (lunarFormatter !== undefined) return lunarFormatter;
  try {
    const f = new Intl.DateTimeFormat("en-u-ca-chinese", { year: "numeric", month: "numeric", day: "numeric", timeZone: "UTC" });
    lunarFormatter = f.resolvedOptions().calendar === "chinese" ? f : null;
  } catch {
    lunarFormatter = null;
  }
  return lunarFormatter;
}

/**
 * "2024-03-08" -> "正月廿八" (or "甲辰年正月廿八" with `withYear`); leap months
 * read 闰二月. Null when this runtime's ICU has no Chinese calendar.
 */
export function chineseLunarDate(date: string, opts: { withYear?: boolean } = {}): string | null {
  const instant = isoDateToUtc(date);
  const f = getLunarFormatter();
  if (!f) return null;
  const parts = f.formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value;
  const month = /^(\d{1,2})(bis)?$/.exec(part("month") ?? "");
  const day = Number(part("day"));
  const relatedYear = Number(part("relatedYear") ?? part("year"));
  const monthName = month ? LUNAR_MONTHS[Number(month[1]) - 1] : undefined;
  if (!month || !monthName || !Number.isInteger(day) || day < 1 || day > 30) return null;
  const md = `${month[2] ? "闰" : ""}${monthName}${lunarDayName(day)}`;
  if (!opts.withYear) return md;
  return Number.isInteger(relatedYear) && relatedYear > 0 ? `${ganzhiYear(relatedYear)}年${md}` : null;
}

export type MastheadPieceKey = "date" | "weekday" | "lunarDate" | "totalIssueNo" | "issueNo" | "pageCount" | "onlinePages";
export type MastheadPiece = { key: MastheadPieceKey; text: string };

/**
 * The dateline under the nameplate, in the order the paper prints it:
 * 2024年3月8日 · 星期五 · 农历甲辰年正月廿八 · 总第273期 · 第27期 · 今日4版.
 * Unknown numbers are left out. The weekday and lunar date are computed from
 * the date; the printed lunar date is only a fallback for runtimes without ICU
 * Chinese calendar data. `onlinePages`: how many pages are on the site, said
 * only when fewer than printed (今日4版 · 网上2版), so the count never promises
 * pages the reader cannot open. In English the same facts read as English.
 */
export function mastheadLine(issue: PublicIssue, { locale = "zh-CN", onlinePages }: { locale?: string; onlinePages?: number } = {}): MastheadPiece[] {
  const fewerOnline = onlinePages !== undefined && issue.pageCount !== null && onlinePages < issue.pageCount;
  if (locale === "en") return englishMastheadLine(issue, fewerOnline ? onlinePages : undefined);
  const pieces: MastheadPiece[] = [
    { key: "date", text: formatIssueDate(issue.date) },
    { key: "weekday", text: weekdayOf(issue.date) },
  ];
  const lunar = chineseLunarDate(issue.date, { withYear: true });
  const printedLunar = issue.lunarDate?.trim();
  if (lunar !== null) pieces.push({ key: "lunarDate", text: `农历${lunar}` });
  else if (printedLunar) pieces.push({ key: "lunarDate", text: printedLunar.startsWith("农历") ? printedLunar : `农历${printedLunar}` });
  if (issue.totalIssueNo !== null) pieces.push({ key: "totalIssueNo", text: `总第${issue.totalIssueNo}期` });
  if (issue.issueNo !== null) pieces.push({ key: "issueNo", text: `第${issue.issueNo}期` });
  if (issue.pageCount !== null) pieces.push({ key: "pageCount", text: `今日${issue.pageCount}版` });
  if (fewerOnline) pieces.push({ key: "onlinePages", text: `网上刊登${onlinePages}版` });
  return pieces;
}

function englishMastheadLine(issue: PublicIssue, onlinePages: number | undefined): MastheadPiece[] {
  const day = isoDateToUtc(issue.date);
  const pieces: MastheadPiece[] = [
    { key: "date", text: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(day) },
    { key: "weekday", text: new Intl.DateTimeFormat("en-GB", { weekday: "long", timeZone: "UTC" }).format(day) },
  ];
  if (issue.totalIssueNo !== null) pieces.push({ key: "totalIssueNo", text: `No. ${issue.totalIssueNo}` });
  if (issue.issueNo !== null) pieces.push({ key: "issueNo", text: `issue ${issue.issueNo} of the year` });
  if (issue.pageCount !== null) pieces.push({ key: "pageCount", text: issue.pageCount === 1 ? "1 page" : `${issue.pageCount} pages` });
  if (onlinePages !== undefined) pieces.push({ key: "onlinePages", text: `${onlinePages} online` });
  return pieces;
}

/** "2024年3月8日 总第273期 第27期": the edition label used by JSON-LD printEdition. */
export function editionLabel(issue: Pick<PublicIssue, "date" | "issueNo" | "totalIssueNo">): string {
  return [
    formatIssueDate(issue.date),
    issue.totalIssueNo !== null ? `总第${issue.totalIssueNo}期` : null,
    issue.issueNo !== null ? `第${issue.issueNo}期` : null,
  ]
    .filter((s): s is string => s !== null)
    .join(" ");
}
