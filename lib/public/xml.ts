/**
 * Characters XML 1.0 forbids outright: C0 controls other than tab/LF/CR, lone
 * surrogates, U+FFFE and U+FFFF. C1 controls (U+007F–U+009F) are allowed by the
 * spec but "discouraged" and only ever garbage from extraction, so they go too.
 * With the u flag a lone surrogate is its own code point and falls outside the
 * allowed ranges.
 */
const NOT_XML_CHAR = /[^\t\n\r\x20-\x7E\xA0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function stripInvalidXmlChars(s: string): string {
  return s.replace(NOT_XML_CHAR, "");
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Safe in text and in either kind of quoted attribute. */
export function escapeXml(s: string): string {
  return stripInvalidXmlChars(s).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** `<name>text</name>` with the text escaped; callers pass trusted tag names only. */
export function xmlElement(name: string, text: string, attrs: Record<string, string> = {}): string {
  const attributes = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join("");
  return `<${name}${attributes}>${escapeXml(text)}</${name}>`;
}
