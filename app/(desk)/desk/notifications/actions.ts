"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { countUnreadNotifications, listNotifications, markNotificationRead, markNotificationsRead } from "@/db/queries/notifications";
import type { ActionState } from "@/lib/action-state";
import { runAction } from "@/lib/actions";
import { AppError, isAppError } from "@/lib/errors";
import { requireUser } from "@/services/session";
import { bellItemsOf, type BellSummary } from "@/lib/desk/notifications";

/** The bell's count and newest notices, for the header to refresh itself while a page stays open. */
export async function notificationBellAction(): Promise<BellSummary | null> {
  const user = await requireUser(null, "action:notificationBell").catch((e: unknown) => {
    if (isAppError(e)) return null;
    throw e;
  });
  if (!user) return null;
  return { unread: await countUnreadNotifications({ userId: user.id }), items: bellItemsOf(await listNotifications({ userId: user.id, limit: 8 })) };
}

/** Opening a notice marks it read and goes to its story. */
export async function openNotificationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let target: string | undefined;
  const state = await runAction(async () => {
    const user = await requireUser(null, "action:openNotification");
    const notice = await markNotificationRead({ id: Number(formData.get("id")), userId: user.id });
    if (!notice) throw new AppError("not_found");
    target = `/desk/articles/${notice.articleId}`;
    return { ok: true };
  });
  if (target) redirect(target);
  return state;
}

export async function markAllNotificationsReadAction(_prev: ActionState, _formData: FormData): Promise<ActionState> {
  return runAction(async (t) => {
    const user = await requireUser(null, "action:markAllNotificationsRead");
    const n = await markNotificationsRead({ userId: user.id });
    revalidatePath("/desk", "layout");
    return { ok: true, message: t("notifications.allRead", { count: n }) };
  });
}
