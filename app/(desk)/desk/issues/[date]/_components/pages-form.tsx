"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { IDLE } from "@/lib/action-state";
import { PAGE_STATUSES, type PageStatus } from "@/lib/vocabulary";
import { setIssuePagesAction } from "../actions";

export type PageRow = { number: number; name: string | null; status: PageStatus; articles: number };

/**
 * The printed issue's page count and what each page is online. A page with articles stays
 * "its articles"; the others can be marked, so an issue of which only some pages are online
 * is complete, and readers are told what the other pages are.
 */
export function PagesForm({ date, pageCount, pages, editable }: { date: string; pageCount: number | null; pages: PageRow[]; editable: boolean }) {
  const t = useTranslations("issues");
  const [state, action, pending] = useActionState(setIssuePagesAction, IDLE);
  const highest = Math.max(0, ...pages.map((p) => p.number));
  const [count, setCount] = useState(String(pageCount ?? highest));
  const shown = Math.min(200, Math.max(Number(count) || 0, highest));
  const byNumber = new Map(pages.map((p) => [p.number, p]));
  const rows: PageRow[] = Array.from({ length: shown }, (_, i) => byNumber.get(i + 1) ?? { number: i + 1, name: null, status: "articles", articles: 0 });

  return (
    <section aria-labelledby="pages-title" className="mb-6 rounded border border-stone-300 bg-white p-3">
      <h2 id="pages-title" className="mb-1 font-semibold">
        {t("pagesTitle")}
      </h2>
      <p className="mb-3 text-sm text-stone-600">{t("pagesHint")}</p>
      <form action={action} className="flex flex-col gap-3">
        <input type="hidden" name="date" value={date} />
        <div className="flex flex-col gap-1">
          <label htmlFor="page-count" className="text-sm font-medium">
            {t("pageCount")}
          </label>
          <input
            id="page-count"
            name="pageCount"
            inputMode="numeric"
            autoComplete="off"
            value={count}
            onChange={(e) => setCount(e.target.value)}
            disabled={!editable}
            aria-invalid={state.fieldErrors?.pageCount ? true : undefined}
            aria-describedby={state.fieldErrors?.pageCount ? "page-count-error" : undefined}
            className="w-24 rounded border border-stone-400 bg-white px-2 py-1.5 text-sm aria-invalid:border-red-700 disabled:bg-stone-50"
          />
          {state.fieldErrors?.pageCount ? (
            <p id="page-count-error" className="text-xs text-red-800">
              {state.fieldErrors.pageCount}
            </p>
          ) : null}
        </div>
        <table className="w-full max-w-2xl border-collapse text-sm">
          <tbody>
            {rows.map((p) => (
              <tr key={p.number} className="border-t border-stone-200" data-testid="page-row">
                <th scope="row" className="py-1.5 pr-3 text-left font-medium whitespace-nowrap">
                  {t("pageHeading", { page: p.number, name: p.name ?? "" })}
                </th>
                <td className="py-1.5 pr-3 text-stone-600">{t("pageArticleCount", { count: p.articles })}</td>
                <td className="py-1.5">
                  <label htmlFor={`page-status-${p.number}`} className="sr-only">
                    {t("pageStatus", { page: p.number })}
                  </label>
                  <select
                    id={`page-status-${p.number}`}
                    name={`status-${p.number}`}
                    defaultValue={p.status}
                    disabled={!editable}
                    className="rounded border border-stone-400 bg-white px-2 py-1 text-sm disabled:bg-stone-50"
                  >
                    {PAGE_STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {t(`pageStatuses.${s}`)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {editable ? (
          <div className="flex flex-wrap items-center gap-2">
            <Button type="submit" variant="secondary" disabled={pending}>
              {t("savePages")}
            </Button>
            {state.message ? <Notice tone={state.ok ? "success" : "error"}>{state.message}</Notice> : null}
          </div>
        ) : null}
      </form>
    </section>
  );
}
