"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { MastheadFields } from "@/components/desk/masthead-fields";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { mastheadValues, missingForAccept, type MastheadValues } from "@/lib/validations/imports";
import { saveImportMastheadAction } from "../actions";

/**
 * The import's masthead in the workbench, editable at any time. When accepting would fail for
 * want of a date or page number, it opens highlighted before any correcting starts and says
 * so; complete, it is one line with a button to change it.
 */
export function MastheadForm({
  importId,
  initial,
  initialVersion,
  onSaved,
}: {
  importId: number;
  initial: MastheadValues;
  initialVersion: number;
  onSaved: (saved: MastheadValues) => void;
}) {
  const t = useTranslations("workbench");
  const router = useRouter();
  const [saved, setSaved] = useState(initial);
  const [values, setValues] = useState(initial);
  const [version, setVersion] = useState(initialVersion);
  const [open, setOpen] = useState(missingForAccept(initial).length > 0);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const needed = missingForAccept(saved);

  const save = async () => {
    setBusy(true);
    try {
      const result = await saveImportMastheadAction({ importId, baseVersion: version, masthead: values });
      setMessage({ ok: result.ok, text: result.message });
      setErrors(result.ok ? {} : (result.fieldErrors ?? {}));
      if (!result.ok) return;
      const next = mastheadValues(result.masthead);
      setVersion(result.version);
      setSaved(next);
      setValues(next);
      onSaved(next);
      if (missingForAccept(next).length === 0) setOpen(false);
      router.refresh();
    } finally {
      setBusy(false);
    }
  };

  const summary =
    saved.issueDate || saved.pageNumber
      ? t("mastheadSummary", { paper: saved.paper || "—", date: saved.issueDate || "—", page: saved.pageNumber || "—", pageName: saved.pageName })
      : t("mastheadEmpty");

  return (
    <section
      aria-labelledby="masthead-title"
      data-testid="workbench-masthead"
      data-needed={needed.length > 0 || undefined}
      className={`rounded border p-3 ${needed.length > 0 ? "border-2 border-amber-500 bg-amber-50" : "border-stone-300 bg-white"}`}
    >
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="masthead-title" className="font-semibold">
          {t("mastheadTitle")}
        </h2>
        <span className="text-sm text-stone-700">{summary}</span>
        {open ? null : (
          <Button type="button" variant="secondary" onClick={() => setOpen(true)}>
            {t("mastheadEdit")}
          </Button>
        )}
      </div>
      {needed.length > 0 ? (
        <div className="mt-2">
          <Notice tone="warning">{t("mastheadNeeded")}</Notice>
        </div>
      ) : null}
      {open ? (
        <form
          className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <MastheadFields idPrefix="wb-masthead" values={values} onChange={setValues} errors={errors} needed={missingForAccept(values)} />
          <div className="col-span-2 flex flex-wrap items-end gap-2 sm:col-span-4">
            <Button type="submit" disabled={busy}>
              {t("mastheadSave")}
            </Button>
            {needed.length === 0 ? (
              <Button
                type="button"
                variant="secondary"
                onClick={() => {
                  setValues(saved);
                  setErrors({});
                  setOpen(false);
                }}
              >
                {t("mastheadClose")}
              </Button>
            ) : null}
          </div>
        </form>
      ) : null}
      {message ? (
        <div className="mt-2">
          <Notice tone={message.ok ? "success" : "error"}>{message.text}</Notice>
        </div>
      ) : null}
    </section>
  );
}
