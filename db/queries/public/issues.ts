import "server-only";
import { and, asc, count, desc, eq, gte, lt, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { issues, type Issue } from "@/db/schema";
import type { PublicIssue } from "@/lib/public";
import { issueIsPublic } from "./visibility";

/** An issue as the reader site shows it (public while one of its articles is published). */
export type PublicIssueRow = PublicIssue & { id: number; updatedAt: Date };

export function toPublicIssue(i: Issue): PublicIssueRow {
  return {
    id: i.id,
    date: i.date,
    paper: i.paper,
    issueNo: i.issueNo,
    totalIssueNo: i.totalIssueNo,
    weekday: i.weekday,
    lunarDate: i.lunarDate,
    pageCount: i.pageCount,
    updatedAt: i.updatedAt,
  };
}

export function getLatestPublicIssue(): PublicIssueRow | undefined {
  const row = getDb().select().from(issues).where(issueIsPublic).orderBy(desc(issues.date)).limit(1).get();
  return row ? toPublicIssue(row) : undefined;
}

export function getPublicIssueByDate({ date }: { date: string }): PublicIssueRow | undefined {
  const row = getDb()
    .select()
    .from(issues)
    .where(and(eq(issues.date, date), issueIsPublic))
    .get();
  return row ? toPublicIssue(row) : undefined;
}

/**
 * 期号 lookup. With `year`, `no` is that year's 第N期; without, 总第N期 first,
 * then the newest year's 第N期.
 */
export function findPublicIssueByNumber({ no, year }: { no: number; year?: number }): PublicIssueRow | undefined {
  const db = getDb();
  if (year !== undefined) {
    const row = db
      .select()
      .from(issues)
      .where(and(eq(issues.issueNo, no), gte(issues.date, `${year}-01-01`), lt(issues.date, `${year + 1}-01-01`), issueIsPublic))
      .orderBy(desc(issues.date))
      .get();
    return row ? toPublicIssue(row) : undefined;
  }
  const row =
    db
      .select()
      .from(issues)
      .where(and(eq(issues.totalIssueNo, no), issueIsPublic))
      .orderBy(desc(issues.date))
      .get() ??
    db
      .select()
      .from(issues)
      .where(and(eq(issues.issueNo, no), issueIsPublic))
      .orderBy(desc(issues.date))
      .get();
  return row ? toPublicIssue(row) : undefined;
}

/** The public issues just before and just after a date (for "no paper that day"). */
export function getNearestPublicIssues({ date }: { date: string }): { before: string | null; after: string | null } {
  const db = getDb();
  const before = db
    .select({ date: issues.date })
    .from(issues)
    .where(and(lt(issues.date, date), issueIsPublic))
    .orderBy(desc(issues.date))
    .get();
  const after = db
    .select({ date: issues.date })
    .from(issues)
    .where(and(sql`${issues.date} > ${date}`, issueIsPublic))
    .orderBy(asc(issues.date))
    .get();
  return { before: before?.date ?? null, after: after?.date ?? null };
}

export type PublicIssueMonth = { month: string; issues: number };

/** Months that have public issues, newest first ("2024-03"). */
export function listPublicIssueMonths(): PublicIssueMonth[] {
  const month = sql<string>`substr(${issues.date}, 1, 7)`;
  return getDb()
    .select({ month, issues: count() })
    .from(issues)
    .where(issueIsPublic)
    .groupBy(month)
    .orderBy(desc(month))
    .all();
}

export type PublicIssueDay = { date: string; issueNo: number | null; totalIssueNo: number | null };

/** Public issues with from <= date < to (YYYY-MM-DD), oldest first: one month of the archive calendar. */
export function listPublicIssuesBetween({ from, to }: { from: string; to: string }): PublicIssueDay[] {
  return getDb()
    .select({ date: issues.date, issueNo: issues.issueNo, totalIssueNo: issues.totalIssueNo })
    .from(issues)
    .where(and(gte(issues.date, from), lt(issues.date, to), issueIsPublic))
    .orderBy(asc(issues.date))
    .all();
}
