"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/action-state";
import type { BellSummary } from "@/lib/desk/notifications";
import { MarkAllRead, NotificationList } from "./notification-list";

type FormAction = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * The bell in the desk header: the unread count, and the newest notices under it. The layout
 * renders it once; it asks again after each navigation and when the window comes back into view
 * (focus, or the tab shown again). No timer: a tab left open does not keep asking, and one whose
 * session has ended (it gets null) stops asking at all.
 */
export function NotificationBell({
  initial,
  refresh,
  open,
  markAllRead,
}: {
  initial: BellSummary;
  refresh: () => Promise<BellSummary | null>;
  open: FormAction;
  markAllRead: FormAction;
}) {
  const t = useTranslations("notifications");
  const [summary, setSummary] = useState(initial);
  const [expanded, setExpanded] = useState(false);
  const pathname = usePathname();
  const details = useRef<HTMLDetailsElement>(null);
  const ended = useRef(false);
  const update = useCallback(() => {
    if (ended.current) return;
    // A failed ask (the database busy, the network gone) keeps the count shown; the next
    // navigation or focus asks again.
    refresh().then(
      (next) => {
        if (next) setSummary(next);
        else ended.current = true;
      },
      () => {},
    );
  }, [refresh]);

  useEffect(() => {
    // Closing fires the toggle event, which folds the list away.
    if (details.current) details.current.open = false;
    update();
    const shown = () => {
      if (document.visibilityState === "visible") update();
    };
    window.addEventListener("focus", update);
    document.addEventListener("visibilitychange", shown);
    return () => {
      window.removeEventListener("focus", update);
      document.removeEventListener("visibilitychange", shown);
    };
  }, [pathname, update]);

  const markAll = useCallback<FormAction>(
    async (prev, formData) => {
      const answer = await markAllRead(prev, formData);
      update();
      return answer;
    },
    [markAllRead, update],
  );

  const label = summary.unread > 0 ? t("bellUnread", { count: summary.unread }) : t("bell");
  return (
    <details
      ref={details}
      className="relative"
      onToggle={(e) => {
        setExpanded(e.currentTarget.open);
        if (e.currentTarget.open) update();
      }}
    >
      <summary aria-label={label} title={label} className="relative flex cursor-pointer list-none items-center rounded px-2 py-1 hover:bg-stone-200 [&::-webkit-details-marker]:hidden">
        <svg aria-hidden viewBox="0 0 24 24" className="size-5 fill-none stroke-current" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round">
          <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {summary.unread > 0 ? (
          <span data-testid="unread-count" className="absolute -top-1 -right-1 min-w-5 rounded-full bg-accent px-1 text-center text-xs leading-5 font-semibold text-white">
            {summary.unread > 99 ? "99+" : summary.unread}
          </span>
        ) : null}
      </summary>
      {/* Rendered only while open: closed, the bell is its count and nothing else on the page. */}
      {expanded ? (
      <div className="absolute right-0 z-30 mt-2 w-96 max-w-[90vw] rounded border border-stone-300 bg-white shadow-lg">
        <div className="flex items-center justify-between border-b border-stone-200 px-3 py-2">
          <p className="font-semibold">{t("title")}</p>
          {summary.unread > 0 ? <MarkAllRead action={markAll} /> : null}
        </div>
        <div className="max-h-[70vh] overflow-y-auto">
          <NotificationList items={summary.items} open={open} label={t("latest")} />
        </div>
        <p className="border-t border-stone-200 px-3 py-2 text-right text-sm">
          <Link href="/desk/notifications" className="text-accent underline-offset-4 hover:underline">
            {t("all")}
          </Link>
        </p>
      </div>
      ) : null}
    </details>
  );
}
