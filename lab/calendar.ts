/** Dates as mastheads print them. */
const WEEKDAYS = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];

export function parseDate(date: string): { y: number; m: number; d: number } {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return { y, m, d };
}

export function weekday(date: string): string {
  const { y, m, d } = parseDate(date);
  return WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()] as string;
}

function dayNumber(date: string): number {
  const { y, m, d } = parseDate(date);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/**
 * First days of the lunar months (Beijing time) for the corpus years. The corpus is from
 * 2026; a date outside the table prints no 农历 line rather than a wrong one.
 */
const LUNAR_MONTHS: { start: string; year: string; month: string }[] = [
  { start: "2026-01-19", year: "乙巳", month: "腊月" },
  { start: "2026-02-17", year: "丙午", month: "正月" },
  { start: "2026-03-19", year: "丙午", month: "二月" },
  { start: "2026-04-17", year: "丙午", month: "三月" },
  { start: "2026-05-17", year: "丙午", month: "四月" },
  { start: "2026-06-15", year: "丙午", month: "五月" },
  { start: "2026-07-14", year: "丙午", month: "六月" },
  { start: "2026-08-13", year: "丙午", month: "七月" },
  { start: "2026-09-11", year: "丙午", month: "八月" },
  { start: "2026-10-10", year: "丙午", month: "九月" },
];

const DAY_NAMES = [..."初一 初二 初三 初四 初五 初六 初七 初八 初九 初十 十一 十二 十三 十四 十五 十六 十七 十八 十九 二十 廿一 廿二 廿三 廿四 廿五 廿六 廿七 廿八 廿九 三十".split(" ")];

/** 农历丙午年三月廿一, or null outside the table. */
export function lunarDate(date: string): string | null {
  const n = dayNumber(date);
  for (let i = LUNAR_MONTHS.length - 2; i >= 0; i--) {
    const m = LUNAR_MONTHS[i] as (typeof LUNAR_MONTHS)[number];
    const next = LUNAR_MONTHS[i + 1] as (typeof LUNAR_MONTHS)[number];
    if (n >= dayNumber(m.start) && n < dayNumber(next.start)) return `农历${m.year}年${m.month}${DAY_NAMES[n - dayNumber(m.start)]}`;
  }
  return null;
}

/** Days since 2000-01-01, for running issue numbers (第N期) that grow with the date. */
export function daysSince2000(date: string): number {
  return dayNumber(date) - Date.UTC(2000, 0, 1) / 86_400_000;
}

const DIGITS = [..."〇一二三四五六七八九"];

/** 3 → 三, 12 → 十二, 20 → 二十 (page numbers in jump lines such as 接第二版). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n] as string;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ""}`;
  return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ""}`;
}
