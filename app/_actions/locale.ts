"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/locales";
import { requestIsHttps } from "@/lib/request-info";

/** Open to everyone, readers included: it only stores a display preference. */
export async function setLocaleAction(formData: FormData): Promise<void> {
  // Posted directly, the argument can be anything: an unknown value is the default language.
  const locale = toLocale(formData instanceof FormData ? String(formData.get("locale") ?? "") : "");
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
    sameSite: "lax",
    httpOnly: true,
    // The same rule as next-auth's cookies: Secure whenever the visitor is on https.
    secure: await requestIsHttps(),
  });
  revalidatePath("/", "layout");
}
