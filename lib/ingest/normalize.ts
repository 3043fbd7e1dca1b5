// Unicode spaces that PDF and word-processor exports use for indents and gaps.
const SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;

/**
 * The only text changes the engine makes before segmenting; all offsets refer to the
 * result, so it must stay a pure character-level rewrite.
 */
export function normalize(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(ZERO_WIDTH, "").replace(SPACES, " ");
}
