import { WEEKDAY_HEADINGS, formatIssueDate, formatMonth, parseIsoDate, type YearMonth } from "@/lib/public";

/** An issue date for running text: 2024年3月8日 in Chinese, March 8, 2024 in English. */
/** A section's name in the interface's language: its English name when it has one and the interface is English. */
export function sectionLabel(name: string, nameEn: string | null | undefined, locale: string): string {
  return locale === "en" && nameEn ? nameEn : name;
}

export function dateLabel(date: string, locale: string): string {
  if (locale !== "en") return formatIssueDate(date);
  const parts = parseIsoDate(date);
  if (!parts) return date;
  return new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone: "UTC" }).format(new Date(Date.UTC(parts.year, parts.month - 1, parts.day)));
}

/** 2、3 in Chinese, 2, 3 in English. */
export function listNumbers(numbers: readonly number[], locale: string): string {
  return numbers.join(locale === "en" ? ", " : "、");
}

/** 2024年3月 / March 2024 */
export function monthLabel(ym: YearMonth, locale: string): string {
  if (locale !== "en") return formatMonth(ym);
  return new Intl.DateTimeFormat("en", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(ym.year, ym.month - 1, 1)));
}

/** Column headings of the archive calendar, Sunday first. */
export function weekdayHeadings(locale: string): readonly string[] {
  return locale === "en" ? ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] : WEEKDAY_HEADINGS;
}
