"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/locales";

/** Open to everyone, readers included: it only stores a display preference. */
export async function setLocaleAction(formData: FormData): Promise<void> {
  // Posted directly, the argument can be anything: an unknown value is the default language.
  const locale = toLocale(formData instanceof FormData ? String(formData.get("locale") ?? "") : "");
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
    sameSite: "lax",
    httpOnly: true,
  });
  revalidatePath("/", "layout");
}
