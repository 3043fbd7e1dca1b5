"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { IDLE, type ActionState } from "@/lib/action-state";
import { MAX_APPROVALS, MIN_APPROVALS } from "@/lib/workflow/approvals";
import { createSectionAction, deleteSectionAction, moveSectionAction, setSectionHiddenAction, updateSectionAction } from "../actions";

type SectionRow = { id: number; name: string; nameEn: string | null; slug: string; approvalsRequired: number; hidden: boolean; version: number };

function ApprovalsSelect({ id, defaultValue, label }: { id: string; defaultValue: number; label: string }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <select id={id} name="approvalsRequired" defaultValue={defaultValue} className="rounded border border-stone-400 bg-white px-2 py-1.5 text-sm">
        {Array.from({ length: MAX_APPROVALS - MIN_APPROVALS + 1 }, (_, i) => MIN_APPROVALS + i).map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </div>
  );
}

function Message({ state }: { state: ActionState }) {
  if (!state.message) return null;
  return <Notice tone={state.ok ? "success" : "error"}>{state.message}</Notice>;
}

export function CreateSectionForm() {
  const t = useTranslations("sections");
  const [state, action, pending] = useActionState(createSectionAction, IDLE);
  const errors = state.fieldErrors ?? {};
  const values = state.values ?? {};
  return (
    <form action={action} noValidate className="flex flex-wrap items-end gap-3" key={state.ok ? state.message : "form"}>
      <Field id="section-name" name="name" label={t("name")} error={errors.name} defaultValue={values.name} />
      <Field id="section-name-en" name="nameEn" label={t("nameEn")} error={errors.nameEn} defaultValue={values.nameEn} />
      <Field id="section-slug" name="slug" label={t("slug")} hint={t("slugHint")} error={errors.slug} defaultValue={values.slug} />
      <ApprovalsSelect id="section-approvals" label={t("approvals")} defaultValue={Number(values.approvalsRequired) || 1} />
      <Button type="submit" disabled={pending}>
        {t("create")}
      </Button>
      <div className="basis-full">
        <Message state={state} />
      </div>
    </form>
  );
}

export function SectionRowForms({ section, first, last }: { section: SectionRow; first: boolean; last: boolean }) {
  const t = useTranslations("sections");
  const [saveState, save, saving] = useActionState(updateSectionAction, IDLE);
  const [hideState, hide] = useActionState(setSectionHiddenAction, IDLE);
  const [, move] = useActionState(moveSectionAction, IDLE);
  const [deleteState, remove] = useActionState(deleteSectionAction, IDLE);
  const errors = saveState.fieldErrors ?? {};
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-end gap-2">
        <form action={save} noValidate className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="sectionId" value={section.id} />
          <input type="hidden" name="version" value={section.version} />
          <Field id={`name-${section.id}`} name="name" label={t("name")} defaultValue={section.name} error={errors.name} />
          <Field id={`name-en-${section.id}`} name="nameEn" label={t("nameEn")} defaultValue={section.nameEn ?? ""} error={errors.nameEn} />
          <Field id={`slug-${section.id}`} name="slug" label={t("slug")} defaultValue={section.slug} error={errors.slug} />
          <ApprovalsSelect id={`approvals-${section.id}`} label={t("approvals")} defaultValue={section.approvalsRequired} />
          <Button type="submit" variant="secondary" disabled={saving}>
            {t("save")}
          </Button>
        </form>
        <form action={hide}>
          <input type="hidden" name="sectionId" value={section.id} />
          <input type="hidden" name="hidden" value={section.hidden ? "false" : "true"} />
          <Button type="submit" variant="secondary">
            {section.hidden ? t("show") : t("hide")}
          </Button>
        </form>
        <form action={move} className="flex gap-1">
          <input type="hidden" name="sectionId" value={section.id} />
          <Button type="submit" name="direction" value="up" variant="ghost" disabled={first} aria-label={t("moveUp", { name: section.name })}>
            ↑
          </Button>
          <Button type="submit" name="direction" value="down" variant="ghost" disabled={last} aria-label={t("moveDown", { name: section.name })}>
            ↓
          </Button>
        </form>
      </div>
      <form action={remove}>
        <input type="hidden" name="sectionId" value={section.id} />
        <Button type="submit" variant="danger" aria-label={t("deleteNamed", { name: section.name })}>
          {t("delete")}
        </Button>
      </form>
      <Message state={saveState} />
      <Message state={hideState} />
      <Message state={deleteState} />
    </div>
  );
}
