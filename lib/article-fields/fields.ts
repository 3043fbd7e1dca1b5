/**
 * The fields of an article besides its body, declared once. The editor form, the
 * validation schema, the revision text the diffs compare, the accept plan and the import
 * engine's headline fields are all derived from this table, so a field added here shows
 * up everywhere (and a place that forgets one fails the type check).
 *
 * kind:
 * - text       one line of text; blank means "none" (null), except for a required field
 * - names      a list of names, typed in one field separated by spaces, 、 or commas
 * - reference  the id of another row (a section), shown by that row's name
 * - choice     one of a fixed set of values (the allowed values live beside the schema)
 *
 * printed: read by the import engine from the printed page. These are the headline and
 * byline fields (`HeadlineFields`): the engine's JSON contract, the workbench's accepted
 * articles and what re-accepting compares carry exactly these, in this order.
 * revised: kept in every revision's snapshot (so history diffs and restores them).
 * role: the workbench block role a printed field is read from (its blocks are never body).
 * max: length limit (UTF-16 units, as the schema has always counted); for names the limit
 * of the typed field, with `nameMax` per name and `count` names at most.
 */
export type ArticleFieldKind = "text" | "names" | "reference" | "choice";

type FieldDef = {
  key: string;
  /** Interface message key (zh-CN and en). */
  label: string;
  /** English name: the label where no translation is passed (tests, logs). */
  name: string;
  kind: ArticleFieldKind;
  printed: boolean;
  revised: boolean;
  role?: string;
  required?: boolean;
  max?: number;
  nameMax?: number;
  count?: number;
};

const NAME_LIST = { kind: "names", printed: true, revised: true, max: 400, nameMax: 40, count: 20 } as const;

export const ARTICLE_FIELDS = [
  { key: "kicker", label: "articles.fields.kicker", name: "Kicker", kind: "text", printed: true, revised: true, role: "kicker", max: 200 },
  { key: "title", label: "articles.fields.title", name: "Title", kind: "text", printed: true, revised: true, role: "title", required: true, max: 200 },
  { key: "subtitle", label: "articles.fields.subtitle", name: "Subtitle", kind: "text", printed: true, revised: true, role: "subtitle", max: 300 },
  { key: "rubric", label: "articles.fields.rubric", name: "Rubric", kind: "text", printed: true, revised: true, role: "rubric", max: 60 },
  { key: "byline", label: "articles.fields.byline", name: "Byline", kind: "text", printed: true, revised: true, role: "byline", max: 300 },
  // Source and names are read from the byline, not from blocks of their own.
  { key: "source", label: "articles.fields.source", name: "Source", kind: "text", printed: true, revised: true, max: 60 },
  { key: "reporters", label: "articles.fields.reporters", name: "Reporters", ...NAME_LIST },
  { key: "correspondents", label: "articles.fields.correspondents", name: "Correspondents", ...NAME_LIST },
  { key: "photographers", label: "articles.fields.photographers", name: "Photographers", ...NAME_LIST },
  { key: "sectionId", label: "articles.fields.section", name: "Section", kind: "reference", printed: false, revised: true },
  // Not in revisions: a restore leaves the language as it is.
  { key: "language", label: "articles.fields.language", name: "Language", kind: "choice", printed: false, revised: false },
] as const satisfies readonly FieldDef[];

export type ArticleField = (typeof ARTICLE_FIELDS)[number];
export type ArticleFieldKey = ArticleField["key"];
type PrintedField = Extract<ArticleField, { printed: true }>;
export type PrintedFieldKey = PrintedField["key"];
type RevisedField = Extract<ArticleField, { revised: true }>;
export type RevisedFieldKey = RevisedField["key"];

/** A field's value as stored (choice values are narrowed by the schema that knows them). */
type StoredValue<F> = F extends { kind: "names" }
  ? string[]
  : F extends { kind: "reference" }
    ? number | null
    : F extends { kind: "choice" }
      ? string
      : F extends { required: true }
        ? string
        : string | null;

/**
 * The headline and byline fields of a story (引题, 主题, 副题, 栏目标识, 署名, 来源 and the
 * names credited in the byline). The import engine may find no title (a headless
 * continuation), so here the title may be null; a stored article's is a string.
 */
export type HeadlineFields = { [F in PrintedField as F["key"]]: F extends { kind: "names" } ? string[] : string | null };

/** Every field as stored on an article row. */
export type ArticleFieldValues = { [F in ArticleField as F["key"]]: StoredValue<F> };

/** Every field as the editor form holds it: names joined by spaces, blanks and "no section" as "". */
export type ArticleFormFields = { [K in ArticleFieldKey]: string };

export const PRINTED_FIELDS = ARTICLE_FIELDS.filter((f): f is PrintedField => f.printed);
export const PRINTED_FIELD_KEYS: readonly PrintedFieldKey[] = PRINTED_FIELDS.map((f) => f.key);

/** Workbench block roles that become headline fields, never body. */
export const HEADLINE_ROLES: ReadonlySet<string> = new Set(ARTICLE_FIELDS.flatMap((f) => ("role" in f ? [f.role] : [])));

/** The separators a newsroom types between names: spaces, 、, commas, semicolons (both widths). */
const NAME_SEPARATORS = /[\s,，、;；]+/;

export function splitNames(typed: string): string[] {
  return typed.split(NAME_SEPARATORS).filter((n) => n.length > 0);
}

/**
 * Copies exactly the headline fields, in this order, leaving out whatever else `a` carries
 * (blocks, confidence, ids): the sites that copy them emit JSON or store snapshots. The
 * title's type passes through, so a stored row's `string` stays `string`.
 */
export function headlineFieldsOf<T extends string | null>(a: HeadlineFields & { title: T }): HeadlineFields & { title: T } {
  const out: Record<string, unknown> = {};
  for (const key of PRINTED_FIELD_KEYS) out[key] = a[key];
  return out as HeadlineFields & { title: T };
}

/** Whether two values of a field are the same (blank and missing text count as none). */
export function sameFieldValue(kind: ArticleFieldKind, a: unknown, b: unknown): boolean {
  if (kind === "names") {
    const x = Array.isArray(a) ? a : [];
    const y = Array.isArray(b) ? b : [];
    return x.length === y.length && x.every((n, i) => n === y[i]);
  }
  return (a ?? null) === (b ?? null);
}

/** A stored article's fields as the editor form holds them. */
export function articleFormFields(article: ArticleFieldValues): ArticleFormFields {
  const out: Record<string, string> = {};
  for (const f of ARTICLE_FIELDS) {
    const value: unknown = article[f.key];
    if (f.kind === "names") out[f.key] = (value as string[]).join(" ");
    else if (f.kind === "reference") out[f.key] = value == null ? "" : String(value);
    else out[f.key] = (value as string | null) ?? "";
  }
  return out as ArticleFormFields;
}

/**
 * The form's fields read the way the schema reads them (trimmed, blank as none, names
 * split), without refusing anything: for showing a draft that may not validate yet.
 */
export function formFieldValues(form: ArticleFormFields): ArticleFieldValues {
  const out: Record<string, unknown> = {};
  for (const f of ARTICLE_FIELDS) {
    const typed = form[f.key];
    if (f.kind === "names") out[f.key] = splitNames(typed);
    else if (f.kind === "reference") out[f.key] = Number(typed) || null;
    else if (f.kind === "choice") out[f.key] = typed;
    else out[f.key] = typed.trim() === "" && !("required" in f) ? null : typed.trim();
  }
  return out as ArticleFieldValues;
}

/**
 * A field's value as one line of text for a diff, or null when it has none. Names are
 * joined by spaces as the form shows them; a reference is shown by name (its id when the
 * name is unknown).
 */
export function fieldDisplay(kind: ArticleFieldKind, value: unknown, nameOf?: (id: number) => string | undefined): string | null {
  if (value == null) return null;
  let text: string;
  if (kind === "names") text = Array.isArray(value) ? value.join(" ") : String(value);
  else if (kind === "reference") text = nameOf?.(Number(value)) ?? `#${String(value)}`;
  else text = String(value);
  text = text.trim();
  return text === "" ? null : text;
}
