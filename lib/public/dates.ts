/** Calendar dates as YYYY-MM-DD strings, checked for real days (no 2024-02-30). */

export type IsoDateParts = { year: number; month: number; day: number };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseIsoDate(s: string): IsoDateParts | null {
  const m = ISO_DATE.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1000 || month < 1 || month > 12 || day < 1) return null;
  // Date.UTC rolls 2024-02-30 over to March; a round trip catches it.
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return { year, month, day };
}

export function isIsoDate(s: string): boolean {
  return parseIsoDate(s) !== null;
}

/** Dates handed to the formatters come from the database; a malformed one is a bug, not user input. */
export function requireIsoDate(s: string): IsoDateParts {
  const parts = parseIsoDate(s);
  if (!parts) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(s)}`);
  return parts;
}

/** Midnight UTC of the date: a stable instant for calendar arithmetic, independent of the server's zone. */
export function isoDateToUtc(s: string): Date {
  const { year, month, day } = requireIsoDate(s);
  return new Date(Date.UTC(year, month - 1, day));
}

function requireValidDate(d: Date): Date {
  if (Number.isNaN(d.getTime())) throw new RangeError("invalid Date");
  return d;
}

/** W3C datetime (sitemaps, JSON-LD, Open Graph) without milliseconds: 2024-03-08T01:30:00Z. */
export function toW3cDateTime(d: Date): string {
  return requireValidDate(d).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** RFC 822 date as RSS 2.0 wants it: "Fri, 08 Mar 2024 01:30:00 GMT". */
export function toRfc822(d: Date): string {
  return requireValidDate(d).toUTCString();
}

/** The calendar day of an instant in a time zone (the paper's is Asia/Shanghai): 2024-03-07T17:00Z -> 2024-03-08. */
export function isoDateInZone(d: Date, timeZone = "Asia/Shanghai"): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(requireValidDate(d));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}
