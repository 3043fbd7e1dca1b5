import { ARTICLE_FIELDS, splitNames, type ArticleField, type ArticleFieldValues } from "@/lib/article-fields";
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
// Names arrive as one field, separated the way a newsroom types them (splitNames).
const names = ({ max, nameMax, count }: { max: number; nameMax: number; count: number }) =>
  z
    .string()
    .max(max, "validation.tooLong")
    .transform(splitNames)
    .pipe(z.array(wellFormed(nameMax)).max(count, "validation.tooLong"));

/** The allowed values of each choice field. */
const CHOICES = { language: ARTICLE_LANGUAGES } as const satisfies Record<Extract<ArticleField, { kind: "choice" }>["key"], readonly string[]>;

function fieldSchema(f: ArticleField): z.ZodType {
  switch (f.kind) {
    case "text":
      return "required" in f ? wellFormed(f.max) : optionalText(f.max);
    case "names":
      return names(f);
    case "reference":
      return z.preprocess(blankToNull, z.coerce.number().int().positive().nullable());
    case "choice":
      return z.enum(CHOICES[f.key]);
  }
}

/** The article's fields as the schema passes them: every field of lib/article-fields, choices narrowed. */
export type ArticleFields = Omit<ArticleFieldValues, keyof typeof CHOICES> & { [K in keyof typeof CHOICES]: (typeof CHOICES)[K][number] };

// One rule per field; the cast only names what fieldSchema returns for each key.
const fieldsShape = Object.fromEntries(ARTICLE_FIELDS.map((f) => [f.key, fieldSchema(f)])) as {
  [K in keyof ArticleFields]: z.ZodType<ArticleFields[K], unknown>;
};

/** The headline and byline fields of the article form (lib/article-fields); the body is validated by lib/article-body. */
export const articleFieldsSchema = z.object(fieldsShape).strict();

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
