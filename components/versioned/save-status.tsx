"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { AutosaveStatus } from "./use-autosave";

/** One line saying where the edit stands: saved (version, and time when known), unsaved, saving, refused or failed. */
export function SaveStatus({ status }: { status: AutosaveStatus }) {
  const t = useTranslations("versioned");
  const format = useFormatter();
  // Today's saves need only the time; an older version says its day too. The day is compared in
  // the interface's time zone (the formatter's), so the server and the browser agree on it.
  const day = (at: Date) => format.dateTime(at, { dateStyle: "short" });
  const savedTime = (at: Date) =>
    format.dateTime(at, day(at) === day(new Date()) ? { timeStyle: "medium" } : { dateStyle: "medium", timeStyle: "short" });
  const text =
    status.kind === "saved"
      ? status.savedAt
        ? t("statusSaved", { version: status.version, time: savedTime(new Date(status.savedAt)) })
        : t("statusSavedVersion", { version: status.version })
      : status.kind === "dirty"
        ? t("statusDirty")
        : status.kind === "saving"
          ? t("statusSaving")
          : status.kind === "stale"
            ? t("statusStale")
            : t("statusError", { message: status.message });
  return (
    <p role="status" data-testid="save-status" className="text-sm text-stone-700">
      {text}
    </p>
  );
}
