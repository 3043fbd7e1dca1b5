"use client";

import { useActionState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { IDLE, type ActionState } from "@/lib/action-state";
import type { BellItem } from "@/lib/desk/notifications";

type FormAction = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/** One notice: who did what to which story, the comment or reason sent along, and when. Opening it marks it read. */
function NotificationEntry({ item, open }: { item: BellItem; open: FormAction }) {
  const t = useTranslations("notifications");
  const format = useFormatter();
  const [, action, pending] = useActionState(open, IDLE);
  const key = item.kind === "published" && !item.actorName ? "published_system" : item.kind;
  return (
    <li>
      <form action={action}>
        <input type="hidden" name="id" value={item.id} />
        <button
          type="submit"
          disabled={pending}
          data-unread={item.read ? undefined : ""}
          className="block w-full rounded px-3 py-2 text-left text-sm hover:bg-stone-100 data-[unread]:bg-amber-50 data-[unread]:hover:bg-amber-100"
        >
          <span className={`flex items-start gap-2 ${item.read ? "text-stone-700" : "font-semibold text-ink"}`}>
            {item.read ? null : <span aria-hidden className="mt-1.5 inline-block size-2 shrink-0 rounded-full bg-accent" />}
            <span>
              {item.read ? null : <span className="sr-only">{t("unreadMark")}</span>}
              {t(`kinds.${key}`, { actor: item.actorName ?? "", title: item.articleTitle || t("untitled") })}
            </span>
          </span>
          {item.note ? <span className="mt-0.5 block font-normal text-stone-700">“{item.note}”</span> : null}
          <time dateTime={item.at} className="mt-0.5 block text-xs font-normal text-stone-500">
            {format.dateTime(new Date(item.at), { dateStyle: "short", timeStyle: "short" })}
          </time>
        </button>
      </form>
    </li>
  );
}

/** The list of notices, newest first (in the bell and on the notifications page). */
export function NotificationList({ items, open, label }: { items: readonly BellItem[]; open: FormAction; label: string }) {
  const t = useTranslations("notifications");
  if (items.length === 0) return <p className="px-3 py-2 text-sm text-stone-600">{t("none")}</p>;
  return (
    <ul aria-label={label} className="divide-y divide-stone-200">
      {items.map((item) => (
        <NotificationEntry key={item.id} item={item} open={open} />
      ))}
    </ul>
  );
}

/** "Mark all as read", with its answer beside it. */
export function MarkAllRead({ action }: { action: FormAction }) {
  const t = useTranslations("notifications");
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="inline-flex items-center gap-2">
      <button type="submit" disabled={pending} className="text-sm text-accent underline-offset-4 hover:underline disabled:opacity-50">
        {t("markAllRead")}
      </button>
      {state.message ? (
        <span role="status" className="text-xs text-stone-600">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
