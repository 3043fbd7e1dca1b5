"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { IDLE } from "@/lib/action-state";
import { createArticleAction } from "../actions";

export function NewArticleForm() {
  const t = useTranslations("articles");
  const [state, action, pending] = useActionState(createArticleAction, IDLE);
  return (
    <form action={action} className="mb-6 flex flex-wrap items-end gap-2">
      <div className="w-80">
        <Field id="new-title" name="title" label={t("newTitle")} error={state.fieldErrors?.title} />
      </div>
      <Button type="submit" disabled={pending}>
        {t("new")}
      </Button>
    </form>
  );
}
