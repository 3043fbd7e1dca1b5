import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { getUserById } from "@/db/queries/users";
import type { User } from "@/db/schema";
import { audit } from "@/services/audit";
import { AppError } from "@/lib/errors";
import { requestPath } from "@/lib/request-info";
import { can, type Capability } from "@/lib/auth/roles";
import { authOptions, sessionLives } from "./auth";

export type SessionUser = Pick<User, "id" | "email" | "name" | "role">;

/**
 * The signed-in user as the database knows them now. A token of a deactivated user, one issued
 * before a role change or password reset, or one whose session has ended (signed out, idle, past
 * its absolute limit: services/auth.ts sessionLives) yields null. `activity` false is for
 * background requests that must not keep an idle session alive.
 */
// Memoized per request: the desk layout and its page both ask.
export const getCurrentUser = cache(async function getCurrentUser(activity: boolean = true): Promise<SessionUser | null> {
  let session;
  try {
    session = (await getServerSession(authOptions())) as { userId?: string; sv?: number; sid?: string } | null;
  } catch {
    return null; // a tampered or undecryptable cookie is simply "not signed in"
  }
  const id = Number(session?.userId);
  if (!session || !Number.isInteger(id)) return null;
  const user = await getUserById({ id });
  if (!user || !user.active || user.sessionVersion !== session.sv) return null;
  if (!await sessionLives(session.sid, { activity })) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});

// Once per request and place, however many components check.
const refuse = cache(async function refuse(user: SessionUser | null, where: string, capability: Capability | null) {
  await audit({
    action: user ? "authz.forbidden" : "authz.unauthenticated",
    actorId: user?.id ?? null,
    actorEmail: user?.email ?? null,
    targetType: "route",
    targetId: where,
    detail: capability ? { capability } : null,
  });
});

/** For desk pages: redirects to sign-in, or renders the 403 page. */
export async function requirePageUser(capability: Capability | null = null): Promise<SessionUser> {
  const user = await getCurrentUser();
  const path = (await requestPath()) ?? "/desk";
  if (!user) {
    await refuse(null, path, capability);
    redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  }
  if (capability && !can(user.role, capability)) {
    await refuse(user, path, capability);
    forbidden();
  }
  return user;
}

/**
 * For server actions and route handlers: throws AppError, which callers map to a message or status.
 * `activity: false` for requests the page makes by itself (a heartbeat), which must not keep an
 * idle session alive.
 */
export async function requireUser(capability: Capability | null, where: string, { activity = true }: { activity?: boolean } = {}): Promise<SessionUser> {
  const user = await getCurrentUser(activity);
  if (!user) {
    await refuse(null, where, capability);
    throw new AppError("unauthenticated");
  }
  if (capability && !can(user.role, capability)) {
    await refuse(user, where, capability);
    throw new AppError("forbidden");
  }
  return user;
}
