/**
 * The soft lock ("being edited by X since HH:MM") lives only as long as someone keeps it: the
 * open editor renews it every LOCK_HEARTBEAT_SECONDS, and it lapses LOCK_SECONDS after the last
 * renewal. So a browser that closed without a word (crash, lost network, lid shut) holds it for
 * a minute and a half at most, not the five minutes it used to. Submitting and leaving the page
 * release it at once.
 */
export const LOCK_HEARTBEAT_SECONDS = 30;
/** Three heartbeats: one late or lost renewal does not drop the lock of someone still typing. */
export const LOCK_SECONDS = 3 * LOCK_HEARTBEAT_SECONDS;

/** Where a leaving page's beacon releases its lock (a POST with the session cookie, no body). */
export function lockReleasePath(articleId: number): string {
  return `/api/articles/${articleId}/lock`;
}
