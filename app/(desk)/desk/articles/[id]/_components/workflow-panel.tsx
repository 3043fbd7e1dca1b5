"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { WorkflowAction } from "@/lib/workflow/states";

type Extra = { comment?: string; reason?: string; publishAt?: string };

/** Only the actions lib/workflow allows this person now; each asks for what it needs. */
export function WorkflowPanel({ actions, onRun }: { actions: WorkflowAction[]; onRun: (action: WorkflowAction, extra: Extra) => Promise<void> }) {
  const t = useTranslations("workflow");
  const [comment, setComment] = useState("");
  const [reason, setReason] = useState("");
  const [publishAt, setPublishAt] = useState("");
  const [busy, setBusy] = useState(false);
  if (actions.length === 0) return null;
  const run = async (action: WorkflowAction) => {
    setBusy(true);
    try {
      await onRun(action, {
        comment: action === "request_changes" ? comment : undefined,
        reason: action === "unpublish" ? reason : undefined,
        publishAt: action === "schedule" && publishAt ? new Date(publishAt).toISOString() : undefined,
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
        <div className="mb-2 flex flex-col gap-1">
          <label htmlFor="wf-at" className="text-sm font-medium">
            {t("publishAt")}
          </label>
          <input id="wf-at" type="datetime-local" value={publishAt} onChange={(e) => setPublishAt(e.target.value)} className="w-60 rounded border border-stone-400 px-2 py-1 text-sm" />
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {actions.map((action) => (
          <Button key={action} type="button" variant={action === "unpublish" || action === "request_changes" || action === "discard_revision" ? "danger" : "primary"} disabled={busy} onClick={() => void run(action)}>
            {t(`actions.${action}`)}
          </Button>
        ))}
      </div>
    </section>
  );
}
