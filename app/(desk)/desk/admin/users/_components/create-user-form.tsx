"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { RoleSelect } from "@/components/desk/role-select";
import { IDLE } from "@/lib/action-state";
import { createUserAction } from "../actions";

export function CreateUserForm() {
  const t = useTranslations();
  const [state, action, pending] = useActionState(createUserAction, IDLE);
  const errors = state.fieldErrors ?? {};
  const values = state.values ?? {};
  return (
    // key: a successful create remounts the form, clearing its fields.
    <form action={action} noValidate className="grid gap-3 sm:grid-cols-2" key={state.ok ? state.message : "form"}>
      <div className="sm:col-span-2">{state.message ? <Notice tone={state.ok ? "success" : "error"}>{state.message}</Notice> : null}</div>
      <Field id="new-name" name="name" label={t("users.name")} error={errors.name} defaultValue={values.name} required maxLength={100} />
      <Field id="new-email" name="email" type="email" label={t("users.email")} error={errors.email} defaultValue={values.email} required />
      <RoleSelect
        id="new-role"
        name="role"
        label={t("users.role")}
        error={errors.role}
        defaultValue={values.role === "admin" || values.role === "reviewer" ? values.role : "editor"}
      />
      <Field
        id="new-password"
        name="password"
        type="password"
        autoComplete="new-password"
        label={t("users.password")}
        hint={t("password.hint")}
        error={errors.password}
        required
      />
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {t("users.create")}
        </Button>
      </div>
    </form>
  );
}
