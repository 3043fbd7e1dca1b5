import type { Role } from "@/lib/vocabulary";

type Target = { role: Role; active: boolean };

/**
 * There must always be an active admin: refuse a change that leaves an active
 * admin inactive or no longer admin when no other active admin exists.
 */
export function removesLastAdmin(
  target: Target,
  change: { role?: Role; active?: boolean },
  otherActiveAdmins: number,
): boolean {
  const wasActiveAdmin = target.role === "admin" && target.active;
  const staysActiveAdmin = (change.role ?? target.role) === "admin" && (change.active ?? target.active);
  return wasActiveAdmin && !staysActiveAdmin && otherActiveAdmins === 0;
}
