import { ARTICLE_FIELDS, sameFieldValue, type ArticleFieldKey } from "@/lib/article-fields";
import { countChangedChars, type RevisionFields } from "@/lib/article-body/diff";
import { bodyPlainText } from "@/lib/article-body/text";

/*
 * How a published story may change (lib/workflow/README.md, "Published stories"). Every change is
 * a pending revision with a stated reason. A small correction may go out at once, by an editor;
 * anything more goes back through the section's review while the published text stays up.
 */

export const CORRECTION_POLICY = {
  /**
   * At most this share of the published body's characters may change (removed plus added, by a
   * character diff) for a correction to count as small: fixing a name, a number, a few words.
   */
  maxBodyShare: 0.1,
  /** A correction that touches any of these is never small: the headline is what readers, links and search see first. */
  headlineFields: ["kicker", "title", "subtitle"] as const satisfies readonly ArticleFieldKey[],
  /** Nor one that moves the story to another section or language: that is not a correction of its text. */
  placementFields: ["sectionId", "language"] as const satisfies readonly ArticleFieldKey[],
} as const;

/** How far a revision is from the published story. */
export type ChangeMeasure = {
  /** Anything differs at all (a field, the body's text or its formatting). */
  changed: boolean;
  /** Characters removed plus added in the body's text. */
  bodyChanged: number;
  /** Characters of the published body's text, the share's denominator. */
  liveBodyLength: number;
  headlineChanged: boolean;
  placementChanged: boolean;
  /**
   * A letter or digit differs somewhere (body or any field): the words, names or numbers changed,
   * not only punctuation, spacing or formatting. Such a correction is substantive.
   */
  wordsChanged: boolean;
};

const length = (s: string) => Array.from(s).length;
const WORDS = /[\p{L}\p{N}]/gu;
const wordsOf = (value: unknown) => (Array.isArray(value) ? value.join(" ") : String(value ?? "")).match(WORDS)?.join("") ?? "";

/** Measures a revision against the published story (both as stored: fields and body). */
export function measureChange(live: RevisionFields, revision: RevisionFields): ChangeMeasure {
  const liveText = bodyPlainText(live.body);
  const revisionText = bodyPlainText(revision.body);
  const differs = (key: ArticleFieldKey) => {
    const field = ARTICLE_FIELDS.find((f) => f.key === key);
    return field !== undefined && key in revision && !sameFieldValue(field.kind, live[key], revision[key]);
  };
  const changedFields = ARTICLE_FIELDS.filter((f) => differs(f.key));
  return {
    changed: changedFields.length > 0 || JSON.stringify(live.body) !== JSON.stringify(revision.body),
    bodyChanged: countChangedChars(liveText, revisionText),
    liveBodyLength: length(liveText),
    headlineChanged: CORRECTION_POLICY.headlineFields.some(differs),
    placementChanged: CORRECTION_POLICY.placementFields.some(differs),
    wordsChanged:
      wordsOf(liveText) !== wordsOf(revisionText) ||
      changedFields.some((f) => f.kind !== "reference" && f.kind !== "choice" && wordsOf(live[f.key]) !== wordsOf(revision[f.key])),
  };
}

/** The share of the published body that changed (0 for no change, 1 or more for a rewrite). */
export function bodyShare(m: ChangeMeasure): number {
  if (m.bodyChanged === 0) return 0;
  return m.bodyChanged / Math.max(1, m.liveBodyLength);
}

/** Small enough for an editor to publish at once with a reason (CORRECTION_POLICY). */
export function isSmallCorrection(m: ChangeMeasure): boolean {
  return m.changed && !m.headlineChanged && !m.placementChanged && bodyShare(m) <= CORRECTION_POLICY.maxBodyShare;
}

/**
 * Whether readers are told: a change of words, names or numbers is shown as a 更正 note with its
 * reason; one of punctuation, spacing or formatting alone is not (it is in the history and the
 * audit log with its reason all the same).
 */
export function isSubstantive(m: ChangeMeasure): boolean {
  return m.wordsChanged;
}

/**
 * The story's public 更正 note after a substantive correction: one line per correction, the newest
 * first, each with the day it was published (the paper's calendar day).
 */
export function withCorrectionNote(previous: string | null, reason: string, day: string): string {
  const line = `${day}：${reason.trim()}`;
  return previous?.trim() ? `${line}\n${previous.trim()}` : line;
}
