import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/desk/page-title";
import { MarkAllRead, NotificationList } from "@/components/desk/notification-list";
import { countUnreadNotifications, listNotifications } from "@/db/queries/notifications";
import { bellItemsOf } from "@/lib/desk/notifications";
import { requirePageUser } from "@/services/session";
import { markAllNotificationsReadAction, openNotificationAction } from "./actions";

/** Everything the bell told this person, newest first. */
export default async function NotificationsPage() {
  const user = await requirePageUser();
  const t = await getTranslations("notifications");
  const unread = await countUnreadNotifications({ userId: user.id });
  const items = bellItemsOf(await listNotifications({ userId: user.id, limit: 200 }));
  return (
    <>
      <PageTitle title={t("title")} description={t("pageHint", { unread })} />
      <div className="rounded border border-stone-300 bg-white">
        {unread > 0 ? (
          <div className="border-b border-stone-200 px-3 py-2 text-right">
            <MarkAllRead action={markAllNotificationsReadAction} />
          </div>
        ) : null}
        <NotificationList items={items} open={openNotificationAction} label={t("title")} />
      </div>
    </>
  );
}
