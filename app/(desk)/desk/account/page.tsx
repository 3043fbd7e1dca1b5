import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/desk/page-title";
import { requirePageUser } from "@/lib/auth/session";
import { ChangePasswordForm } from "./_components/change-password-form";

export default async function AccountPage() {
  const user = await requirePageUser();
  const t = await getTranslations();
  return (
    <>
      <PageTitle title={t("desk.account")} description={`${user.name} · ${user.email} · ${t(`roles.${user.role}`)}`} />
      <section aria-labelledby="change-password" className="max-w-md rounded border border-stone-300 bg-white p-4">
        <h2 id="change-password" className="mb-3 text-lg font-semibold">
          {t("password.change")}
        </h2>
        <ChangePasswordForm />
      </section>
    </>
  );
}
