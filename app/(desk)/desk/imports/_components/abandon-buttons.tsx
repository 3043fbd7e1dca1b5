"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/desk/action-button";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { IDLE } from "@/lib/action-state";
import { archiveImportAction, deleteImportAction } from "../actions";

/** Archive (or bring back) and delete, for an import nobody will accept; deleting asks first, in our own words. */
export function AbandonButtons({ importId, archived, label }: { importId: number; archived: boolean; label: string }) {
  const t = useTranslations("imports");
  const [confirming, setConfirming] = useState(false);
  const [state, deleteAction, pending] = useActionState(deleteImportAction, IDLE);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <ActionButton
        action={archiveImportAction}
        fields={{ importId, archived: archived ? "0" : "1" }}
        label={archived ? t("unarchive") : t("archive")}
        accessibleName={archived ? t("unarchiveNamed", { name: label }) : t("archiveNamed", { name: label })}
      />
      {confirming ? (
        <form action={deleteAction} className="flex flex-wrap items-center gap-2 rounded border border-red-700 bg-red-50 px-2 py-1">
          <input type="hidden" name="importId" value={importId} />
          <span className="text-sm text-red-900">{t("deleteConfirm")}</span>
          <Button type="submit" variant="danger" disabled={pending}>
            {t("deleteYes")}
          </Button>
          <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
            {t("deleteNo")}
          </Button>
        </form>
      ) : (
        <Button type="button" variant="danger" onClick={() => setConfirming(true)} aria-label={t("deleteNamed", { name: label })}>
          {t("delete")}
        </Button>
      )}
      {state.message ? <Notice tone={state.ok ? "success" : "error"}>{state.message}</Notice> : null}
    </div>
  );
}
