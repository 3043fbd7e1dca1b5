"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { IDLE } from "@/lib/action-state";
import { placeArticleAction } from "../actions";

/**
 * Page assignment in the editor: the issue date, the page (and its name when the page is new)
 * and the order on the page. A missing issue or page is made as accepting an import would.
 */
export function PlacementForm({
  articleId,
  current,
  issueDates,
}: {
  articleId: number;
  current: { date: string; page: number; pageName: string | null; position: number } | null;
  issueDates: readonly string[];
}) {
  const t = useTranslations("placement");
  const [state, action, pending] = useActionState(placeArticleAction, IDLE);
  const value = (field: string, fallback: string | number | null | undefined) => state.values?.[field] ?? (fallback == null ? "" : String(fallback));
  return (
    <section aria-labelledby="placement" className="rounded border border-stone-300 bg-white p-3">
      <h2 id="placement" className="mb-1 font-semibold">
        {t("title")}
      </h2>
      <p className="mb-2 text-sm text-stone-700">{current ? t("current", { date: current.date, page: current.page, position: current.position }) : t("none")}</p>
      <form action={action} className="flex flex-wrap items-end gap-2" key={current ? `${current.date}-${current.page}-${current.position}` : "none"}>
        <input type="hidden" name="articleId" value={articleId} />
        <div className="w-36">
          <Field
            id="place-date"
            name="issueDate"
            label={t("issueDate")}
            placeholder="2024-03-08"
            inputMode="numeric"
            list="place-dates"
            defaultValue={value("issueDate", current?.date)}
            error={state.fieldErrors?.issueDate}
          />
          <datalist id="place-dates">
            {issueDates.map((d) => (
              <option key={d} value={d} />
            ))}
          </datalist>
        </div>
        <div className="w-20">
          <Field id="place-page" name="pageNumber" type="number" min={1} max={200} label={t("page")} defaultValue={value("pageNumber", current?.page)} error={state.fieldErrors?.pageNumber} />
        </div>
        <div className="w-28">
          <Field id="place-name" name="pageName" label={t("pageName")} defaultValue={value("pageName", current?.pageName)} error={state.fieldErrors?.pageName} />
        </div>
        <div className="w-24">
          <Field id="place-position" name="position" type="number" min={1} max={1000} label={t("position")} defaultValue={value("position", current?.position)} error={state.fieldErrors?.position} />
        </div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {t("place")}
        </Button>
        {current ? (
          <Button type="submit" name="remove" value="1" variant="ghost" disabled={pending}>
            {t("remove")}
          </Button>
        ) : null}
      </form>
      <p className="mt-1 text-xs text-stone-600">{t("hint")}</p>
      {state.message ? (
        <div className="mt-2">
          <Notice tone={state.ok ? "success" : "error"}>{state.message}</Notice>
        </div>
      ) : null}
    </section>
  );
}
