import { truncateText } from "../text-length";
import type { PublicArticle } from "./types";

export { truncateText };

/** Whitespace runs (including newlines and the ideographic space U+3000) become one space. */
export function collapseWhitespace(s: string): string {
  return s.replace(/\s+/gu, " ").trim();
}

/** The first `max` code points of a body, on one line. */
export function excerpt(bodyText: string, max: number): string {
  return truncateText(collapseWhitespace(bodyText), max);
}

/**
 * The one title of a story wherever readers see one: page headlines, lists, links to the stories
 * around it, feed items, <title>, JSON-LD. A headless continuation falls back to its subtitle or
 * kicker, then the start of its text (`bodyText` may be just the start), then its number.
 */
export function displayTitle(a: Pick<PublicArticle, "id" | "subtitle" | "kicker" | "bodyText"> & { title: string | null }): string {
  for (const candidate of [a.title, a.subtitle, a.kicker]) {
    const t = candidate === null ? "" : collapseWhitespace(candidate);
    if (t !== "") return t;
  }
  const start = excerpt(a.bodyText, 30);
  return start !== "" ? start : `#${a.id}`;
}
