import { describe, expect, it } from "vitest";
import { readPage } from "../page";
import { pageFeatures } from "./features";

const featuresOf = (text: string) => {
  const { reading } = readPage(text);
  const f = pageFeatures(reading);
  return (line: string) => f[reading.lines.findIndex((l) => l.text === line)] as string[];
};

describe("the page's words as evidence", () => {
  // Two stories; the second one's headline printed under its body (headline-last make-up).
  const page = [
    "乡村振兴的故事在村里传开了，乡村振兴让农民增收，也让村庄变美。",
    "村里的合作社种植蔬菜，农民在合作社务工，农民增收有了门路。",
    "乡村振兴还带来了新的产业，村里的农民日子越过越红火，村庄变美了。",
    "城市更新让老街焕发新生，老街的商铺重新开张，游客也多了起来。",
    "城市更新项目还修缮了老街的古建筑，老街居民的生活更方便了。",
    "老街焕发新生机",
  ].join("\n");
  const at = featuresOf(page);

  it("matches a headline printed under its body to its lead above it", () => {
    expect(at("老街焕发新生机").some((f) => f.startsWith("leadIs=above|"))).toBe(true);
    expect(at("城市更新让老街焕发新生，老街的商铺重新开张，游客也多了起来。").some((f) => f.startsWith("headIs=below|"))).toBe(true);
  });

  it("reads the words changing where the second story begins", () => {
    const coh = (line: string) => at(line).find((f) => f.startsWith("coh=") && f.includes("|p1end="));
    const within = coh("乡村振兴还带来了新的产业，村里的农民日子越过越红火，村庄变美了。");
    const between = coh("城市更新让老街焕发新生，老街的商铺重新开张，游客也多了起来。");
    expect(between).toMatch(/^coh=0\|/);
    expect(within).not.toMatch(/^coh=0\|/);
  });
});

describe("byline role words", () => {
  it("are the byline grammar's list: 实习生 and 作者 count, 工作者 does not", () => {
    const at = featuresOf(["实习生 张三", "作者 李四", "先进工作者代表"].join("\n"));
    expect(at("实习生 张三")).toContain("rule:byline");
    expect(at("作者 李四")).toContain("rule:byline");
    expect(at("先进工作者代表").some((f) => f.startsWith("roleWord"))).toBe(false);
  });
});
