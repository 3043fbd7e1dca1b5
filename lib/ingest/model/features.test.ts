import { describe, expect, it } from "vitest";
import { readPage } from "../page";
import { pageFeatures } from "./features";

const featuresOf = (text: string) => {
  const { reading } = readPage(text);
  const f = pageFeatures(reading);
  return (line: string) => f[reading.lines.findIndex((l) => l.text === line)] as string[];
};

describe("byline role words", () => {
  it("are the byline grammar's list: 实习生 and 作者 count, 工作者 does not", () => {
    const at = featuresOf(["实习生 张三", "作者 李四", "先进工作者代表"].join("\n"));
    expect(at("实习生 张三")).toContain("rule:byline");
    expect(at("作者 李四")).toContain("rule:byline");
    expect(at("先进工作者代表").some((f) => f.startsWith("roleWord"))).toBe(false);
  });
});
