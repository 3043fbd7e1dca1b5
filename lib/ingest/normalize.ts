// Unicode spaces that PDF and word-processor exports use for indents and gaps.
const SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
// A glyph the extractor could name no character for (pdf.js gives U+0000): it held a place on
// the line, so it reads as a space. The raw bytes keep it; no text column or search index
// (PostgreSQL's text refuses NUL) ever sees it.
const UNNAMED_GLYPH = /\u0000/g;

/**
 * The only text changes the engine makes before segmenting; all offsets refer to the
 * result, so it must stay a pure character-level rewrite.
 */
export function normalize(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(ZERO_WIDTH, "").replace(SPACES, " ").replace(UNNAMED_GLYPH, " ");
}
