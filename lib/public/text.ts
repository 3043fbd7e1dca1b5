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
 * A headline for places that must have one (feed items, <title>, JSON-LD).
 * A headless continuation falls back to its subtitle or kicker, then the start of its text.
 */
export function displayTitle(a: Pick<PublicArticle, "id" | "title" | "subtitle" | "kicker" | "bodyText">): string {
  for (const candidate of [a.title, a.subtitle, a.kicker]) {
    const t = candidate === null ? "" : collapseWhitespace(candidate);
    if (t !== "") return t;
  }
  const start = excerpt(a.bodyText, 30);
  return start !== "" ? start : `#${a.id}`;
}
