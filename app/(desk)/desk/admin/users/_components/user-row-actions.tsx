"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { RoleSelect } from "@/components/desk/role-select";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { IDLE } from "@/lib/action-state";
import type { Role } from "@/lib/vocabulary";
import { changeRoleAction, resetPasswordAction, setActiveAction } from "../actions";

type Row = { id: number; email: string; role: Role; active: boolean };

export function UserRowActions({ user }: { user: Row }) {
  const t = useTranslations();
  const [roleState, roleAction, rolePending] = useActionState(changeRoleAction, IDLE);
  const [activeState, activeAction, activePending] = useActionState(setActiveAction, IDLE);
  const [resetState, resetAction, resetPending] = useActionState(resetPasswordAction, IDLE);
  const messages = [roleState, activeState, resetState].filter((s) => s.message || s.fieldErrors);
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-end gap-2">
        <form action={roleAction} className="flex items-end gap-1">
          <input type="hidden" name="userId" value={user.id} />
          <RoleSelect
            id={`role-${user.id}`}
            name="role"
            label={`${t("users.role")} ${user.email}`}
            hideLabel
            defaultValue={user.role}
          />
          <Button type="submit" variant="secondary" disabled={rolePending}>
            {t("users.changeRole")}
          </Button>
        </form>
        <form action={activeAction}>
          <input type="hidden" name="userId" value={user.id} />
          <input type="hidden" name="active" value={user.active ? "false" : "true"} />
          <Button type="submit" variant={user.active ? "danger" : "secondary"} disabled={activePending}>
            {user.active ? t("users.deactivate") : t("users.reactivate")}
          </Button>
        </form>
      </div>
      <form action={resetAction} className="flex items-end gap-1">
        <input type="hidden" name="userId" value={user.id} />
        <label htmlFor={`reset-${user.id}`} className="sr-only">
          {`${t("users.newPassword")} ${user.email}`}
        </label>
        <input
          id={`reset-${user.id}`}
          name="password"
          type="password"
          autoComplete="new-password"
          placeholder={t("users.newPassword")}
          className="w-40 rounded border border-stone-400 px-2 py-1 text-sm"
        />
        <Button type="submit" variant="secondary" disabled={resetPending}>
          {t("users.resetPassword")}
        </Button>
      </form>
      {messages.map((s, i) => (
        <Notice key={i} tone={s.ok ? "success" : "error"}>
          {s.message ?? Object.values(s.fieldErrors ?? {}).join(" ")}
        </Notice>
      ))}
    </div>
  );
}
