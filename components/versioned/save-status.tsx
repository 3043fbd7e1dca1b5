"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { AutosaveStatus } from "./use-autosave";

/** One line saying where the edit stands: saved (version and time), unsaved, saving, refused or failed. */
export function SaveStatus({ status }: { status: AutosaveStatus }) {
  const t = useTranslations("versioned");
  const format = useFormatter();
  const text =
    status.kind === "saved"
      ? t("statusSaved", { version: status.version, time: status.savedAt ? format.dateTime(new Date(status.savedAt), { timeStyle: "medium" }) : "—" })
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
