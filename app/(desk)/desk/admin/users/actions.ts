"use server";

import { revalidatePath } from "next/cache";
import { createUser, getUserByEmail, getUserById, updateUser, updateUserKeepingAnAdmin } from "@/db/queries/users";
import { keepValues, type ActionState } from "@/lib/action-state";
import { fieldErrorsFrom, runAction, type Translate } from "@/lib/actions";
import { audit } from "@/services/audit";
import { checkPasswordPolicy, hashPassword } from "@/lib/auth/password";
import { requireUser } from "@/services/session";
import { AppError } from "@/lib/errors";
import { changeRoleSchema, createUserSchema, resetPasswordSchema, setActiveSchema } from "@/lib/validations/users";

const PATH = "/desk/admin/users";

export async function createUserAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async (t) => {
    const admin = await requireUser("manageUsers", "action:createUser");
    const values = keepValues(formData, ["name", "email", "role"]);
    const refuse = (fieldErrors: Record<string, string>): ActionState => ({ ok: false, fieldErrors, values });
    const parsed = createUserSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return refuse(fieldErrorsFrom(parsed.error, t));
    const { name, email, role, password } = parsed.data;
    const problem = checkPasswordPolicy(password);
    if (problem) return refuse({ password: t(`password.${problem}`) });
    if (await getUserByEmail({ email })) return refuse({ email: t("users.emailTaken") });
    const passwordHash = await hashPassword(password);
    let user;
    try {
      user = await createUser({ name, email, role, passwordHash });
    } catch (e) {
      // Two admins creating the same email at once: the unique index decides.
      if (String(e).includes("UNIQUE")) return refuse({ email: t("users.emailTaken") });
      throw e;
    }
    await audit({
      action: "user.create",
      actorId: admin.id,
      actorEmail: admin.email,
      targetType: "user",
      targetId: user.id,
      detail: { email: user.email, role },
    });
    revalidatePath(PATH);
    return { ok: true, message: t("users.created", { email: user.email }) };
  });
}

/** A role or sign-in change the query refused: a user gone meanwhile is a 404, the last admin a message. */
function refused(reason: "not_found" | "last_admin", t: Translate): ActionState {
  if (reason === "not_found") throw new AppError("not_found");
  return { ok: false, message: t("users.lastAdmin") };
}

export async function changeRoleAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async (t) => {
    const admin = await requireUser("manageUsers", "action:changeRole");
    const parsed = changeRoleSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsFrom(parsed.error, t) };
    const { userId, role } = parsed.data;
    const outcome = await updateUserKeepingAnAdmin({ id: userId, changes: { role }, endSessions: true });
    if (!outcome.ok) return refused(outcome.reason, t);
    const { before: target } = outcome;
    if (target.role === role) return { ok: true };
    await audit({
      action: "user.role_change",
      actorId: admin.id,
      actorEmail: admin.email,
      targetType: "user",
      targetId: target.id,
      detail: { email: target.email, from: target.role, to: role },
    });
    revalidatePath(PATH);
    return { ok: true, message: t("users.roleChanged", { email: target.email, role: t(`roles.${role}`) }) };
  });
}

export async function setActiveAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async (t) => {
    const admin = await requireUser("manageUsers", "action:setActive");
    const parsed = setActiveSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsFrom(parsed.error, t) };
    const { userId, active } = parsed.data;
    const outcome = await updateUserKeepingAnAdmin({ id: userId, changes: { active }, endSessions: !active });
    if (!outcome.ok) return refused(outcome.reason, t);
    const { before: target } = outcome;
    if (target.active === active) return { ok: true };
    await audit({
      action: active ? "user.reactivate" : "user.deactivate",
      actorId: admin.id,
      actorEmail: admin.email,
      targetType: "user",
      targetId: target.id,
      detail: { email: target.email },
    });
    revalidatePath(PATH);
    return { ok: true, message: t(active ? "users.reactivated" : "users.deactivated", { email: target.email }) };
  });
}

export async function resetPasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async (t) => {
    const admin = await requireUser("manageUsers", "action:resetPassword");
    const parsed = resetPasswordSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsFrom(parsed.error, t) };
    const { userId, password } = parsed.data;
    const problem = checkPasswordPolicy(password);
    if (problem) return { ok: false, fieldErrors: { password: t(`password.${problem}`) } };
    const target = await getUserById({ id: userId });
    if (!target) throw new AppError("not_found");
    await updateUser({ id: target.id, changes: { passwordHash: await hashPassword(password) }, endSessions: true });
    await audit({
      action: "user.password_reset",
      actorId: admin.id,
      actorEmail: admin.email,
      targetType: "user",
      targetId: target.id,
      detail: { email: target.email },
    });
    revalidatePath(PATH);
    return { ok: true, message: t("users.passwordReset", { email: target.email }) };
  });
}
