import { checkNotEmpty, checkSize, decodeInput, MAX_INPUT_BYTES } from "./decode";
import { detectFormat, splitLines, type Line } from "./lines";
import { parseMasthead, type MastheadResult } from "./masthead";
import { normalize } from "./normalize";
import { readLines, type Reading } from "./reading";
import type { Encoding, Format, IngestOptions } from "./types";

/**
 * Everything before labelling: bytes → text (decoded, normalized; every offset from here
 * on points into this text), its lines, its format, the masthead at the top, and the
 * lines after it in reading order. Shared by the engine, training and the lab.
 */
export type PageText = {
  encoding: Encoding;
  text: string;
  format: Format;
  lines: Line[];
  masthead: MastheadResult | null;
  reading: Reading;
};

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 2 : 3;
  }
  return n;
}

/** Decodes (bytes) or checks (strings), normalizes and reads; throws IngestError on bad input. */
export function readPage(input: Uint8Array | string, opts: IngestOptions = {}): PageText {
  let raw: string;
  let encoding: Encoding;
  if (typeof input === "string") {
    checkSize(utf8Length(input), opts.maxBytes ?? MAX_INPUT_BYTES);
    raw = input;
    encoding = "utf-8";
  } else {
    const d = decodeInput(input, { maxBytes: opts.maxBytes ?? MAX_INPUT_BYTES });
    raw = d.text;
    encoding = d.encoding;
  }
  const text = normalize(raw);
  checkNotEmpty(text);
  const lines = splitLines(text);
  const format = detectFormat(text, lines);
  const md = format === "markdown";
  const masthead = parseMasthead(text, lines, md);
  const reading = readLines(text, lines, md, masthead?.endLine ?? 0);
  return { encoding, text, format, lines, masthead, reading };
}
