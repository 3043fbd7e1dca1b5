import { redirect } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { LocaleSwitcher } from "@/components/locale-switcher";
import { safeCallbackPath } from "@/lib/auth/redirect";
import { getCurrentUser } from "@/services/session";
import { Notice } from "@/components/ui/notice";
import { LoginForm } from "./_components/login-form";

export const dynamic = "force-dynamic";

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(typeof params.callbackUrl === "string" ? params.callbackUrl : null);
  if (await getCurrentUser()) redirect(callbackUrl);
  const t = await getTranslations("login");
  const error = typeof params.error === "string" ? params.error : null;
  return (
    <main className="mx-auto flex max-w-sm flex-col gap-6 px-4 py-16">
      <div className="self-end">
        <LocaleSwitcher />
      </div>
      <h1 className="font-serif text-3xl font-bold text-accent">{t("title")}</h1>
      {params.passwordChanged === "1" ? <Notice tone="success">{t("passwordChanged")}</Notice> : null}
      <NextIntlClientProvider>
        <LoginForm callbackUrl={callbackUrl} initialError={error} />
      </NextIntlClientProvider>
    </main>
  );
}
