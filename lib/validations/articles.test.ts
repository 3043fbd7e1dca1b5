import { describe, expect, it } from "vitest";
import { articleFieldsSchema } from "./articles";

const base = { kicker: "", title: "标题", subtitle: "", rubric: "", byline: "", source: "", reporters: "张三 李四", correspondents: "", photographers: "", sectionId: "", language: "zh-CN" };

describe("articleFieldsSchema", () => {
  it("splits names the way a newsroom types them", () => {
    const parsed = articleFieldsSchema.parse({ ...base, reporters: "张三、李四，王五 赵六" });
    expect(parsed.reporters).toEqual(["张三", "李四", "王五", "赵六"]);
  });

  it("keeps 4-byte CJK, joiners and direction marks exactly", () => {
    const title = "𠀀𪚥 👨‍👩‍👧 \u202Eabc\u202C";
    expect(articleFieldsSchema.parse({ ...base, title }).title).toBe(title);
  });

  it("refuses a lone surrogate with a message key", () => {
    const result = articleFieldsSchema.safeParse({ ...base, title: "坏\uD800字" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("validation.brokenText");
  });

  it("refuses unknown fields", () => {
    expect(articleFieldsSchema.safeParse({ ...base, state: "published" }).success).toBe(false);
  });
});
