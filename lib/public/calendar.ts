import { isoDateToUtc, parseIsoDate, requireIsoDate } from "./dates";

/** A calendar month of the archive. */
export type YearMonth = { year: number; month: number };

const MONTH_PARAM = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** "2024-03" -> { year: 2024, month: 3 }; anything else -> null. */
export function parseMonthParam(param: string | string[] | undefined): YearMonth | null {
  if (typeof param !== "string") return null;
  const m = MONTH_PARAM.exec(param);
  if (!m) return null;
  const year = Number(m[1]);
  return year >= 1000 ? { year, month: Number(m[2]) } : null;
}

/** { year: 2024, month: 3 } -> "2024-03" */
export function monthKey(ym: YearMonth): string {
  return `${String(ym.year).padStart(4, "0")}-${String(ym.month).padStart(2, "0")}`;
}

/** "2024-03-08" -> { year: 2024, month: 3 } */
export function monthOfDate(date: string): YearMonth {
  const { year, month } = requireIsoDate(date);
  return { year, month };
}

/** "2024年3月" */
export function formatMonth(ym: YearMonth): string {
  return `${ym.year}年${ym.month}月`;
}

export function addMonths(ym: YearMonth, delta: number): YearMonth {
  const index = ym.year * 12 + (ym.month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** Half-open date range of the month, for `date >= from and date < to` on YYYY-MM-DD strings. */
export function monthRange(ym: YearMonth): { from: string; to: string } {
  return { from: `${monthKey(ym)}-01`, to: `${monthKey(addMonths(ym, 1))}-01` };
}

export function daysInMonth(ym: YearMonth): number {
  return new Date(Date.UTC(ym.year, ym.month, 0)).getUTCDate();
}

/** The column headings of monthCalendar, Sunday first as Chinese wall calendars print them. */
export const WEEKDAY_HEADINGS = ["日", "一", "二", "三", "四", "五", "六"] as const;

/**
 * The month as weeks of seven cells, Sunday first; each cell is the day's
 * YYYY-MM-DD date, or null before the 1st and after the last day.
 */
export function monthCalendar(ym: YearMonth): (string | null)[][] {
  const first = isoDateToUtc(`${monthKey(ym)}-01`).getUTCDay();
  const days = daysInMonth(ym);
  const cells: (string | null)[] = Array.from({ length: first }, () => null);
  for (let d = 1; d <= days; d++) cells.push(`${monthKey(ym)}-${String(d).padStart(2, "0")}`);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

export type IssueLookup =
  | { kind: "none" }
  | { kind: "date"; date: string }
  | { kind: "badDate"; input: string }
  | { kind: "number"; no: number; year?: number }
  | { kind: "badNumber"; input: string };

const one = (v: string | string[] | undefined): string | undefined => (typeof v === "string" ? v.normalize("NFKC").trim() : undefined);
/** 2024-03-08, 2024-3-8, 2024/3/8, 2024.3.8 and 2024年3月8日. */
const LOOSE_DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/**
 * The archive's two GET forms: `?date=` (a date input, or a date typed by
 * hand where the browser has no date picker) and `?no=` with an optional
 * `year=`. Full-width digits are accepted (NFKC). The date form wins when both
 * are filled in.
 */
export function parseIssueLookup(params: Record<string, string | string[] | undefined>): IssueLookup {
  const date = one(params.date);
  if (date) {
    const m = LOOSE_DATE.exec(date);
    const iso = m ? `${m[1]}-${(m[2] ?? "").padStart(2, "0")}-${(m[3] ?? "").padStart(2, "0")}` : null;
    return iso && parseIsoDate(iso) ? { kind: "date", date: iso } : { kind: "badDate", input: date };
  }
  const no = one(params.no)?.replace(/^第|期$/g, "").replace(/^总第/, "");
  if (no) {
    const year = one(params.year);
    if (!/^[1-9]\d{0,6}$/.test(no) || (year && !/^\d{4}$/.test(year))) return { kind: "badNumber", input: no };
    return year ? { kind: "number", no: Number(no), year: Number(year) } : { kind: "number", no: Number(no) };
  }
  return { kind: "none" };
}
