"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { BulkState } from "@/lib/action-state";
import type { BulkAction } from "@/lib/desk/bulk";
import { SectionSelect } from "./print-filters";

type Run = (prev: BulkState, formData: FormData) => Promise<BulkState>;

const IDLE_BULK: BulkState = { ok: false };
const WORKFLOW_BUTTONS = ["submit", "approve", "publish"] as const;

/**
 * The bulk step bar of a list (the checkboxes name this form with their `form` attribute) or of a
 * page (`items` fixed). Each button posts one step; the answer lists, per article, what was done
 * and what was refused and why.
 */
export function BulkActions({
  id,
  run,
  actions,
  sections = [],
  items,
  labels = {},
  label,
}: {
  id: string;
  run: Run;
  actions: readonly BulkAction[];
  sections?: readonly { id: number; name: string }[];
  /** The articles this bar acts on, as id:version; without it, the checked rows of the list. */
  items?: readonly string[];
  labels?: Partial<Record<BulkAction, string>>;
  label: string;
}) {
  const t = useTranslations("bulk");
  const [state, formAction, pending] = useActionState(run, IDLE_BULK);
  const text = (action: BulkAction) => labels[action] ?? t(`actions.${action}`);
  // Posted by hand, not through <form action>: React resets a form after its action, which would
  // clear the checked rows (form-associated through their `form` attribute) and the comment, so a
  // refused step (no comment yet) would lose the selection.
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter);
    startTransition(() => formAction(data));
  };
  return (
    <form id={id} onSubmit={submit} aria-label={label} className="space-y-2">
      {items?.map((value) => <input key={value} type="hidden" name="items" value={value} />)}
      <div className="flex flex-wrap items-end gap-2">
        {WORKFLOW_BUTTONS.filter((a) => actions.includes(a)).map((action) => (
          <Button key={action} type="submit" name="bulk" value={action} variant="secondary" disabled={pending}>
            {text(action)}
          </Button>
        ))}
        {actions.includes("set_section") ? (
          <span className="flex items-end gap-1">
            <label className="flex flex-col gap-1 text-xs">
              {t("section")}
              <SectionSelect name="sectionId" sections={sections} emptyLabel={t("noSection")} className="rounded border border-stone-400 bg-white px-2 py-1.5 text-sm" />
            </label>
            <Button type="submit" name="bulk" value="set_section" variant="secondary" disabled={pending}>
              {text("set_section")}
            </Button>
          </span>
        ) : null}
        {actions.includes("request_changes") ? (
          <span className="flex items-end gap-1">
            <label className="flex flex-col gap-1 text-xs">
              {t("comment")}
              <input name="comment" className="w-64 rounded border border-stone-400 bg-white px-2 py-1.5 text-sm" />
            </label>
            <Button type="submit" name="bulk" value="request_changes" variant="danger" disabled={pending}>
              {text("request_changes")}
            </Button>
          </span>
        ) : null}
      </div>
      {state.message ? <Notice tone={state.ok ? "success" : "error"}>{state.message}</Notice> : null}
      {state.report && state.report.length > 0 ? (
        <ul aria-label={t("report")} className="space-y-0.5 rounded border border-stone-200 bg-white p-2 text-sm">
          {state.report.map((line) => (
            <li key={line.id} data-ok={line.ok} className={line.ok ? "text-green-900" : "text-red-900"}>
              <span aria-hidden>{line.ok ? "✓ " : "✗ "}</span>
              {t.rich("line", {
                message: line.message,
                title: () => (
                  <Link href={`/desk/articles/${line.id}`} className="underline">
                    {line.title}
                  </Link>
                ),
              })}
            </li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}

/** The header checkbox of a list: checks or clears every row's box of the bulk form. */
export function SelectAll({ form, label }: { form: string; label: string }) {
  return (
    <input
      type="checkbox"
      aria-label={label}
      onChange={(e) => {
        for (const box of document.querySelectorAll<HTMLInputElement>(`input[type=checkbox][name=items][form="${form}"]`)) box.checked = e.currentTarget.checked;
      }}
    />
  );
}
