import { statSync } from "node:fs";
import * as fontkit from "fontkit";

/**
 * The four Noto CJK faces the lab prints with (Debian's fonts-noto-cjk): 宋体-like serif
 * for body text, 黑体-like sans for headlines, labels and captions, each regular and bold.
 * Simplified Chinese glyphs (the "sc" faces of the collections).
 */
export type FontKey = "serif" | "serifBold" | "sans" | "sansBold";

export const FONT_DIR = "/usr/share/fonts/opentype/noto";

export const FONT_FILES: Record<FontKey, { file: string; postscriptName: string }> = {
  serif: { file: `${FONT_DIR}/NotoSerifCJK-Regular.ttc`, postscriptName: "NotoSerifCJKsc-Regular" },
  serifBold: { file: `${FONT_DIR}/NotoSerifCJK-Bold.ttc`, postscriptName: "NotoSerifCJKsc-Bold" },
  sans: { file: `${FONT_DIR}/NotoSansCJK-Regular.ttc`, postscriptName: "NotoSansCJKsc-Regular" },
  sansBold: { file: `${FONT_DIR}/NotoSansCJK-Bold.ttc`, postscriptName: "NotoSansCJKsc-Bold" },
};

export const BOLD_FONTS: ReadonlySet<FontKey> = new Set(["serifBold", "sansBold"]);

/** The em box of a line, for truth boxes: from 0.88 em above the baseline to 0.12 em below. */
export const ASCENT = 0.88;
export const DESCENT = 0.12;

const loaded = new Map<FontKey, fontkit.Font>();
const printable = new Map<FontKey, fontkit.Font>();
const widths = new Map<FontKey, Map<number, number>>();

/** The fontkit font, opened once per process (the collections are 20–27 MB). */
export function fontOf(key: FontKey): fontkit.Font {
  let f = loaded.get(key);
  if (!f) {
    const { file, postscriptName } = FONT_FILES[key];
    let opened: fontkit.Font | fontkit.FontCollection;
    try {
      opened = fontkit.openSync(file, postscriptName);
    } catch (e) {
      throw new Error(`cannot open ${file} (${e instanceof Error ? e.message : e}): install Debian's fonts-noto-cjk`);
    }
    if (!("glyphForCodePoint" in opened)) throw new Error(`${file} has no face ${postscriptName}`);
    f = opened;
    loaded.set(key, f);
  }
  return f;
}

/** Advance width of one character in ems (cached; CJK characters and full-width punctuation are 1). */
export function advance(key: FontKey, cp: number): number {
  let table = widths.get(key);
  if (!table) widths.set(key, (table = new Map()));
  let w = table.get(cp);
  if (w === undefined) {
    const font = fontOf(key);
    w = font.hasGlyphForCodePoint(cp) ? font.glyphForCodePoint(cp).advanceWidth / font.unitsPerEm : 1;
    table.set(cp, w);
  }
  return w;
}

/** Width of a string in points. */
export function measure(text: string, key: FontKey, size: number): number {
  let w = 0;
  for (const ch of text) w += advance(key, ch.codePointAt(0) as number);
  return w * size;
}

/** Sizes and dates of the font files, for the cache key: new fonts mean new pages. */
export function fontFingerprint(): string {
  return (Object.keys(FONT_FILES) as FontKey[])
    .map((k) => {
      const s = statSync(FONT_FILES[k].file);
      return `${k}:${s.size}:${Math.floor(s.mtimeMs)}`;
    })
    .join(",");
}

/**
 * The font as pdfkit should print it: glyphs straight from the character map, advances
 * from the font, no OpenType shaping. Chinese needs none here (no vertical forms, no
 * ligatures), shaping every line through GSUB was most of the typesetting time, and the
 * widths then equal measure()'s exactly. Everything else (subsetting, metrics, ToUnicode)
 * is the real font's, through the prototype.
 */
export function printableFont(key: FontKey): fontkit.Font {
  let f = printable.get(key);
  if (!f) {
    const font = fontOf(key);
    const fast = Object.create(font) as { layout: (text: string) => unknown };
    fast.layout = (text: string) => {
      const glyphs: fontkit.Glyph[] = [];
      const positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[] = [];
      for (const ch of text) {
        const g = font.glyphForCodePoint(ch.codePointAt(0) as number);
        glyphs.push(g);
        positions.push({ xAdvance: g.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 });
      }
      return {
        glyphs,
        positions,
        // pdfkit scales the positions in place and reads the run's width afterwards.
        get advanceWidth() {
          return positions.reduce((s, p) => s + p.xAdvance, 0);
        },
      };
    };
    f = fast as unknown as fontkit.Font;
    printable.set(key, f);
  }
  return f;
}
