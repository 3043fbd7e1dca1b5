export const THROTTLE_MAX_FAILURES = 5;
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;

export type ThrottleDecision = { throttled: false } | { throttled: true; retryAt: number };

/**
 * Sign-in throttling per email. Refused attempts are not counted as failures, so
 * the lock ends when the oldest of the five failures leaves the window.
 */
export function decideThrottle(
  failureTimes: readonly number[],
  now: number,
  { max = THROTTLE_MAX_FAILURES, windowMs = THROTTLE_WINDOW_MS } = {},
): ThrottleDecision {
  const recent = failureTimes.filter((t) => t > now - windowMs && t <= now).sort((a, b) => b - a);
  const anchor = recent[max - 1];
  if (anchor === undefined) return { throttled: false };
  return { throttled: true, retryAt: anchor + windowMs };
}
