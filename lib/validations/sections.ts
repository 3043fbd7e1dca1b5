import { z } from "zod";
import { MAX_APPROVALS, MIN_APPROVALS } from "@/lib/workflow/approvals";

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const name = z.string().trim().min(1, "validation.required").max(40, "validation.tooLong");
// Optional: the section's name in the English interface; blank means "use the Chinese one".
const nameEn = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? null : (v ?? null)),
  z.string().trim().max(60, "validation.tooLong").nullable(),
);
// Slugs are part of public URLs (/sections/<slug>) and never change silently: lowercase, digits, hyphens.
const slug = z.string().trim().min(1, "validation.required").max(40, "validation.tooLong").regex(SLUG_PATTERN, "sections.badSlug");
// The bounds are the workflow's own (1 approval, up to 三审).
const approvalsRequired = z.coerce.number().int().min(MIN_APPROVALS, "sections.badApprovals").max(MAX_APPROVALS, "sections.badApprovals");
const sectionId = z.coerce.number().int().positive();

export const createSectionSchema = z.object({ name, nameEn, slug, approvalsRequired });
export const updateSectionSchema = z.object({ sectionId, name, nameEn, slug, approvalsRequired, version: z.coerce.number().int().positive() });
export const deleteSectionSchema = z.object({ sectionId });
export const sectionVisibilitySchema = z.object({ sectionId, hidden: z.enum(["true", "false"]).transform((v) => v === "true") });
export const moveSectionSchema = z.object({ sectionId, direction: z.enum(["up", "down"]) });
