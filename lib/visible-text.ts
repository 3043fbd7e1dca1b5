/*
 * What a reader can see. A headline of zero-width spaces, joiners, fillers or a variation selector
 * looks blank on every page, in every feed and in search results, yet passes a `trim()`: these are
 * the characters that draw nothing on their own.
 *
 * - White_Space and the separators (\p{Z}): spaces of every width, line and paragraph separators
 * - controls (\p{Cc}) and format characters (\p{Cf}: zero-width space/joiners, word joiner, BOM, bidi marks, soft hyphen)
 * - Default_Ignorable_Code_Point: variation selectors, the combining grapheme joiner, Hangul fillers, tags
 * - combining marks (\p{M}), which draw only on a base character
 * - unassigned code points and lone surrogates (\p{Cn}, \p{Cs})
 * - U+2800 BRAILLE PATTERN BLANK, a symbol that is drawn as nothing
 */
const INVISIBLE = /[\s\p{Z}\p{Cc}\p{Cf}\p{Cn}\p{Cs}\p{M}\p{Default_Ignorable_Code_Point}\u2800]/gu;

/** The text without any character that draws nothing on its own. */
export function visibleText(text: string): string {
  return text.replace(INVISIBLE, "");
}

/** Whether a reader would see anything of this text. */
export function hasVisibleText(text: string | null | undefined): boolean {
  return typeof text === "string" && visibleText(text) !== "";
}
