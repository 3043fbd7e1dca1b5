import { z } from "zod";

const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);
const optionalInt = (max: number) => z.preprocess(blankToNull, z.coerce.number().int().min(1).max(max).nullable());
const optionalText = (max: number) =>
  z.preprocess(blankToNull, z.string().trim().max(max, "validation.tooLong").nullable());

/** The masthead as the editor confirms it before creating the import. */
export const importMastheadSchema = z.object({
  paper: optionalText(100),
  issueDate: z.preprocess(
    blankToNull,
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "imports.badDate")
      .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "imports.badDate")
      .nullable(),
  ),
  totalIssueNo: optionalInt(1_000_000),
  issueNo: optionalInt(100_000),
  pageCount: optionalInt(200),
  pageNumber: optionalInt(200),
  pageName: optionalText(50),
});

export type ImportMasthead = z.infer<typeof importMastheadSchema>;
export const MASTHEAD_FIELDS = Object.keys(importMastheadSchema.shape) as (keyof ImportMasthead)[];

/** The masthead as a form holds it: every field a string, "" when empty. */
export type MastheadValues = Record<keyof ImportMasthead, string>;

export const EMPTY_MASTHEAD = Object.fromEntries(MASTHEAD_FIELDS.map((f) => [f, ""])) as MastheadValues;

export function mastheadValues(m: { [K in keyof ImportMasthead]: ImportMasthead[K] | undefined }): MastheadValues {
  return Object.fromEntries(MASTHEAD_FIELDS.map((f) => [f, m[f] == null ? "" : String(m[f])])) as MastheadValues;
}

/**
 * The masthead read from a pasted text or a chosen file, over what the form holds: a field the
 * editor has typed into keeps what they typed. The file is read, and the page read, in the browser
 * after it is chosen, which on a busy machine ends after the editor has typed the date (it replaced
 * the date, or ran into the typing: "2024-03-082024-02-25"); and every edit of a pasted text reads
 * it again, which emptied a date typed for a text that prints none.
 */
export function prefillMasthead(current: MastheadValues, read: MastheadValues, typed: ReadonlySet<keyof ImportMasthead>): MastheadValues {
  return Object.fromEntries(MASTHEAD_FIELDS.map((f) => [f, typed.has(f) ? current[f] : read[f]])) as MastheadValues;
}

/** What accepting an import needs from its masthead: without them there is no issue or page to file it under. */
export const MASTHEAD_NEEDED_FOR_ACCEPT = ["issueDate", "pageNumber"] as const satisfies readonly (keyof ImportMasthead)[];

export function missingForAccept(values: Partial<Record<keyof ImportMasthead, string | number | null>>): (keyof ImportMasthead)[] {
  return MASTHEAD_NEEDED_FOR_ACCEPT.filter((f) => String(values[f] ?? "").trim() === "");
}

/** An article placed by hand in the editor: the same date and page rules as an import's masthead, both required. */
export const placementSchema = z.object({
  articleId: z.coerce.number().int().positive(),
  issueDate: importMastheadSchema.shape.issueDate.pipe(z.string({ message: "validation.required" })),
  pageNumber: importMastheadSchema.shape.pageNumber.pipe(z.number({ message: "validation.required" })),
  pageName: importMastheadSchema.shape.pageName,
  position: optionalInt(1000),
});
