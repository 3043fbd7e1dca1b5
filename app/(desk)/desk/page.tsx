import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/desk/page-title";
import { navFor } from "@/lib/auth/roles";
import { requirePageUser } from "@/services/session";

export default async function DeskHome() {
  const user = await requirePageUser();
  const t = await getTranslations();
  return (
    <>
      <PageTitle title={t("desk.welcome", { name: user.name })} description={t("desk.start")} />
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {navFor(user.role).map((item) => (
          <li key={item.key}>
            <Link href={item.href} className="block rounded border border-stone-300 bg-white p-4 hover:border-accent">
              {t(`nav.${item.key}`)}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
