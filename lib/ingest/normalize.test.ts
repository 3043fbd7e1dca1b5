import { describe, expect, it } from "vitest";
import { ingest } from "./index";
import { normalize } from "./normalize";

describe("normalize", () => {
  it("turns CRLF and CR into LF", () => {
    expect(normalize("a\r\nb\rc\n")).toBe("a\nb\nc\n");
  });

  it("turns unicode spaces into ASCII spaces", () => {
    expect(normalize("\u3000荣昌\u00a0报\u2002A\u202fB")).toBe(" 荣昌 报 A B");
  });

  it("reads a glyph the extractor could not name (U+0000) as a space", () => {
    expect(normalize("坚守实体经济 \u0000在加快建设")).toBe("坚守实体经济  在加快建设");
  });

  it("removes zero-width characters", () => {
    expect(normalize("荣\u200b昌\u200c报\u200d\ufeff!\u2060")).toBe("荣昌报!");
  });

  it("changes nothing else", () => {
    const s = "“引号”，全角！１２３ ## **b** <http://x.cn>\t—…";
    expect(normalize(s)).toBe(s);
  });

  it("is what the segmentation keeps and points into", () => {
    const seg = ingest("\ufeff标题\r\n\r\n正文\u3000第一段。\r\n");
    expect(seg.text).toBe("标题\n\n正文 第一段。\n");
  });
});
