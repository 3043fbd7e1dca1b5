import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { listRecentFailures, markLoginAttemptSucceeded, recordLoginAttempt } from "@/db/queries/login-attempts";
import { getUserByEmail, normalizeEmail } from "@/db/queries/users";
import { recordAudit } from "@/services/audit";
import { env } from "@/lib/env";
import { clientIpFrom } from "@/lib/request-info";
import { verifyAgainstDecoy, verifyPassword } from "@/lib/auth/password";
import { PASSWORD_MAX_LENGTH } from "@/lib/auth/password-limits";
import { SIGNIN_ERROR } from "@/lib/auth/signin-errors";
import { decideThrottle, THROTTLE_WINDOW_MS } from "@/lib/auth/throttle";

const credentialsSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

export async function authorizeCredentials(
  raw: Record<string, unknown> | undefined,
  ip: string | null,
): Promise<{ id: string; email: string; name: string; sv: number } | null> {
  const parsed = credentialsSchema.safeParse(raw ?? {});
  if (!parsed.success) return null;
  const email = normalizeEmail(parsed.data.email);
  const now = Date.now();

  const decision = decideThrottle(listRecentFailures({ email, since: now - THROTTLE_WINDOW_MS }), now);
  if (decision.throttled) {
    recordAudit({
      action: "auth.signin.throttled",
      actorEmail: email,
      detail: { retryAt: new Date(decision.retryAt).toISOString() },
      ip,
    });
    throw new Error(SIGNIN_ERROR.throttled);
  }

  // Counted as a failure before the (slow) password check, so a burst of parallel
  // guesses sees its own attempts; turned into a success only when it is one.
  const attemptId = recordLoginAttempt({ email, success: false, ip });
  const user = getUserByEmail({ email });
  const passwordOk = user
    ? await verifyPassword(user.passwordHash, parsed.data.password)
    : await verifyAgainstDecoy(parsed.data.password);

  if (!user || !passwordOk || !user.active) {
    recordAudit({
      action: "auth.signin.failure",
      actorId: user?.id ?? null,
      actorEmail: email,
      detail: { reason: !user ? "unknown_email" : !passwordOk ? "wrong_password" : "deactivated" },
      ip,
    });
    return null;
  }

  markLoginAttemptSucceeded({ id: attemptId });
  recordAudit({ action: "auth.signin.success", actorId: user.id, actorEmail: email, ip });
  return { id: String(user.id), email: user.email, name: user.name, sv: user.sessionVersion };
}

export function authOptions(): NextAuthOptions {
  return {
    secret: env().AUTH_SECRET,
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
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
        authorize: (credentials, req) =>
          authorizeCredentials(
            credentials,
            clientIpFrom((n) => {
              const v = req?.headers?.[n];
              return Array.isArray(v) ? v[0] : v;
            }),
          ),
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        // The token carries only identity and the session version; role and active
        // state are read from the database on every request.
        if (user) token.sv = (user as { sv?: number }).sv;
        return token;
      },
      session({ session, token }) {
        return { ...session, userId: token.sub, sv: token.sv };
      },
    },
  };
}
