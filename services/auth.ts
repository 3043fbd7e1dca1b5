import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { cookies } from "next/headers";
import { listRecentAttempts, markLoginAttemptSucceeded, recordLoginAttempt } from "@/db/queries/login-attempts";
import { endSession, getSession, startSession, touchSession } from "@/db/queries/sessions";
import { getUserByEmail, normalizeEmail } from "@/db/queries/users";
import { audit, recordAudit } from "@/services/audit";
import { env } from "@/lib/env";
import { isDatabaseBusy } from "@/lib/errors";
import { clientIpFrom, requestIsHttps } from "@/lib/request-info";
import { decodeKnownDevice, encodeKnownDevice, isKnownFor, knownDeviceCookie, rememberSignIn, type KnownDevice } from "@/lib/auth/known-device";
import { verifyAgainstDecoy, verifyPassword } from "@/lib/auth/password";
import { PASSWORD_MAX_LENGTH } from "@/lib/auth/password-limits";
import { throttledError } from "@/lib/auth/signin-errors";
import { judgeSession, type SessionLimits } from "@/lib/auth/sessions";
import { decideThrottle, throttleLookback } from "@/lib/auth/throttle";

const credentialsSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

/** What a successful sign-in hands next-auth: who, their session version, and the id of the new session row. */
export type SignedIn = { id: string; email: string; name: string; sv: number; sid: string };

/** Where an attempt comes from: the client's address and browser, and the device its cookie names (lib/auth/known-device.ts). */
export type SignInFrom = { ip: string | null; userAgent?: string | null; device?: KnownDevice | null };

/**
 * The credentials check: throttled per account and source, and per account over unknown devices
 * (lib/auth/throttle.ts), then the password. A success starts a session and returns the device
 * to remember in the browser's cookie; a throttled attempt throws `Throttled:<seconds>`.
 */
export async function authorizeCredentials(
  raw: Record<string, unknown> | undefined,
  from: SignInFrom,
): Promise<{ user: SignedIn; device: KnownDevice } | null> {
  const parsed = credentialsSchema.safeParse(raw ?? {});
  if (!parsed.success) return null;
  const email = normalizeEmail(parsed.data.email);
  const { ip } = from;
  const now = Date.now();
  const user = await getUserByEmail({ email });
  const device = from.device ?? null;
  const knownDevice = user !== undefined && device !== null && isKnownFor(device, user.id, now);
  const source = knownDevice && device ? `device:${device.id}` : `ip:${ip ?? "unknown"}`;

  const decision = decideThrottle(await listRecentAttempts({ email, since: now - throttleLookback() }), { source, knownDevice }, now);
  if (decision.throttled) {
    await recordAudit({
      action: "auth.signin.throttled",
      actorEmail: email,
      detail: { retryAt: new Date(decision.retryAt).toISOString(), scope: decision.scope, knownDevice },
      ip,
    });
    throw new Error(throttledError(decision.retryAt - now));
  }

  // Counted as a failure before the (slow) password check, so a burst of parallel
  // guesses sees its own attempts; turned into a success only when it is one.
  const attemptId = await recordLoginAttempt({ email, success: false, ip, source, knownDevice });
  const passwordOk = user
    ? await verifyPassword(user.passwordHash, parsed.data.password)
    : await verifyAgainstDecoy(parsed.data.password);

  if (!user || !passwordOk || !user.active) {
    await recordAudit({
      action: "auth.signin.failure",
      actorId: user?.id ?? null,
      actorEmail: email,
      detail: { reason: !user ? "unknown_email" : !passwordOk ? "wrong_password" : "deactivated", knownDevice },
      ip,
    });
    return null;
  }

  await markLoginAttemptSucceeded({ id: attemptId });
  const sid = await startSession({ userId: user.id, ip, userAgent: from.userAgent ?? null });
  await recordAudit({ action: "auth.signin.success", actorId: user.id, actorEmail: email, detail: { knownDevice }, ip });
  return {
    user: { id: String(user.id), email: user.email, name: user.name, sv: user.sessionVersion, sid },
    device: rememberSignIn(device, user.id, now),
  };
}

export function sessionLimits(): SessionLimits {
  const { SESSION_IDLE_MINUTES, SESSION_MAX_HOURS } = env();
  return { idleMs: SESSION_IDLE_MINUTES * 60_000, absoluteMs: SESSION_MAX_HOURS * 3_600_000 };
}

/**
 * Whether the session a cookie names still lives (lib/auth/sessions.ts). One that has just timed
 * out is ended on the server and audited. With `activity`, the request counts as the person's own
 * and renews the idle limit; background requests (the edit lock's heartbeat) pass false.
 */
export async function sessionLives(sessionId: unknown, { activity }: { activity: boolean }): Promise<boolean> {
  if (typeof sessionId !== "string" || sessionId === "") return false;
  const now = new Date();
  const session = await getSession({ sessionId });
  const verdict = judgeSession(session, now, sessionLimits());
  if (!verdict.live) {
    if (session && verdict.reason !== "ended" && await endSession({ sessionId, reason: verdict.reason, now })) {
      await recordAudit({ action: `auth.session.${verdict.reason}`, actorId: session.userId, targetType: "user", targetId: session.userId, ip: null });
    }
    return false;
  }
  if (activity && verdict.touch) {
    // The last-seen time is written at most once a minute anyway: while another process holds the
    // database's write lock (a restore, a long script) the request is served without it and the
    // next one writes it (the idle limit then counts from the last written, a little sooner).
    // Failing the request for it made every desk view during the wait a 500.
    try {
      await touchSession({ sessionId, now });
    } catch (e) {
      if (!isDatabaseBusy(e)) throw e;
    }
  }
  return true;
}

export function authOptions(): NextAuthOptions {
  return {
    secret: env().AUTH_SECRET,
    // The cookie lasts no longer than the absolute limit; the server's session row decides the rest.
    session: { strategy: "jwt", maxAge: env().SESSION_MAX_HOURS * 60 * 60 },
    pages: { signIn: "/login", error: "/login" },
    logger: {
      // A tampered or stale cookie is an expected "signed out", not an error worth a stack trace.
      error(code, metadata) {
        if (code === "JWT_SESSION_ERROR") return;
        console.error(`[next-auth] ${code}`, metadata);
      },
      warn: (code) => console.warn(`[next-auth] ${code}`),
      debug: () => {},
    },
    providers: [
      CredentialsProvider({
        name: "Folio",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        authorize: async (credentials, req) => {
          const header = (n: string) => {
            const v = req?.headers?.[n];
            return Array.isArray(v) ? v[0] : v;
          };
          // The known-device cookie is read and renewed here: authorize runs inside the route
          // handler, whose cookies() Next adds to next-auth's answer.
          const jar = await cookies();
          const https = await requestIsHttps();
          const cookie = knownDeviceCookie(https);
          const signedIn = await authorizeCredentials(credentials, {
            ip: clientIpFrom(header),
            userAgent: header("user-agent") ?? null,
            device: decodeKnownDevice(jar.get(cookie.name)?.value, env().AUTH_SECRET),
          });
          if (!signedIn) return null;
          jar.set(cookie.name, encodeKnownDevice(signedIn.device, env().AUTH_SECRET), cookie.options);
          return signedIn.user;
        },
      }),
    ],
    events: {
      // Signing out ends the session on the server, so a copy of the cookie is worth nothing after.
      async signOut({ token }) {
        const sid = (token as { sid?: unknown } | null)?.sid;
        if (typeof sid !== "string" || !await endSession({ sessionId: sid, reason: "sign_out" })) return;
        const userId = Number(token.sub);
        await audit({ action: "auth.signout", actorId: Number.isInteger(userId) ? userId : null, actorEmail: token.email ?? null });
      },
    },
    callbacks: {
      async jwt({ token, user }) {
        // The token carries only identity, the session version and the session's id; role and
        // active state are read from the database on every request.
        if (user) {
          const signedIn = user as Partial<SignedIn>;
          token.sv = signedIn.sv;
          token.sid = signedIn.sid;
          return token;
        }
        // Every later read (getServerSession, /api/auth/session): a session the server ended is
        // none. next-auth answers a throw here with "no session" and clears the cookie.
        if (!await sessionLives(token.sid, { activity: false })) throw new Error("session ended");
        return token;
      },
      session({ session, token }) {
        // The session id is no secret on its own: a cookie is a JWT encrypted with AUTH_SECRET.
        return { ...session, userId: token.sub, sv: token.sv, sid: token.sid };
      },
    },
  };
}
