"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { IDLE } from "@/lib/action-state";
import { retrainPaperModelAction } from "../actions";

export function RetrainForm({ paper, disabled }: { paper: string; disabled: boolean }) {
  const t = useTranslations("papers");
  const [state, action, pending] = useActionState(retrainPaperModelAction, IDLE);
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="paper" value={paper} />
      <Button type="submit" variant="secondary" disabled={pending || disabled}>
        {t("retrain")}
      </Button>
      {state.message ? <Notice tone={state.ok ? "success" : "error"}>{state.message}</Notice> : null}
    </form>
  );
}
