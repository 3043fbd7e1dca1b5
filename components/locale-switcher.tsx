import { getLocale, getTranslations } from "next-intl/server";
import { setLocaleAction } from "@/app/_actions/locale";
import { LOCALES } from "@/lib/i18n/locales";

/** A plain form per language, so switching works without JavaScript too. */
export async function LocaleSwitcher() {
  const t = await getTranslations("locale");
  const current = await getLocale();
  return (
    <form action={setLocaleAction} className="flex items-center gap-1 text-sm" aria-label={t("label")}>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          aria-pressed={current === locale}
          className="rounded px-2 py-1 aria-pressed:bg-stone-800 aria-pressed:text-white hover:bg-stone-200 aria-pressed:hover:bg-stone-800"
        >
          {t(locale)}
        </button>
      ))}
    </form>
  );
}
