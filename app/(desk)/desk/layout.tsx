import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { DeskHeader } from "@/components/desk/desk-header";
import { countUnreadNotifications, listNotifications } from "@/db/queries/notifications";
import { hasActiveDemoUsers } from "@/db/queries/users";
import { bellItemsOf } from "@/lib/desk/notifications";
import { requirePageUser } from "@/services/session";
import { markAllNotificationsReadAction, notificationBellAction, openNotificationAction } from "./notifications/actions";

export const dynamic = "force-dynamic";

export default async function DeskLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser();
  const t = await getTranslations("desk");
  return (
    <NextIntlClientProvider>
      <div className="min-h-screen bg-stone-50">
        {await hasActiveDemoUsers() ? (
          <p role="status" className="bg-amber-300 px-4 py-1 text-center text-sm font-medium text-amber-950">
            {t("demoBanner")}
          </p>
        ) : null}
        <DeskHeader
          user={user}
          bell={{
            initial: { unread: await countUnreadNotifications({ userId: user.id }), items: bellItemsOf(await listNotifications({ userId: user.id, limit: 8 })) },
            refresh: notificationBellAction,
            open: openNotificationAction,
            markAllRead: markAllNotificationsReadAction,
          }}
        />
        <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
      </div>
    </NextIntlClientProvider>
  );
}
