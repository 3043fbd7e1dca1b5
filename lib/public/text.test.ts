import { describe, expect, it } from "vitest";
import { toRfc822, toW3cDateTime } from "./dates";
import { collapseWhitespace, displayTitle, truncateText } from "./text";
import { makeArticle } from "./testing/fixtures";
import { escapeXml, stripInvalidXmlChars } from "./xml";

describe("text helpers", () => {
  it("collapses whitespace including the ideographic space", () => {
    expect(collapseWhitespace(" 甲\n\n乙\u3000丙\t")).toBe("甲 乙 丙");
  });

  it("truncates by code point with an ellipsis", () => {
    expect(truncateText("一二三四五", 5)).toBe("一二三四五");
    expect(truncateText("一二三四五六", 5)).toBe("一二三四…");
    expect(truncateText("𠀀𠀀𠀀", 2)).toBe("𠀀…");
  });

  it("always finds a display title", () => {
    expect(displayTitle(makeArticle({ title: "  标题 " }))).toBe("标题");
    expect(displayTitle(makeArticle({ title: null, subtitle: null, kicker: "引题" }))).toBe("引题");
    expect(displayTitle(makeArticle({ title: " ", subtitle: null, kicker: null, bodyText: "正文开头" }))).toBe("正文开头");
    expect(displayTitle(makeArticle({ id: 9, title: null, subtitle: null, kicker: null, bodyText: "" }))).toBe("#9");
  });
});

describe("dates and XML", () => {
  it("formats timestamps for feeds", () => {
    const d = new Date("2024-03-08T01:30:00.123Z");
    expect(toW3cDateTime(d)).toBe("2024-03-08T01:30:00Z");
    expect(toRfc822(d)).toBe("Fri, 08 Mar 2024 01:30:00 GMT");
    expect(() => toW3cDateTime(new Date("nope"))).toThrow(RangeError);
  });

  it("escapes markup and strips characters XML 1.0 forbids", () => {
    expect(escapeXml(`<a href="x">&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;");
    expect(stripInvalidXmlChars("a\u0000b\u0008c\u000Bd\u007Fe\u0085f\uD800g\uDFFFh\uFFFEi\uFFFFj")).toBe("abcdefghij");
    expect(stripInvalidXmlChars("tab\tnl\ncr\r 中文 😀 \u{10FFFF}")).toBe("tab\tnl\ncr\r 中文 😀 \u{10FFFF}");
  });
});
