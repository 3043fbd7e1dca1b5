import { z } from "zod";
import { ROLES } from "@/lib/vocabulary";
import { PASSWORD_MAX_LENGTH } from "@/lib/auth/password-limits";

// Messages are i18n keys; actions translate them.
const email = z.string().trim().min(1, "validation.required").max(320, "validation.tooLong").pipe(z.email("validation.email"));
const name = z.string().trim().min(1, "validation.required").max(100, "validation.tooLong");
const role = z.enum(ROLES, { message: "validation.role" });
const password = z.string().min(1, "validation.required").max(PASSWORD_MAX_LENGTH, "password.too_long");
const userId = z.coerce.number().int().positive();

export const createUserSchema = z.object({ name, email, role, password });
export const changeRoleSchema = z.object({ userId, role });
export const setActiveSchema = z.object({ userId, active: z.enum(["true", "false"]).transform((v) => v === "true") });
export const resetPasswordSchema = z.object({ userId, password });
export const changeOwnPasswordSchema = z.object({
  current: z.string().min(1, "validation.required").max(PASSWORD_MAX_LENGTH, "password.too_long"),
  password,
  confirm: z.string(),
});
