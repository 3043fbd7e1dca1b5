/*
 * Sign-in throttling: how many wrong passwords an account takes, and from where.
 *
 * Two budgets, so a stranger can neither guess a password nor lock its owner out:
 * - per account AND source (an address, or a known device): five wrong passwords go unhindered,
 *   then each further one waits twice as long as the one before (30 s, 1 min, 2 min … 15 min).
 *   A success from that source wipes its slate; a day without a failure does too.
 * - per account, over every device that is not known: at most 20 wrong passwords in any hour,
 *   the budget the old rule (5 per 15 minutes) gave a guesser too, so spreading the guesses over
 *   many addresses gains nothing. A device that recently signed in to this account (a signed
 *   cookie, lib/auth/known-device.ts) is not held by it: only its own failures slow it down.
 * Refused attempts are not recorded as failures, so waiting always ends.
 */

export const SIGN_IN_THROTTLE = {
  /** Per account and source: this many failures in a row go unhindered… */
  freeFailures: 5,
  /** …then the next attempt waits this long after the last failure, doubling with each further one… */
  firstDelayMs: 30_000,
  /** …up to this. */
  maxDelayMs: 15 * 60_000,
  /** A source's failures older than this are forgotten. */
  sourceMemoryMs: 24 * 60 * 60_000,
  /** Per account, over all unknown devices: this many failures… */
  accountCeiling: 20,
  /** …within this window. */
  accountWindowMs: 60 * 60_000,
};

export type ThrottlePolicy = typeof SIGN_IN_THROTTLE;

/** One recorded attempt at an account's password. */
export type SignInAttempt = {
  at: number;
  /** Where it came from: `device:<id>` for a known device, else `ip:<address>`. */
  source: string;
  knownDevice: boolean;
  success: boolean;
};

export type ThrottleDecision = { throttled: false } | { throttled: true; retryAt: number; scope: "source" | "account" };

/** How far back decideThrottle needs to see an account's attempts. */
export function throttleLookback(policy: ThrottlePolicy = SIGN_IN_THROTTLE): number {
  return Math.max(policy.sourceMemoryMs, policy.accountWindowMs);
}

/** The wait after the n-th failure in a row from one source (0 while within the free ones). */
export function sourceDelayMs(failures: number, policy: ThrottlePolicy = SIGN_IN_THROTTLE): number {
  if (failures < policy.freeFailures) return 0;
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (failures - policy.freeFailures));
}

/**
 * Whether an attempt at this account from this source may go ahead now. `attempts` are the
 * account's recorded attempts, in any order.
 */
export function decideThrottle(
  attempts: readonly SignInAttempt[],
  attempt: { source: string; knownDevice: boolean },
  now: number,
  policy: ThrottlePolicy = SIGN_IN_THROTTLE,
): ThrottleDecision {
  const past = attempts.filter((a) => a.at <= now).sort((a, b) => a.at - b.at);

  // This source's failures since its last success, within its memory.
  let failures = 0;
  let lastFailure = 0;
  for (const a of past) {
    if (a.source !== attempt.source || a.at <= now - policy.sourceMemoryMs) continue;
    if (a.success) failures = 0;
    else {
      failures += 1;
      lastFailure = a.at;
    }
  }
  const wait = sourceDelayMs(failures, policy);
  if (wait > 0 && now < lastFailure + wait) return { throttled: true, retryAt: lastFailure + wait, scope: "source" };

  if (!attempt.knownDevice) {
    const strangers = past.filter((a) => !a.success && !a.knownDevice && a.at > now - policy.accountWindowMs);
    if (strangers.length >= policy.accountCeiling) {
      const anchor = strangers[strangers.length - policy.accountCeiling] as SignInAttempt;
      return { throttled: true, retryAt: anchor.at + policy.accountWindowMs, scope: "account" };
    }
  }
  return { throttled: false };
}
