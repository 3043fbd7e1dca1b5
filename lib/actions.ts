import "server-only";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import type { ActionState } from "@/lib/action-state";
import { expectedError } from "@/lib/errors";

export type Translate = Awaited<ReturnType<typeof getTranslations>>;

/** Turns zod issues (whose messages are i18n keys) into translated field errors. */
export function fieldErrorsFrom(error: z.ZodError, t: Translate): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    if (out[field]) continue;
    const max = issue.code === "too_big" ? Number(issue.maximum) : undefined;
    out[field] = t.has(issue.message) ? t(issue.message, { max: max ?? 0 }) : t("errors.invalid");
  }
  return out;
}

/**
 * Runs an action body and maps expected failures (AppError, a busy database) to a translated
 * message; anything else is logged and shown as a plain "unexpected" message.
 */
export async function runAction<R extends { ok: boolean; message?: string } = ActionState>(
  body: (t: Translate) => Promise<R>,
): Promise<R | { ok: false; message: string }> {
  const t = await getTranslations();
  try {
    return await body(t);
  } catch (e) {
    const expected = expectedError(e);
    if (expected) return { ok: false, message: t(`errors.${expected.code}`) };
    // redirect()/forbidden() signal by throwing: let Next.js handle them.
    if (e instanceof Error && "digest" in e) throw e;
    console.error("action failed", e);
    return { ok: false, message: t("errors.unexpected") };
  }
}
