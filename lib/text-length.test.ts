import { describe, expect, it } from "vitest";
import { z } from "zod";
import { charCount, cutToChars, truncateText } from "./text-length";

const ASTRAL = "𠀀"; // U+20000, a CJK character outside the BMP: two UTF-16 units
const FAMILY = "👨‍👩‍👧"; // one grapheme cluster, five code points
const isWellFormed = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

describe("charCount", () => {
  it("counts code points, not UTF-16 units", () => {
    expect(charCount("荣昌报")).toBe(3);
    expect(charCount(ASTRAL.repeat(3))).toBe(3);
    expect(charCount(FAMILY)).toBe(5);
    expect(charCount("")).toBe(0);
    // A lone surrogate is one (broken) code point.
    expect(charCount("a\uD800b")).toBe(3);
    expect(charCount("\uDC00\uD800")).toBe(2);
  });
});

describe("cutToChars", () => {
  it("keeps text that fits, whole", () => {
    expect(cutToChars("一二三", 3)).toBe("一二三");
    expect(cutToChars(ASTRAL.repeat(200), 200)).toBe(ASTRAL.repeat(200));
  });

  it("never splits a surrogate pair: the 200-character title whose last character is outside the BMP", () => {
    const title = "荣".repeat(199) + ASTRAL;
    expect(title.length).toBe(201);
    expect(title.slice(0, 200)).not.toBe(title); // what the old cut did: a lone high surrogate at the end
    expect(isWellFormed(title.slice(0, 200))).toBe(false);
    expect(cutToChars(title, 200)).toBe(title);
    const longer = title + "尾";
    expect(cutToChars(longer, 200)).toBe(title);
    expect(cutToChars(longer, 199)).toBe("荣".repeat(199));
  });

  it("cuts between grapheme clusters: no half family, no accent without its letter, no half flag", () => {
    expect(cutToChars(`ab${FAMILY}`, 4)).toBe("ab");
    expect(cutToChars(`ab${FAMILY}c`, 7)).toBe(`ab${FAMILY}`);
    expect(cutToChars("e\u0301e\u0301", 3)).toBe("e\u0301");
    expect(cutToChars("🇨🇳🇨🇳", 3)).toBe("🇨🇳");
    expect(cutToChars("abc", 0)).toBe("");
  });

  it("is well-formed and within the limit for every cut of a mixed string", () => {
    const mixed = `荣${ASTRAL}a${FAMILY}e\u0301🇨🇳${ASTRAL}。`;
    for (let max = 0; max <= charCount(mixed) + 1; max++) {
      const cut = cutToChars(mixed, max);
      expect(charCount(cut)).toBeLessThanOrEqual(max);
      expect(isWellFormed(cut)).toBe(true);
      expect(mixed.startsWith(cut)).toBe(true);
    }
  });

  it("cuts plain text where the segmenter would, and defers to it when a mark follows the cut", () => {
    const seg = new Intl.Segmenter("und", { granularity: "grapheme" });
    const byClusters = (s: string, max: number) => {
      let used = 0;
      let end = 0;
      for (const { segment, index } of seg.segment(s)) {
        if (used + charCount(segment) > max) break;
        used += charCount(segment);
        end = index + segment.length;
      }
      return s.slice(0, end);
    };
    const texts = ["本报讯（记者 王敏）3月8日，荣昌区召开——“两会”精神…传达会。", "A1 版: 2024-03-08 (周五)", "声调\u302a标记", "ｶﾞｷﾞ半角", "e\u0301a", "一\u200d二", "\u3000　全角空格！"];
    for (const t of texts) for (let max = 1; max < t.length; max++) expect(cutToChars(t, max)).toBe(byClusters(t, max));
  });

  it("cuts a very long string", () => {
    expect(cutToChars("荣".repeat(2_000_000), 100)).toBe("荣".repeat(100));
  });
});

describe("truncateText", () => {
  it("ends a cut text with an ellipsis, within the limit", () => {
    expect(truncateText("一二三四五", 5)).toBe("一二三四五");
    expect(truncateText("一二三四五六", 5)).toBe("一二三四…");
    expect(truncateText(`${ASTRAL}${ASTRAL}${ASTRAL}`, 2)).toBe(`${ASTRAL}…`);
    expect(truncateText(`一${FAMILY}二三`, 4)).toBe("一…");
  });
});

describe("zod's string limits", () => {
  // Every schema in lib/validations relies on this: a limit of 200 means 200 characters, as charCount counts them.
  it("count code points, as charCount does", () => {
    const title = z.string().trim().max(200);
    expect(title.safeParse(ASTRAL.repeat(200)).success).toBe(true);
    const refused = title.safeParse(ASTRAL.repeat(201));
    expect(refused.error?.issues[0]).toMatchObject({ code: "too_big", maximum: 200 });
    expect(z.string().max(4).safeParse(FAMILY).success).toBe(false);
    expect(z.string().max(5).safeParse(FAMILY).success).toBe(true);
    expect(z.string().min(3).safeParse(ASTRAL.repeat(2)).success).toBe(false);
  });
});
