"use server";

import { revalidatePath } from "next/cache";
import { deleteSectionIfUnused, getSectionById, getSectionBySlug, insertSection, moveSection, updateSection } from "@/db/queries/sections";
import { keepValues, type ActionState } from "@/lib/action-state";
import { fieldErrorsFrom, runAction } from "@/lib/actions";
import { audit } from "@/services/audit";
import { requireUser } from "@/services/session";
import { AppError } from "@/lib/errors";
import {
  createSectionSchema,
  deleteSectionSchema,
  moveSectionSchema,
  sectionVisibilitySchema,
  updateSectionSchema,
} from "@/lib/validations/sections";

const PATH = "/desk/admin/sections";

export async function createSectionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async (t) => {
    const admin = await requireUser("manageSections", "action:createSection");
    const values = keepValues(formData, ["name", "nameEn", "slug", "approvalsRequired"]);
    const parsed = createSectionSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsFrom(parsed.error, t), values };
    if (await getSectionBySlug({ slug: parsed.data.slug }))
      return { ok: false, fieldErrors: { slug: t("sections.slugTaken") }, values };
    const section = await insertSection(parsed.data);
    await audit({ action: "section.create", actorId: admin.id, actorEmail: admin.email, targetType: "section", targetId: section.id, detail: parsed.data });
    revalidatePath(PATH);
    return { ok: true, message: t("sections.created", { name: section.name }) };
  });
}

export async function updateSectionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async (t) => {
    const admin = await requireUser("manageSections", "action:updateSection");
    const parsed = updateSectionSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsFrom(parsed.error, t) };
    const { sectionId, version, ...changes } = parsed.data;
    const before = await getSectionById({ id: sectionId });
    if (!before) throw new AppError("not_found");
    const holder = await getSectionBySlug({ slug: changes.slug });
    if (holder && holder.id !== sectionId) return { ok: false, fieldErrors: { slug: t("sections.slugTaken") } };
    if (!await updateSection({ id: sectionId, changes, baseVersion: version })) {
      return { ok: false, message: t("sections.stale", { name: before.name }) };
    }
    await audit({
      action: "section.update",
      actorId: admin.id,
      actorEmail: admin.email,
      targetType: "section",
      targetId: sectionId,
      detail: { from: { name: before.name, nameEn: before.nameEn, slug: before.slug, approvalsRequired: before.approvalsRequired }, to: changes },
    });
    revalidatePath(PATH);
    return { ok: true, message: t("sections.saved", { name: changes.name }) };
  });
}

export async function setSectionHiddenAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async (t) => {
    const admin = await requireUser("manageSections", "action:setSectionHidden");
    const parsed = sectionVisibilitySchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { ok: false, message: t("errors.invalid") };
    const section = await updateSection({ id: parsed.data.sectionId, changes: { hidden: parsed.data.hidden } });
    if (!section) throw new AppError("not_found");
    await audit({
      action: parsed.data.hidden ? "section.hide" : "section.show",
      actorId: admin.id,
      actorEmail: admin.email,
      targetType: "section",
      targetId: section.id,
    });
    revalidatePath(PATH);
    return { ok: true, message: t(parsed.data.hidden ? "sections.hiddenDone" : "sections.shownDone", { name: section.name }) };
  });
}

export async function moveSectionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async (t) => {
    const admin = await requireUser("manageSections", "action:moveSection");
    const parsed = moveSectionSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { ok: false, message: t("errors.invalid") };
    if (await moveSection({ id: parsed.data.sectionId, direction: parsed.data.direction })) {
      await audit({
        action: "section.move",
        actorId: admin.id,
        actorEmail: admin.email,
        targetType: "section",
        targetId: parsed.data.sectionId,
        detail: { direction: parsed.data.direction },
      });
    }
    revalidatePath(PATH);
    return { ok: true };
  });
}

/** A section in use keeps the archive's links working: it can be hidden, never deleted. */
export async function deleteSectionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async (t) => {
    const admin = await requireUser("manageSections", "action:deleteSection");
    const parsed = deleteSectionSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { ok: false, message: t("errors.invalid") };
    const section = await getSectionById({ id: parsed.data.sectionId });
    if (!section) throw new AppError("not_found");
    const result = await deleteSectionIfUnused({ id: section.id });
    if (!result.deleted) return { ok: false, message: t("sections.inUse", { name: section.name, count: result.inUse }) };
    await audit({ action: "section.delete", actorId: admin.id, actorEmail: admin.email, targetType: "section", targetId: section.id, detail: { slug: section.slug, name: section.name } });
    revalidatePath(PATH);
    return { ok: true, message: t("sections.deleted", { name: section.name }) };
  });
}
