/** Character classes shared by unwrapping, width estimation and the recognisers. */

export function isWhite(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x0c || code === 0x0b;
}

/** Han, kana, hangul, fullwidth forms and CJK punctuation: joined to neighbours without a space. */
export function isWide(code: number): boolean {
  return (
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7af) ||
    (code >= 0xd800 && code <= 0xdfff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xffef)
  );
}

/** Quotes, dashes and ellipses used in Chinese text: wide for joining, but not letters. */
export function isGeneralPunct(code: number): boolean {
  return code >= 0x2010 && code <= 0x206f;
}

/** Latin script context: a line break between two of these becomes a space. */
export function isLatinish(code: number): boolean {
  return code > 0x20 && code < 0x2000 && !isWhite(code);
}

/** The text with its whitespace taken out: what two readings of one printed text (spaced out or closed up) share. */
export function withoutSpaces(s: string): string {
  return s.replace(/\s+/g, "");
}

/**
 * Printed width in half-ems. Punctuation counts as one because Chinese typesetting
 * compresses it, which keeps "full line" estimates stable on punctuation-heavy lines.
 */
export function displayWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) continue;
    if ((c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xff0f) || (c >= 0xff1a && c <= 0xff20) || isGeneralPunct(c)) w += 1;
    else if (isWide(c)) w += 2;
    else w += 1;
  }
  return w;
}

const SENTENCE_END = new Set(["。", "！", "？", "；", "：", "…", "—", ".", "!", "?", ";", ":", "．"]);
const CLOSERS = new Set(["”", "’", "」", "』", "）", ")", "》", "】", "\"", "'"]);

function lastNonSpace(s: string, from: number): number {
  let i = from;
  while (i >= 0 && isWhite(s.charCodeAt(i))) i--;
  return i;
}

/**
 * True when text ends a sentence. A closing quote or bracket only counts when it
 * follows sentence punctuation: "…称为“三农”" can still continue on the next line.
 */
export function endsSentence(s: string): boolean {
  let i = lastNonSpace(s, s.length - 1);
  if (i < 0) return false;
  let ch = s[i] as string;
  while (CLOSERS.has(ch)) {
    i = lastNonSpace(s, i - 1);
    if (i < 0) return false;
    ch = s[i] as string;
    if (!CLOSERS.has(ch)) return SENTENCE_END.has(ch);
  }
  return SENTENCE_END.has(ch);
}

/** Has punctuation that only running text has (headlines and labels rarely do). */
export function hasSentencePunct(s: string): boolean {
  return /[。！？；，、.!?;]|,\s/.test(s);
}

/** Number of Han characters (width of a headline or name in characters). */
export function hanCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) n++;
  }
  return n;
}

const CN_DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Parses Arabic, full-width and Chinese numerals up to 99 (and digit-by-digit years). */
export function parseNumber(s: string): number | null {
  const t = s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^\d+$/.test(t)) return Number(t);
  if (!/^[〇零一二两三四五六七八九十廿卅百]+$/.test(t)) return null;
  if (/^[〇零一二三四五六七八九]{2,}$/.test(t)) {
    let n = 0;
    for (const ch of t) n = n * 10 + (CN_DIGITS[ch] ?? 0);
    return n;
  }
  let total = 0;
  let cur = 0;
  for (const ch of t) {
    if (ch === "十") {
      total += (cur || 1) * 10;
      cur = 0;
    } else if (ch === "廿") total += 20;
    else if (ch === "卅") total += 30;
    else if (ch === "百") {
      total += (cur || 1) * 100;
      cur = 0;
    } else cur = CN_DIGITS[ch] ?? 0;
  }
  return total + cur;
}
