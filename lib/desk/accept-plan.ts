import type { ArticleState } from "@/lib/vocabulary";
import type { AcceptedArticle } from "@/lib/workbench/types";
import { PRINTED_FIELD_KEYS, PRINTED_FIELDS, sameFieldValue, type ArticleFieldKind } from "@/lib/article-fields";

/** The headline and body fields that "accept" writes; compared to tell what re-accepting would change. */
export const ACCEPTED_FIELDS = [...PRINTED_FIELD_KEYS, "jumpTo", "jumpFrom", "body"] as const;

export type AcceptedField = (typeof ACCEPTED_FIELDS)[number];

export type ExistingArticle = {
  id: number;
  key: string;
  state: ArticleState;
  /** Never opened in the article editor: safe to remove when its node is gone from the workbench. */
  untouched: boolean;
  fields: Pick<AcceptedArticle, AcceptedField>;
};

export type AcceptPlan = {
  create: { article: AcceptedArticle; position: number }[];
  update: { id: number; article: AcceptedArticle; position: number; changed: AcceptedField[] }[];
  /** Moved on in review: shown with what differs, changed only when the editor confirms. */
  held: { id: number; state: ArticleState; article: AcceptedArticle; position: number; changed: AcceptedField[] }[];
  unchanged: { id: number; position: number }[];
  /** Gone from the workbench (merged away): drafts nobody edited are removed, others are kept and listed. */
  remove: number[];
  orphaned: { id: number; state: ArticleState }[];
};

const KIND_OF = new Map<string, ArticleFieldKind>(PRINTED_FIELDS.map((f) => [f.key, f.kind]));

/** Headline fields compare as lib/article-fields says; page numbers and the body as JSON. */
function sameValue(field: AcceptedField, a: unknown, b: unknown): boolean {
  const kind = KIND_OF.get(field);
  return kind ? sameFieldValue(kind, a, b) : JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

export function changedFields(before: Pick<AcceptedArticle, AcceptedField>, after: AcceptedArticle): AcceptedField[] {
  return ACCEPTED_FIELDS.filter((f) => !sameValue(f, before[f], after[f]));
}

/**
 * Decides what accepting the workbench does to the articles an earlier accept made.
 * `confirmed` holds ids of held articles the editor agreed to overwrite.
 */
export function planAccept(
  accepted: readonly AcceptedArticle[],
  existing: readonly ExistingArticle[],
  confirmed: ReadonlySet<number> = new Set(),
): AcceptPlan {
  const byKey = new Map(existing.map((e) => [e.key, e]));
  const plan: AcceptPlan = { create: [], update: [], held: [], unchanged: [], remove: [], orphaned: [] };
  accepted.forEach((article, position) => {
    const prior = byKey.get(article.key);
    if (!prior) {
      plan.create.push({ article, position });
      return;
    }
    byKey.delete(article.key);
    const changed = changedFields(prior.fields, article);
    if (changed.length === 0) plan.unchanged.push({ id: prior.id, position });
    else if (prior.state === "draft" || confirmed.has(prior.id)) plan.update.push({ id: prior.id, article, position, changed });
    else plan.held.push({ id: prior.id, state: prior.state, article, position, changed });
  });
  for (const gone of byKey.values()) {
    if (gone.state === "draft" && gone.untouched) plan.remove.push(gone.id);
    else plan.orphaned.push({ id: gone.id, state: gone.state });
  }
  return plan;
}
