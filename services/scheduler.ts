import "server-only";
import { publishDueArticles } from "@/db/queries/article-workflow";
import { refreshQueryPlannerStatistics } from "@/db/queries/health";
import { sendPendingNotificationMailInBackground } from "./notification-mail";

const TICK_MS = 15_000;
/** The archive grows all day; the planner's statistics are brought up to date hourly. */
const STATISTICS_MS = 60 * 60_000;
const holder = globalThis as unknown as { folioScheduler?: ReturnType<typeof setInterval>; folioStatistics?: ReturnType<typeof setInterval> };

/** Publishes due scheduled articles and e-mails waiting notifications every few seconds, with nobody signed in, and refreshes the planner statistics hourly. Errors are logged, never thrown. */
export function startScheduler(): void {
  if (holder.folioScheduler) return;
  // A tick still running when the next is due (a slow disk, a long transaction) is not joined by another.
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const n = await publishDueArticles();
      if (n > 0) console.info(`scheduler: published ${n} article(s)`);
    } catch (e) {
      console.error("scheduler tick failed", e);
    } finally {
      running = false;
    }
    // Notifications by e-mail when SMTP_URL is set (the notices table is the outbox).
    sendPendingNotificationMailInBackground();
  };
  holder.folioScheduler = setInterval(() => void tick(), TICK_MS);
  holder.folioScheduler.unref?.();
  void tick();
  holder.folioStatistics = setInterval(() => {
    try {
      refreshQueryPlannerStatistics();
    } catch (e) {
      console.error("refreshing planner statistics failed", e);
    }
  }, STATISTICS_MS);
  holder.folioStatistics.unref?.();
}
