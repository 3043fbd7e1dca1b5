import { IMPORT_RAW_BYTES } from "../limits";
import { IngestError } from "./errors";
import type { Encoding } from "./types";

export const MAX_INPUT_BYTES = IMPORT_RAW_BYTES;

export type Decoded = { text: string; encoding: Encoding };

const formatMb = (n: number) => (n / (1024 * 1024)).toFixed(1);

/** Refuses inputs above `maxBytes`; shared by byte and string inputs. */
export function checkSize(byteLength: number, maxBytes: number = MAX_INPUT_BYTES): void {
  if (byteLength > maxBytes) {
    throw new IngestError(
      "too_large",
      `input is too large (${formatMb(byteLength)} MB; the limit is ${formatMb(maxBytes)} MB)`,
    );
  }
}

/** Empty means nothing but whitespace, including the characters normalization removes. */
export function checkNotEmpty(text: string): void {
  if (/^[\s\u200B-\u200D\u2060\uFEFF]*$/.test(text)) throw new IngestError("empty", "input is empty");
}

function decodeStrict(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * How many control characters PDF extraction may leave in a page's text: a few, or one in
 * `per` characters. NULs must keep within both (binary data and UTF-16 without its BOM
 * have them by the hundred, or in a short input densely); other control characters may
 * pass either.
 */
const STRAY_CONTROLS = { few: 8, per: 200 } as const;

/**
 * A few NULs in a page's text are extraction damage, not binary data: pdf.js gives U+0000 for
 * a glyph its font maps to no character (a space in a font without one), a handful on a page.
 * More are refused at the first one.
 */
function binaryNul(bytes: Uint8Array): number {
  const first = bytes.indexOf(0);
  if (first < 0) return -1;
  let count = 0;
  for (let i = first; i < bytes.length; i++) if (bytes[i] === 0) count++;
  return count > STRAY_CONTROLS.few || count > bytes.length / STRAY_CONTROLS.per ? first : -1;
}

/**
 * Control characters other than ordinary whitespace and form feed do not occur in
 * typed text; a few may survive from PDF extraction, many mean binary data.
 */
function checkControls(text: string): void {
  let count = 0;
  let first = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) {
      if (first < 0) first = i;
      count++;
    }
  }
  if (count > STRAY_CONTROLS.few && count > text.length / STRAY_CONTROLS.per) {
    throw new IngestError("binary", `input looks binary (control characters from offset ${first})`);
  }
}

/**
 * GB18030 maps almost any byte sequence to something, so a successful decode proves
 * little: require the result to be mostly CJK, ASCII and common punctuation.
 */
function plausibleChinese(text: string): boolean {
  let odd = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const ok =
      c < 0x80 ||
      (c >= 0x2000 && c <= 0x206f) ||
      (c >= 0x2e80 && c <= 0x9fff) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xffef) ||
      (c >= 0x2460 && c <= 0x27bf);
    if (!ok) odd++;
  }
  return odd <= text.length * 0.05;
}

/** Detects the encoding of raw issue text and decodes it, or refuses it with an IngestError. */
export function decodeInput(bytes: Uint8Array, opts: { maxBytes?: number } = {}): Decoded {
  checkSize(bytes.length, opts.maxBytes);
  if (bytes.length === 0) throw new IngestError("empty", "input is empty");

  let decoded: Decoded | null = null;
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) {
    const text = decodeStrict("utf-8", bytes.subarray(3));
    if (text === null) throw new IngestError("undecodable", "input starts with a UTF-8 BOM but is not valid UTF-8");
    decoded = { text, encoding: "utf-8-bom" };
  } else if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    const encoding = b0 === 0xff ? "utf-16le" : "utf-16be";
    const text = decodeStrict(encoding, bytes.subarray(2));
    if (text === null) throw new IngestError("undecodable", `input starts with a ${encoding.toUpperCase()} BOM but is not valid ${encoding.toUpperCase()}`);
    decoded = { text, encoding };
  } else {
    const nul = binaryNul(bytes);
    if (nul >= 0) throw new IngestError("binary", `input looks binary (NUL bytes at offset ${nul})`);
    const utf8 = decodeStrict("utf-8", bytes);
    if (utf8 !== null) decoded = { text: utf8, encoding: "utf-8" };
    else {
      const gb = decodeStrict("gb18030", bytes);
      if (gb === null || !plausibleChinese(gb)) {
        throw new IngestError("undecodable", "input is neither UTF-8, UTF-16 nor GB18030 text");
      }
      decoded = { text: gb, encoding: "gb18030" };
    }
  }
  checkControls(decoded.text);
  checkNotEmpty(decoded.text);
  return decoded;
}
