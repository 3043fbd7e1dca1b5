import { z } from "zod";
import { ARTICLE_LANGUAGES } from "@/lib/vocabulary";

const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);
// A lone UTF-16 surrogate cannot be stored as UTF-8: SQLite would keep a replacement character instead.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const wellFormed = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "validation.tooLong")
    .refine((v) => !LONE_SURROGATE.test(v), "validation.brokenText");
const optionalText = (max: number) => z.preprocess(blankToNull, wellFormed(max).nullable());
// Names arrive as one field, separated the way a newsroom types them: spaces, 、 or commas.
const names = z
  .string()
  .max(400, "validation.tooLong")
  .transform((s) => s.split(/[\s,，、;；]+/).filter((n) => n.length > 0))
  .pipe(z.array(wellFormed(40)).max(20, "validation.tooLong"));

/** The headline and byline fields of the article form; the body is validated by lib/article-body. */
export const articleFieldsSchema = z
  .object({
    kicker: optionalText(200),
    title: wellFormed(200),
    subtitle: optionalText(300),
    rubric: optionalText(60),
    byline: optionalText(300),
    source: optionalText(60),
    reporters: names,
    correspondents: names,
    photographers: names,
    sectionId: z.preprocess(blankToNull, z.coerce.number().int().positive().nullable()),
    language: z.enum(ARTICLE_LANGUAGES),
  })
  .strict();

export type ArticleFields = z.infer<typeof articleFieldsSchema>;

export const saveMetaSchema = z.object({
  articleId: z.number().int().positive(),
  baseVersion: z.number().int().positive(),
  note: z.preprocess(blankToNull, z.string().trim().max(300).nullable()).optional(),
  correction: z.preprocess(blankToNull, z.string().trim().max(1000).nullable()).optional(),
  autosave: z.boolean().optional(),
});

export const commentSchema = z.object({
  articleId: z.coerce.number().int().positive(),
  body: wellFormed(4000).pipe(z.string().min(1, "validation.required")),
  quote: z.preprocess(blankToNull, z.string().max(500).nullable()).optional(),
});
