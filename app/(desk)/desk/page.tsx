import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/desk/page-title";
import { MarkAllRead, NotificationList } from "@/components/desk/notification-list";
import { deskHomeLists, type ShortlistRow } from "@/db/queries/desk-home";
import { listIssues, listPagesWithArticles } from "@/db/queries/issues";
import { countUnreadNotifications, listNotifications } from "@/db/queries/notifications";
import { listReviewQueue } from "@/db/queries/review-queue";
import { can } from "@/lib/auth/roles";
import { focusIssue, pageProgress } from "@/lib/desk/desk-home";
import { readinessInput } from "@/lib/desk/issue-readiness-input";
import { bellItemsOf } from "@/lib/desk/notifications";
import { isoDateInZone } from "@/lib/public/dates";
import { allowedActions, checkIssueReadiness } from "@/lib/workflow";
import { requirePageUser } from "@/services/session";
import { PageProgressRow, Placed, ShortlistCard, StageKey } from "./_components/home-cards";
import { markAllNotificationsReadAction, openNotificationAction } from "./notifications/actions";

/**
 * The desk home, a newsroom's morning: the issue being made and what stands between it and
 * the press, then this person's own lists (drafts, sent back, waiting for their review), what is
 * scheduled and what went out lately, each with its count and a link to the whole list.
 */
export default async function DeskHome() {
  const user = await requirePageUser();
  const t = await getTranslations();
  const format = await getFormatter();
  const now = new Date();
  const today = isoDateInZone(now);
  const issue = focusIssue(await listIssues(), today);
  const pages = issue ? await listPagesWithArticles({ issueId: issue.id }) : [];
  const progress = issue ? pageProgress(pages, issue.pageCount) : [];
  const blockers = issue ? checkIssueReadiness(readinessInput(pages, issue.pageCount)) : [];
  const titles = new Map(pages.flatMap((p) => p.articles.map((a) => [a.id, a.title || t("imports.untitled")] as const)));
  const storyCount = new Set(pages.flatMap((p) => p.articles.map((a) => a.id))).size;
  const publishedCount = new Set(pages.flatMap((p) => p.articles.filter((a) => a.state === "published").map((a) => a.id))).size;
  const lists = await deskHomeLists({ userId: user.id, now });
  const writes = can(user.role, "writeArticles");
  const reviews = can(user.role, "review");
  const waiting = reviews
    ? (await listReviewQueue({ userId: user.id })).filter((r) => allowedActions(r.workflow, { id: user.id, role: user.role }, now).includes("approve"))
    : [];
  const unread = await countUnreadNotifications({ userId: user.id });
  const notices = bellItemsOf(await listNotifications({ userId: user.id, limit: 5 }));
  type Row = Pick<ShortlistRow, "id" | "title" | "state" | "issueDate" | "pageNumber" | "sectionName"> &
    Partial<Pick<ShortlistRow, "updatedAt" | "scheduledAt" | "publishedAt">> & { submittedAt?: Date | null };
  const card = (
    key: "waitingForMe" | "sentBack" | "myDrafts" | "scheduled" | "recentlyPublished",
    list: { count: number; rows: Row[] },
    href: string,
    at: (row: Row) => Date | null | undefined,
    tone?: "blue" | "amber" | "purple" | "green",
  ) => ({ key, id: key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), ...list, href, at, tone });
  const cards = [
    ...(reviews ? [card("waitingForMe", { count: waiting.length, rows: waiting.slice(0, 5) }, "/desk/review?mine=1", (r) => r.submittedAt, "blue")] : []),
    ...(writes
      ? [
          card("sentBack", lists.sentBack, `/desk/articles?state=changes_requested&author=${user.id}`, (r) => r.updatedAt, "amber"),
          card("myDrafts", lists.myDrafts, `/desk/articles?state=draft&author=${user.id}`, (r) => r.updatedAt),
        ]
      : []),
    card("scheduled", lists.scheduled, "/desk/articles?state=scheduled", (r) => r.scheduledAt, "purple"),
    card("recentlyPublished", lists.recentlyPublished, "/desk/articles?state=published", (r) => r.publishedAt, "green"),
  ];
  const issueLabel = !issue ? null : issue.date === today ? "today" : issue.date > today ? "next" : "latest";

  return (
    <>
      <PageTitle title={t("desk.welcome", { name: user.name })} description={t("deskHome.today", { date: format.dateTime(now, { dateStyle: "full" }) })} />
      <div className="mb-6 grid items-start gap-4 lg:grid-cols-3">
        <section aria-labelledby="focus-issue" className="rounded border border-stone-300 bg-white p-4 lg:col-span-2">
          {issue ? (
            <>
              <header className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
                <div>
                  <p className="text-xs font-semibold tracking-wide text-accent uppercase">{t(`deskHome.issue.${issueLabel}`)}</p>
                  <h2 id="focus-issue" className="font-serif text-2xl font-bold">
                    <Link href={`/desk/issues/${issue.date}`} className="hover:underline">
                      {t("issues.issueTitle", { paper: issue.paper || t("deskHome.issue.paper"), date: issue.date })}
                    </Link>
                  </h2>
                  <p className="text-sm text-stone-600">
                    {t("issues.issueNumbers", { total: issue.totalIssueNo ?? "—", no: issue.issueNo ?? "—" })} · {t("deskHome.issue.pages", { count: progress.length })} ·{" "}
                    {t("deskHome.issue.published", { published: publishedCount, total: storyCount })}
                  </p>
                </div>
                <p
                  data-testid="readiness"
                  className={`rounded px-2 py-1 text-sm font-medium ${
                    issue.publishedAt ? "bg-green-700 text-white" : blockers.length === 0 ? "bg-green-100 text-green-900" : "bg-amber-100 text-amber-900"
                  }`}
                >
                  {issue.publishedAt ? t("deskHome.issue.isPublished") : blockers.length === 0 ? t("deskHome.issue.ready") : t("deskHome.issue.blocked", { count: blockers.length })}
                </p>
              </header>
              <ol aria-label={t("deskHome.issue.pagesLabel")} className="divide-y divide-stone-100">
                {progress.map((p) => (
                  <PageProgressRow key={p.number} page={p} issueDate={issue.date} />
                ))}
              </ol>
              <div className="mt-3 flex flex-wrap items-start justify-between gap-3">
                <StageKey />
                <Link href={`/desk/issues/${issue.date}`} className="text-sm text-accent hover:underline">
                  {t("deskHome.issue.open")}
                </Link>
              </div>
              {blockers.length > 0 && !issue.publishedAt ? (
                <ul aria-label={t("issues.blockers")} className="mt-3 list-disc space-y-0.5 border-t border-stone-100 pt-2 pl-5 text-sm text-amber-900">
                  {blockers.slice(0, 4).map((b, i) => (
                    <li key={i}>
                      {"articleId" in b ? t(`issues.blocker.${b.code}`, { page: b.page, title: titles.get(b.articleId) ?? "" }) : t(`issues.blocker.${b.code}`, { page: b.page })}
                    </li>
                  ))}
                  {blockers.length > 4 ? <li className="list-none text-stone-600">{t("deskHome.issue.moreBlockers", { count: blockers.length - 4 })}</li> : null}
                </ul>
              ) : null}
            </>
          ) : (
            <>
              <h2 id="focus-issue" className="text-lg font-semibold">
                {t("deskHome.issue.none")}
              </h2>
              <p className="mt-1 text-sm text-stone-700">{can(user.role, "importPages") ? t("deskHome.issue.startImport") : t("deskHome.issue.waitImport")}</p>
              {can(user.role, "importPages") ? (
                <Link href="/desk/imports/new" className="mt-3 inline-block rounded bg-accent px-3 py-1.5 text-sm font-medium text-white">
                  {t("imports.new")}
                </Link>
              ) : null}
            </>
          )}
        </section>
        <section aria-labelledby="for-you" className="rounded border border-stone-300 bg-white">
          <header className="flex items-baseline justify-between border-b border-stone-200 px-4 py-3">
            <h2 id="for-you" className="font-semibold">
              {t("deskHome.forYou", { count: unread })}
            </h2>
            {unread > 0 ? <MarkAllRead action={markAllNotificationsReadAction} /> : null}
          </header>
          <NotificationList items={notices} open={openNotificationAction} label={t("notifications.latest")} />
          <p className="border-t border-stone-100 px-4 py-2 text-right text-sm">
            <Link href="/desk/notifications" className="text-accent hover:underline">
              {t("notifications.all")}
            </Link>
          </p>
        </section>
      </div>
      <div className="grid grid-cols-[repeat(auto-fit,minmax(15rem,1fr))] items-start gap-4">
        {cards.map((card) => (
          <ShortlistCard
            key={card.id}
            id={card.id}
            title={t(`deskHome.lists.${card.key}`)}
            empty={t(`deskHome.empty.${card.key}`)}
            count={card.count}
            href={card.href}
            rows={card.rows}
            tone={card.tone}
            meta={(r) => <Placed row={r} at={card.at(r)} />}
          />
        ))}
      </div>
    </>
  );
}
