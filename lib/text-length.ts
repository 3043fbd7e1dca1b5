/*
 * Every length limit on text counts one way: in Unicode code points, "characters" in the
 * interface's messages. String.length and String.slice count UTF-16 units, so an emoji or a rare
 * CJK character (U+20000 and up, found in Chinese names) counts twice, and a cut at N units can
 * split its surrogate pair: SQLite then stores invalid UTF-8 as U+FFFD. zod 4's string .min()/.max()
 * count code points too, so schemas use them as they are (text-length.test.ts pins that).
 *
 * Code points, not grapheme clusters, are what is counted: a code point is at most 4 bytes, so a
 * limit also bounds storage, while one cluster can be arbitrarily long (a letter with a thousand
 * combining marks). Where text is cut, the cut falls on a grapheme-cluster boundary (Intl.Segmenter),
 * so it never separates a letter from its accent or splits 👨‍👩‍👧 or a flag. A browser's maxlength counts
 * UTF-16 units, at least as many as code points, so a form never sends more than the server allows.
 */

/** Code points in `s`: what every text limit counts. */
export function charCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // A low surrogate after a high one is the second half of one code point.
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
      const p = s.charCodeAt(i - 1);
      if (p >= 0xd800 && p <= 0xdbff) continue;
    }
    n++;
  }
  return n;
}

let segmenter: Intl.Segmenter | undefined;

/**
 * A character that is always a grapheme cluster of its own, in one UTF-16 unit (Unicode's
 * grapheme break class Other, none of them emoji): printable ASCII, CJK ideographs, CJK
 * punctuation before the ideographic tone marks, general punctuation (dashes, quotes, …),
 * fullwidth forms. Between two of them there is always a cluster boundary.
 */
function standsAlone(c: number): boolean {
  return (c >= 0x20 && c <= 0x7e) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x3029) || (c >= 0x2010 && c <= 0x2027) || (c >= 0xff01 && c <= 0xff5e);
}

/**
 * At most `max` code points of `s`, ending on a grapheme-cluster boundary: whole characters as a
 * reader sees them, never half a surrogate pair. `s` itself when it fits.
 */
export function cutToChars(s: string, max: number): string {
  if (max <= 0) return "";
  if (s.length <= max || charCount(s) <= max) return s;
  // Plain text up to the cut and the character after it (which could otherwise be a mark that
  // belongs to the one before): each unit is a cluster, the cut falls at max. The segmenter
  // costs a copy of the whole string per call, too much for the import engine's many quotes.
  let plain = 0;
  while (plain <= max && standsAlone(s.charCodeAt(plain))) plain++;
  if (plain > max) return s.slice(0, max);
  segmenter ??= new Intl.Segmenter("und", { granularity: "grapheme" });
  let used = 0;
  let end = 0;
  // The iterator is lazy: a 5 MB string cut to 100 characters is segmented only that far.
  for (const { segment, index } of segmenter.segment(s)) {
    const n = charCount(segment);
    if (used + n > max) break;
    used += n;
    end = index + segment.length;
  }
  return s.slice(0, end);
}

/** At most `max` characters (code points, whole clusters), ending in `ellipsis` when cut. */
export function truncateText(s: string, max: number, ellipsis = "…"): string {
  if (charCount(s) <= max) return s;
  return cutToChars(s, max - charCount(ellipsis)).trimEnd() + ellipsis;
}
