import { describe, expect, it } from "vitest";
import { hasVisibleText, visibleText } from "./visible-text";

describe("hasVisibleText", () => {
  it.each([
    ["", "empty"],
    ["   \t\n", "whitespace"],
    ["\u3000\u00A0\u2003", "ideographic, no-break and em spaces"],
    ["\u200B\u200C\u200D\u2060\uFEFF", "zero-width space, joiners, word joiner, BOM"],
    ["\u00AD\u200E\u200F\u202E", "soft hyphen and bidi marks"],
    ["\u3164\u115F\u1160\uFFA0", "Hangul fillers"],
    ["\uFE0F\uFE00\u034F", "variation selectors, combining grapheme joiner"],
    ["\u0301\u0308", "combining marks without a base"],
    ["\u2800\u2800", "braille pattern blank"],
    ["\u{E0041}\u{E0042}", "tag characters"],
    ["\uD800", "a lone surrogate"],
  ])("refuses %j (%s)", (text) => {
    expect(hasVisibleText(text)).toBe(false);
  });

  it.each([["荣昌"], ["A"], ["7"], ["，"], ["\u200B标题\u200B"], ["é"], ["😀"], ["\u2801"]])("accepts %j", (text) => {
    expect(hasVisibleText(text)).toBe(true);
  });

  it("keeps the visible characters in order", () => {
    expect(visibleText("\u200B荣\u3000昌\u2060报 ")).toBe("荣昌报");
  });

  it("treats null and undefined as nothing", () => {
    expect(hasVisibleText(null)).toBe(false);
    expect(hasVisibleText(undefined)).toBe(false);
  });
});
