import "server-only";
import { and, asc, count, desc, eq, gte, lt, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { issues, type Issue } from "@/db/schema";
import type { PublicIssue } from "@/lib/public";
import { issueIsPublic } from "./visibility";
import { firstRow } from "@/db/raw";

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

export async function getLatestPublicIssue(): Promise<PublicIssueRow | undefined> {
  const row = firstRow(await getDb().select().from(issues).where(issueIsPublic).orderBy(desc(issues.date)).limit(1));
  return row ? toPublicIssue(row) : undefined;
}

export async function getPublicIssueByDate({ date }: { date: string }): Promise<PublicIssueRow | undefined> {
  const row = firstRow(await getDb()
    .select()
    .from(issues)
    .where(and(eq(issues.date, date), issueIsPublic)));
  return row ? toPublicIssue(row) : undefined;
}

/**
 * 期号 lookup. With `year`, `no` is that year's 第N期; without, 总第N期 first,
 * then the newest year's 第N期.
 */
export async function findPublicIssueByNumber({ no, year }: { no: number; year?: number }): Promise<PublicIssueRow | undefined> {
  const db = getDb();
  if (year !== undefined) {
    const row = firstRow(await db
      .select()
      .from(issues)
      .where(and(eq(issues.issueNo, no), gte(issues.date, `${year}-01-01`), lt(issues.date, `${year + 1}-01-01`), issueIsPublic))
      .orderBy(desc(issues.date)));
    return row ? toPublicIssue(row) : undefined;
  }
  const row =
    firstRow(await db
      .select()
      .from(issues)
      .where(and(eq(issues.totalIssueNo, no), issueIsPublic))
      .orderBy(desc(issues.date))) ??
    firstRow(await db
      .select()
      .from(issues)
      .where(and(eq(issues.issueNo, no), issueIsPublic))
      .orderBy(desc(issues.date)));
  return row ? toPublicIssue(row) : undefined;
}

/** The public issues just before and just after a date (for "no paper that day"). */
export async function getNearestPublicIssues({ date }: { date: string }): Promise<{ before: string | null; after: string | null }> {
  const db = getDb();
  const before = firstRow(await db
    .select({ date: issues.date })
    .from(issues)
    .where(and(lt(issues.date, date), issueIsPublic))
    .orderBy(desc(issues.date)));
  const after = firstRow(await db
    .select({ date: issues.date })
    .from(issues)
    .where(and(sql`${issues.date} > ${date}`, issueIsPublic))
    .orderBy(asc(issues.date)));
  return { before: before?.date ?? null, after: after?.date ?? null };
}

export type PublicIssueMonth = { month: string; issues: number };

/** Months that have public issues, newest first ("2024-03"). */
export async function listPublicIssueMonths(): Promise<PublicIssueMonth[]> {
  const month = sql<string>`substr(${issues.date}, 1, 7)`;
  return (await getDb()
    .select({ month, issues: count() })
    .from(issues)
    .where(issueIsPublic)
    .groupBy(month)
    .orderBy(desc(month)));
}

export type PublicIssueDay = { date: string; issueNo: number | null; totalIssueNo: number | null };

/** Public issues with from <= date < to (YYYY-MM-DD), oldest first: one month of the archive calendar. */
export async function listPublicIssuesBetween({ from, to }: { from: string; to: string }): Promise<PublicIssueDay[]> {
  return (await getDb()
    .select({ date: issues.date, issueNo: issues.issueNo, totalIssueNo: issues.totalIssueNo })
    .from(issues)
    .where(and(gte(issues.date, from), lt(issues.date, to), issueIsPublic))
    .orderBy(asc(issues.date)));
}
