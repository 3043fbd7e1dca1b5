"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { IDLE, type ActionState } from "@/lib/action-state";

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/** One button that posts a server action with fixed fields and shows its answer beside it. */
export function ActionButton({
  action,
  fields,
  label,
  accessibleName,
  variant = "secondary",
  className = "",
  disabled = false,
  describedBy,
}: {
  action: Action;
  fields: Record<string, string | number>;
  label: string;
  accessibleName?: string;
  variant?: "primary" | "secondary" | "danger" | "ghost";
  className?: string;
  /** Off while something stands in the way; say what next to it (`describedBy`). */
  disabled?: boolean;
  describedBy?: string;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className={`inline-flex items-center gap-2 ${className}`}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" variant={variant} disabled={pending || disabled} aria-label={accessibleName} aria-describedby={describedBy}>
        {label}
      </Button>
      {state.message ? <Notice tone={state.ok ? "success" : "error"}>{state.message}</Notice> : null}
    </form>
  );
}
