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

describe("cohesion across a paragraph break", () => {
  // Two stories set one after the other, the second opening with its body (its headline
  // printed below it, as -raw and pdf.js often read a page).
  const harbour = [
    "港口新建的集装箱码头今天开港，首批货轮靠泊码头，港口吞吐能力提高三成。",
    "码头采用自动化岸桥，集装箱装卸效率比老码头提高一倍，港口方面表示将增开航线。",
    "港口负责人说，新码头投用后，货轮在港等待时间将明显缩短，集装箱运输成本随之下降。",
  ];
  const harbourMore = "集装箱码头二期工程同步开工，港口计划明年再建两个泊位，进一步扩大码头吞吐能力。";
  const school = [
    "乡村学校的孩子们迎来了新操场，塑胶跑道和篮球架都已安装完毕，老师带领学生上体育课。",
    "操场由县教育局出资修建，学校还添置了乒乓球台和单杠，课间时孩子们在操场上跑跳嬉戏。",
    "校长介绍，全县今年将有十二所乡村学校完成操场改造，让更多孩子在家门口上好体育课。",
  ];
  const cohesionOf = (features: string[]) => features.find((f) => f.startsWith("coh="))?.split("|")[0];

  it("is low where the next story opens, and higher where the same story goes on", () => {
    const at = featuresOf([...harbour, ...school, "乡村学校新操场投用", harbourMore].join("\n"));
    expect(cohesionOf(at(school[0] as string))).toBe("coh=0");
    expect(cohesionOf(at(harbour[2] as string))).not.toBe("coh=0");
  });

  it("is not asked inside a sentence wrapped over lines", () => {
    const at = featuresOf(["港口新建的集装箱码头今天开港，", "首批货轮靠泊码头，港口吞吐能力提高三成。"].join("\n"));
    expect(cohesionOf(at("首批货轮靠泊码头，港口吞吐能力提高三成。"))).toBeUndefined();
  });
});
