"use client";

import { useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { DateInput } from "@/components/ui/date-input";
import type { WorkflowAction } from "@/lib/workflow/states";
import type { RefusalCode, RefusalParams } from "@/lib/workflow/types";

type Extra = { comment?: string; reason?: string; publishAt?: string };

/** An action lib/workflow refuses this person now, with its reason (unavailableActions). */
export type Unavailable = { action: WorkflowAction; code: RefusalCode; params?: RefusalParams };

const EXPLAINED = ["self_approval", "edited_since_submit", "already_approved", "awaiting_approvals", "not_due"] as const;

/** "2024-03-08" and "8:30" as the person's local time (ISO), or null when either does not read as one. */
function localDateTime(date: string, time: string): string | null {
  const d = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(date.trim());
  const t = /^(\d{1,2})[:：](\d{2})$/.exec(time.trim());
  if (!d || !t) return null;
  const at = new Date(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  // new Date rolls 2月30日 over into March: a date that does not exist is refused instead.
  if (at.getMonth() !== Number(d[2]) - 1 || at.getDate() !== Number(d[3]) || at.getHours() !== Number(t[1]) || Number(t[2]) > 59) return null;
  return at.toISOString();
}

/** One line per reason: publish and schedule waiting for the same approvals say it once. */
function reasonRows(unavailable: readonly Unavailable[]) {
  const rows = new Map<string, { actions: WorkflowAction[]; code: RefusalCode; params?: RefusalParams }>();
  for (const u of unavailable) {
    const key = `${u.code}:${JSON.stringify(u.params ?? {})}`;
    const row = rows.get(key);
    if (row) row.actions.push(u.action);
    else rows.set(key, { actions: [u.action], code: u.code, params: u.params });
  }
  return [...rows.values()];
}

/**
 * The actions lib/workflow allows this person now, each asking for what it needs, and the ones
 * it refuses that they might look for, each with lib/workflow's reason.
 */
export function WorkflowPanel({
  actions,
  unavailable = [],
  onRun,
}: {
  actions: WorkflowAction[];
  unavailable?: readonly Unavailable[];
  onRun: (action: WorkflowAction, extra: Extra) => Promise<void>;
}) {
  const t = useTranslations("workflow");
  const tCommon = useTranslations("common");
  const format = useFormatter();
  const [comment, setComment] = useState("");
  const [reason, setReason] = useState("");
  const [publishDate, setPublishDate] = useState("");
  const [publishTime, setPublishTime] = useState("");
  const [publishAtProblem, setPublishAtProblem] = useState(false);
  const [busy, setBusy] = useState(false);
  if (actions.length === 0 && unavailable.length === 0) return null;
  const run = async (action: WorkflowAction) => {
    const publishAt = action === "schedule" ? localDateTime(publishDate, publishTime) : undefined;
    setPublishAtProblem(action === "schedule" && publishAt === null);
    if (publishAt === null) return;
    setBusy(true);
    try {
      await onRun(action, {
        comment: action === "request_changes" ? comment : undefined,
        reason: action === "unpublish" ? reason : undefined,
        publishAt,
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="workflow" className="rounded border border-stone-300 bg-white p-3">
      <h2 id="workflow" className="mb-2 font-semibold">
        {t("title")}
      </h2>
      {actions.includes("request_changes") ? (
        <div className="mb-2 flex flex-col gap-1">
          <label htmlFor="wf-comment" className="text-sm font-medium">
            {t("comment")}
          </label>
          <textarea id="wf-comment" value={comment} onChange={(e) => setComment(e.target.value)} className="min-h-16 rounded border border-stone-400 px-2 py-1 text-sm" />
        </div>
      ) : null}
      {actions.includes("unpublish") ? (
        <div className="mb-2 flex flex-col gap-1">
          <label htmlFor="wf-reason" className="text-sm font-medium">
            {t("reason")}
          </label>
          <input id="wf-reason" value={reason} onChange={(e) => setReason(e.target.value)} className="rounded border border-stone-400 px-2 py-1 text-sm" />
        </div>
      ) : null}
      {actions.includes("schedule") ? (
        <fieldset className="mb-2 flex flex-wrap items-end gap-2">
          <legend className="mb-1 text-sm font-medium">{t("publishAt")}</legend>
          <div className="flex flex-col gap-1">
            <label htmlFor="wf-at-date" className="text-xs text-stone-700">
              {t("publishDate")}
            </label>
            <DateInput
              id="wf-at-date"
              value={publishDate}
              onChange={(e) => setPublishDate(e.target.value)}
              placeholder={tCommon("datePlaceholder")}
              className="w-52 rounded border border-stone-400 px-2 py-1 text-sm"
            />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="wf-at-time" className="text-xs text-stone-700">
              {t("publishTime")}
            </label>
            <input
              id="wf-at-time"
              value={publishTime}
              onChange={(e) => setPublishTime(e.target.value)}
              inputMode="numeric"
              autoComplete="off"
              maxLength={5}
              placeholder={tCommon("timePlaceholder")}
              className="w-40 rounded border border-stone-400 px-2 py-1 text-sm"
            />
          </div>
          {publishAtProblem ? <p className="basis-full text-xs text-red-800">{t("publishAtFormat")}</p> : null}
        </fieldset>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {actions.map((action) => (
          <Button key={action} type="button" variant={action === "unpublish" || action === "request_changes" || action === "discard_revision" ? "danger" : "primary"} disabled={busy} onClick={() => void run(action)}>
            {t(`actions.${action}`)}
          </Button>
        ))}
      </div>
      {unavailable.length > 0 ? (
        <div className="mt-3 border-t border-stone-200 pt-2">
          <h3 className="text-sm font-medium text-stone-700">{t("unavailable.title")}</h3>
          <ul className="mt-1 space-y-1 text-sm text-amber-900" data-testid="workflow-unavailable">
            {reasonRows(unavailable).map((row) => (
              <li key={`${row.code}-${row.actions.join()}`}>
                {t("unavailable.row", {
                  actions: format.list(row.actions.map((a) => t(`actions.${a}`)), { type: "conjunction" }),
                  reason: (EXPLAINED as readonly string[]).includes(row.code)
                    ? t(`unavailable.${row.code as (typeof EXPLAINED)[number]}`, { required: row.params?.required ?? 0, approved: row.params?.approved ?? 0 })
                    : t("unavailable.other"),
                })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
