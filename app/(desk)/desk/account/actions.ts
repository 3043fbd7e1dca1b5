"use server";

import { redirect } from "next/navigation";
import { listRecentAttempts, recordLoginAttempt } from "@/db/queries/login-attempts";
import { getUserById, updateUser } from "@/db/queries/users";
import type { ActionState } from "@/lib/action-state";
import { fieldErrorsFrom, runAction } from "@/lib/actions";
import { audit } from "@/services/audit";
import { checkPasswordPolicy, hashPassword, verifyPassword } from "@/lib/auth/password";
import { requireUser } from "@/services/session";
import { decideThrottle, throttleLookback } from "@/lib/auth/throttle";
import { requestIp } from "@/lib/request-info";
import { AppError } from "@/lib/errors";
import { changeOwnPasswordSchema } from "@/lib/validations/users";

export async function changeOwnPasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let changed = false;
  const state = await runAction(async (t) => {
    const me = await requireUser(null, "action:changeOwnPassword");
    const parsed = changeOwnPasswordSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsFrom(parsed.error, t) };
    const { current, password, confirm } = parsed.data;
    const user = await getUserById({ id: me.id });
    if (!user) throw new AppError("not_found");
    // Guessing the current password shares the sign-in budget of an unknown device (its address's
    // delay and the account's ceiling): a stolen session cannot brute-force it.
    const now = Date.now();
    const ip = await requestIp();
    const from = { source: `ip:${ip ?? "unknown"}`, knownDevice: false };
    if (decideThrottle(await listRecentAttempts({ email: user.email, since: now - throttleLookback() }), from, now).throttled)
      return { ok: false, message: t("login.throttled") };
    if (!(await verifyPassword(user.passwordHash, current))) {
      await recordLoginAttempt({ email: user.email, success: false, ip, ...from });
      await audit({ action: "user.password_change_failed", actorId: me.id, actorEmail: me.email, targetType: "user", targetId: me.id });
      return { ok: false, fieldErrors: { current: t("password.wrongCurrent") } };
    }
    const problem = checkPasswordPolicy(password);
    if (problem) return { ok: false, fieldErrors: { password: t(`password.${problem}`) } };
    if (password !== confirm) return { ok: false, fieldErrors: { confirm: t("password.mismatch") } };
    // Every session ends, this one included: a session stolen before the change must not outlive it.
    await updateUser({ id: me.id, changes: { passwordHash: await hashPassword(password) }, endSessions: true });
    await audit({ action: "user.password_change", actorId: me.id, actorEmail: me.email, targetType: "user", targetId: me.id });
    changed = true;
    return { ok: true, message: t("password.changed") };
  });
  // Outside runAction: redirect() works by throwing.
  if (changed) redirect("/login?passwordChanged=1");
  return state;
}
