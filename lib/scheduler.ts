import "server-only";
import { publishDueArticles } from "@/db/queries/article-workflow";

const TICK_MS = 15_000;
const holder = globalThis as unknown as { folioScheduler?: ReturnType<typeof setInterval> };

/** Publishes due scheduled articles every few seconds, with nobody signed in. Errors are logged, never thrown. */
export function startScheduler(): void {
  if (holder.folioScheduler) return;
  const tick = () => {
    try {
      const n = publishDueArticles();
      if (n > 0) console.info(`scheduler: published ${n} article(s)`);
    } catch (e) {
      console.error("scheduler tick failed", e);
    }
  };
  holder.folioScheduler = setInterval(tick, TICK_MS);
  holder.folioScheduler.unref?.();
  tick();
}
