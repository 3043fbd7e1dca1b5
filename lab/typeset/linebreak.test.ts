import { describe, expect, it } from "vitest";
import { measure } from "./fonts";
import { breakParagraph } from "./linebreak";

const TEXT =
  "去年，我市启动实施高新技术企业和科技型企业“双倍增”行动计划，新认定高新技术企业3071家、新增科技型企业15535家，分别增长19.2%、36.1%。市科技局局长介绍，今年我市将实施五大行动（详见《行动方案》）——加快培育一批高质量市场主体……";

describe("breakParagraph (避头尾)", () => {
  const size = 9;
  const width = 13 * size;
  const lines = breakParagraph(TEXT, "serif", size, width, 2);

  it("loses no character: the lines are the paragraph, in order", () => {
    expect(lines.map((l) => l.text).join("")).toBe(TEXT);
    lines.forEach((l, i) => i > 0 && expect(l.start).toBe(lines[i - 1]?.end));
  });

  it("starts no line with closing punctuation and ends none with an opening mark", () => {
    for (const l of lines.slice(1)) expect(l.text[0]).not.toMatch(/[，。、；：！？）》”…—%]/);
    for (const l of lines.slice(0, -1)) expect(l.text[l.text.length - 1]).not.toMatch(/[（《“]/);
  });

  it("keeps every line within the measure, the first indented by two ems", () => {
    expect(lines[0]?.indent).toBe(2 * size);
    for (const l of lines) expect(l.indent + measure(l.text, "serif", size)).toBeLessThanOrEqual(width + 0.01);
    expect(lines.filter((l) => l.last)).toHaveLength(1);
  });

  it("does not split numbers or the two halves of …… and ——", () => {
    const joined = lines.map((l) => l.text);
    for (const n of ["3071", "15535", "19.2%", "36.1%"]) expect(joined.some((l) => l.includes(n))).toBe(true);
    expect(joined.some((l) => l.endsWith("—") && !l.endsWith("——"))).toBe(false);
  });

  it("lets a comma hang past the measure when the style allows it", () => {
    const text = "一二三四五六七八九十，一二三四五六七八九十。";
    const hung = breakParagraph(text, "serif", size, 10 * size, 0, true);
    expect(hung[0]?.text).toBe("一二三四五六七八九十，");
    const pushed = breakParagraph(text, "serif", size, 10 * size, 0, false);
    expect(pushed[0]?.text).toBe("一二三四五六七八九");
  });
});
