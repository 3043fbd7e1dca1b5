"use client";

import { useTranslations } from "next-intl";
import { ROLES, type Role } from "@/lib/vocabulary";

export function RoleSelect({
  id,
  name,
  label,
  defaultValue = "editor",
  error,
  hideLabel = false,
}: {
  id: string;
  name: string;
  label: string;
  defaultValue?: Role;
  error?: string;
  hideLabel?: boolean;
}) {
  const t = useTranslations("roles");
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className={hideLabel ? "sr-only" : "text-sm font-medium"}>
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        className="rounded border border-stone-400 bg-white px-2 py-1.5 text-sm"
      >
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {t(role)}
          </option>
        ))}
      </select>
      {error ? <p className="text-xs text-red-800">{error}</p> : null}
    </div>
  );
}
