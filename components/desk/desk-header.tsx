import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LocaleSwitcher } from "@/components/locale-switcher";
import { navFor } from "@/lib/auth/roles";
import type { SessionUser } from "@/services/session";
import type { ComponentProps } from "react";
import { NotificationBell } from "./notification-bell";
import { SignOutButton } from "./sign-out-button";

export async function DeskHeader({ user, bell }: { user: SessionUser; bell: ComponentProps<typeof NotificationBell> }) {
  const t = await getTranslations();
  return (
    <header className="border-b border-stone-300 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/desk" className="font-serif text-xl font-bold text-accent">
          Folio
        </Link>
        <nav aria-label={t("desk.mainNav")} className="flex flex-wrap gap-1">
          {navFor(user.role).map((item) => (
            <Link key={item.key} href={item.href} className="rounded px-2 py-1 text-sm hover:bg-stone-200">
              {t(`nav.${item.key}`)}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex flex-wrap items-center gap-2">
          <form method="get" action="/desk/articles" role="search" aria-label={t("deskSearch.label")} className="flex items-center">
            <label htmlFor="desk-search" className="sr-only">
              {t("deskSearch.label")}
            </label>
            <input
              id="desk-search"
              name="q"
              type="search"
              placeholder={t("deskSearch.placeholder")}
              className="w-44 rounded border border-stone-300 bg-stone-50 px-2 py-1 text-sm focus:w-60 focus:bg-white"
            />
          </form>
          <NotificationBell {...bell} />
          <LocaleSwitcher />
          <Link href="/desk/account" className="rounded px-2 py-1 text-sm hover:bg-stone-200">
            {t("desk.signedInAs", { name: user.name, role: t(`roles.${user.role}`) })}
          </Link>
          <SignOutButton label={t("desk.signOut")} />
        </div>
      </div>
    </header>
  );
}
