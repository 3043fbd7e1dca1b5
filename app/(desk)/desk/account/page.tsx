import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/desk/page-title";
import { Panel } from "@/components/ui/panel";
import { requirePageUser } from "@/services/session";
import { ChangePasswordForm } from "./_components/change-password-form";

export default async function AccountPage() {
  const user = await requirePageUser();
  const t = await getTranslations();
  return (
    <>
      <PageTitle title={t("desk.account")} description={`${user.name} · ${user.email} · ${t(`roles.${user.role}`)}`} />
      <Panel id="change-password" title={t("password.change")} className="max-w-md">
        <ChangePasswordForm />
      </Panel>
    </>
  );
}
