import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LocaleSwitcher } from "@/components/locale-switcher";

// The reader's front page arrives with the public site; until then it says so plainly.
export default async function HomePage() {
  const t = await getTranslations("home");
  return (
    <main className="mx-auto flex max-w-2xl flex-col gap-4 px-4 py-16">
      <div className="self-end">
        <LocaleSwitcher />
      </div>
      <h1 className="font-serif text-4xl font-bold text-accent">{t("title")}</h1>
      <p>{t("intro")}</p>
      <p className="text-stone-600">{t("noIssue")}</p>
      <Link href="/desk" className="self-start rounded bg-accent px-3 py-1.5 text-white">
        {t("toDesk")}
      </Link>
    </main>
  );
}
