"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { IDLE } from "@/lib/action-state";
import { changeOwnPasswordAction } from "../actions";

export function ChangePasswordForm() {
  const t = useTranslations("password");
  const [state, action, pending] = useActionState(changeOwnPasswordAction, IDLE);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="flex flex-col gap-3" key={state.ok ? "done" : "form"}>
      {state.message ? <Notice tone={state.ok ? "success" : "error"}>{state.message}</Notice> : null}
      <Field id="current" name="current" type="password" autoComplete="current-password" label={t("current")} error={errors.current} required />
      <Field id="password" name="password" type="password" autoComplete="new-password" label={t("new")} hint={t("hint")} error={errors.password} required />
      <Field id="confirm" name="confirm" type="password" autoComplete="new-password" label={t("confirm")} error={errors.confirm} required />
      <Button type="submit" disabled={pending} className="self-start">
        {t("change")}
      </Button>
    </form>
  );
}
