/*
 * When a signed-in session ends (OWASP ASVS 5.0 V7.3, NIST SP 800-63B §7.2): when its person signs
 * out, after a stretch without their activity (idle), and at a fixed time after sign-in whatever
 * they do (absolute). The cookie's own expiry cannot be the limit: next-auth renews it as it is
 * used, and a copied cookie keeps whatever expiry it was given. So the server keeps one row per
 * sign-in (db/queries/sessions.ts) and this decides, on every request, whether it still lives.
 */

export type SessionTimes = { createdAt: Date; lastSeenAt: Date; endedAt: Date | null };

export type SessionLimits = {
  /** Without a request of the person's own for this long, the session ends. */
  idleMs: number;
  /** This long after sign-in the session ends, however active. */
  absoluteMs: number;
};

/**
 * The last-seen time is written at most this often, so a burst of autosaves does not write a row
 * each; the idle limit is therefore kept to within this much.
 */
export const SESSION_TOUCH_INTERVAL_MS = 60_000;

export type SessionVerdict = { live: true; touch: boolean } | { live: false; reason: "ended" | "idle" | "expired" };

export function judgeSession(session: SessionTimes | undefined, now: Date, limits: SessionLimits): SessionVerdict {
  if (!session || session.endedAt) return { live: false, reason: "ended" };
  const t = now.getTime();
  if (t - session.createdAt.getTime() >= limits.absoluteMs) return { live: false, reason: "expired" };
  const idle = t - session.lastSeenAt.getTime();
  if (idle >= limits.idleMs) return { live: false, reason: "idle" };
  return { live: true, touch: idle >= SESSION_TOUCH_INTERVAL_MS };
}
