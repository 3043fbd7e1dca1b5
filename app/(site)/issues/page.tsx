import type { Metadata } from "next";
import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { dateLabel, monthLabel, weekdayHeadings } from "@/components/site/format";
import { SiteLink } from "@/components/site/site-link";
import { DateInput } from "@/components/ui/date-input";
import { Notice } from "@/components/ui/notice";
import { findPublicIssueByNumber, getNearestPublicIssues, getPublicIssueByDate, listPublicIssueMonths, listPublicIssuesBetween } from "@/db/queries/public/issues";
import {
  ARCHIVE_PATH,
  archivePath,
  isoDateInZone,
  issuePath,
  monthCalendar,
  monthKey,
  monthOfDate,
  monthRange,
  parseIssueLookup,
  parseMonthParam,
  type YearMonth,
} from "@/lib/public";
import { alternatesFor, getLatestIssue } from "../_lib/site";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("site");
  return { title: t("archiveTitle"), alternates: await alternatesFor(ARCHIVE_PATH) };
}

const field = "rounded border border-stone-400 bg-white px-2 py-1.5";
const button = "rounded bg-ink px-4 py-1.5 text-white hover:bg-stone-700";

/**
 * 往期: a month calendar of public issues, every month with issues, and two
 * GET forms that jump to an issue by date or by 期号 (they work without JavaScript).
 */
export default async function ArchivePage({ searchParams }: Props) {
  const params = await searchParams;
  const t = await getTranslations("site");
  const tCommon = await getTranslations("common");
  const locale = await getLocale();
  const lookup = parseIssueLookup(params);

  let problem: ReactNode = null;
  let lookedUpMonth: YearMonth | null = null;
  if (lookup.kind === "date") {
    if (await getPublicIssueByDate({ date: lookup.date })) redirect(issuePath(lookup.date));
    const nearest = await getNearestPublicIssues({ date: lookup.date });
    lookedUpMonth = monthOfDate(lookup.date);
    problem = (
      <>
        {t("noIssueOnDate", { date: dateLabel(lookup.date, locale) })}
        {nearest.before ? (
          <>
            {" "}
            <SiteLink href={issuePath(nearest.before)} className="underline">
              {t("nearestBefore", { date: dateLabel(nearest.before, locale) })}
            </SiteLink>
          </>
        ) : null}
        {nearest.after ? (
          <>
            {" "}
            <SiteLink href={issuePath(nearest.after)} className="underline">
              {t("nearestAfter", { date: dateLabel(nearest.after, locale) })}
            </SiteLink>
          </>
        ) : null}
      </>
    );
  } else if (lookup.kind === "number") {
    const found = await findPublicIssueByNumber({ no: lookup.no, year: lookup.year });
    if (found) redirect(issuePath(found.date));
    problem = t("noIssueWithNumber", { no: lookup.no });
  } else if (lookup.kind === "badDate") {
    problem = t("invalidDate");
  } else if (lookup.kind === "badNumber") {
    problem = t("invalidNumber");
  }

  const latest = (await getLatestIssue());
  const month = parseMonthParam(params.month) ?? lookedUpMonth ?? monthOfDate(latest?.date ?? isoDateInZone(new Date()));
  const key = monthKey(month);
  const months = await listPublicIssueMonths();
  const earlier = months.find((m) => m.month < key);
  const later = [...months].reverse().find((m) => m.month > key);
  const issuesByDate = new Map((await listPublicIssuesBetween(monthRange(month))).map((i) => [i.date, i]));
  const years = [...new Set(months.map((m) => m.month.slice(0, 4)))];
  const dateValue = lookup.kind === "date" ? lookup.date : "";

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-8">
      <h1 className="font-serif text-3xl font-bold">{t("archiveTitle")}</h1>

      {problem ? <Notice tone="warning">{problem}</Notice> : null}

      <div className="grid gap-6 sm:grid-cols-2">
        <form action={ARCHIVE_PATH} method="get" className="flex flex-col gap-2 rounded border border-stone-300 p-4">
          <h2 className="font-bold">{t("byDate")}</h2>
          <label htmlFor="lookup-date" className="text-sm">
            {t("dateLabel")}
          </label>
          <DateInput id="lookup-date" name="date" required defaultValue={dateValue} placeholder={tCommon("datePlaceholder")} className={field} />
          <button type="submit" className={`${button} self-start`}>
            {t("go")}
          </button>
        </form>
        <form action={ARCHIVE_PATH} method="get" className="flex flex-col gap-2 rounded border border-stone-300 p-4">
          <h2 className="font-bold">{t("byNumber")}</h2>
          <p id="lookup-no-hint" className="text-sm text-stone-600">
            {t("numberHint")}
          </p>
          <div className="flex flex-wrap gap-3">
            <div className="flex flex-col gap-1">
              <label htmlFor="lookup-no" className="text-sm">
                {t("numberLabel")}
              </label>
              <input id="lookup-no" name="no" required inputMode="numeric" aria-describedby="lookup-no-hint" className={`${field} w-28`} />
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor="lookup-year" className="text-sm">
                {t("yearLabel")}
              </label>
              <input id="lookup-year" name="year" inputMode="numeric" maxLength={4} className={`${field} w-24`} />
            </div>
          </div>
          <button type="submit" className={`${button} self-start`}>
            {t("go")}
          </button>
        </form>
      </div>

      <section aria-labelledby="calendar-heading">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="calendar-heading" className="text-xl font-bold">
            {monthLabel(month, locale)}
          </h2>
          <nav aria-label={t("monthNav")} className="flex gap-4 text-sm">
            {earlier ? (
              <SiteLink href={archivePath(earlier.month)} className="underline hover:text-accent">
                ← {t("prevMonth")}
              </SiteLink>
            ) : null}
            {later ? (
              <SiteLink href={archivePath(later.month)} className="underline hover:text-accent">
                {t("nextMonth")} →
              </SiteLink>
            ) : null}
          </nav>
        </div>
        <table className="mt-3 w-full table-fixed border-collapse text-center">
          <caption className="sr-only">{t("calendarCaption", { month: monthLabel(month, locale) })}</caption>
          <thead>
            <tr>
              {weekdayHeadings(locale).map((d) => (
                <th key={d} scope="col" className="py-1 text-sm font-medium text-stone-600">
                  {d}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {monthCalendar(month).map((week, w) => (
              <tr key={w}>
                {week.map((date, d) => {
                  if (date === null) return <td key={d} className="border border-stone-200" />;
                  const day = Number(date.slice(8));
                  const issue = issuesByDate.get(date);
                  return (
                    <td key={d} className="h-12 border border-stone-200 p-0">
                      {issue ? (
                        <SiteLink href={issuePath(date)} className="flex h-full flex-col items-center justify-center bg-accent/10 font-bold text-accent hover:bg-accent hover:text-white">
                          <span aria-hidden="true">{day}</span>
                          <span className="sr-only">{dateLabel(date, locale)}</span>
                          {issue.issueNo !== null ? <span className="text-xs font-normal">{t("issueNoShort", { no: issue.issueNo })}</span> : null}
                        </SiteLink>
                      ) : (
                        <span className="text-stone-500">{day}</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {issuesByDate.size === 0 ? <p className="mt-2 text-sm text-stone-600">{t("noIssuesInMonth")}</p> : null}
      </section>

      {years.length > 0 ? (
        <section aria-labelledby="months-heading">
          <h2 id="months-heading" className="text-xl font-bold">
            {t("months")}
          </h2>
          <ul className="mt-3 flex flex-col gap-3">
            {years.map((year) => (
              <li key={year}>
                <h3 className="font-bold">{year}</h3>
                <ul className="mt-1 flex flex-wrap gap-2 text-sm">
                  {months
                    .filter((m) => m.month.startsWith(year))
                    .map((m) => {
                      const ym = parseMonthParam(m.month);
                      return (
                        <li key={m.month}>
                          <SiteLink
                            href={archivePath(m.month)}
                            aria-current={m.month === key ? "page" : undefined}
                            className="block rounded border border-stone-300 px-2 py-1 hover:border-accent aria-[current=page]:border-accent aria-[current=page]:font-bold"
                          >
                            {ym ? monthLabel(ym, locale) : m.month} ({t("monthIssues", { count: m.issues })})
                          </SiteLink>
                        </li>
                      );
                    })}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
