import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/desk/page-title";
import { Panel } from "@/components/ui/panel";
import { listUsers } from "@/db/queries/users";
import { requirePageUser } from "@/services/session";
import { CreateUserForm } from "./_components/create-user-form";
import { UserRowActions } from "./_components/user-row-actions";

export default async function UsersPage() {
  const admin = await requirePageUser("manageUsers");
  const t = await getTranslations();
  const users = await listUsers();
  return (
    <>
      <PageTitle title={t("users.title")} />
      <Panel id="create-user" title={t("users.create")} className="mb-8">
        <CreateUserForm />
      </Panel>
      <table className="w-full border-collapse bg-white text-sm">
        <thead>
          <tr className="border-b border-stone-300 text-left">
            <th className="p-2">{t("users.name")}</th>
            <th className="p-2">{t("users.email")}</th>
            <th className="p-2">{t("users.role")}</th>
            <th className="p-2">{t("users.status")}</th>
            <th className="p-2">{t("users.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className="border-b border-stone-200 align-top" data-testid={`user-${u.email}`}>
              <td className="p-2">
                {u.name} {u.id === admin.id ? t("users.you") : null}
                {u.isDemo ? <span className="ml-1 rounded bg-amber-200 px-1 text-xs">{t("users.demo")}</span> : null}
              </td>
              <td className="p-2">{u.email}</td>
              <td className="p-2">{t(`roles.${u.role}`)}</td>
              <td className="p-2">{u.active ? t("users.active") : t("users.inactive")}</td>
              <td className="p-2">
                <UserRowActions user={{ id: u.id, email: u.email, role: u.role, active: u.active }} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
