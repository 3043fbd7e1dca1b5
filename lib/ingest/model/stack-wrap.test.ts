import { describe, expect, it } from "vitest";
import stackWrap from "./stack-wrap.json";
import { calibrateStackRoles, stackRoleScore, trainStackRoles, type StackPair, type StackRolesJson } from "./stack-roles";
import { readWrapWords, wrapPairFeatures } from "./stack-wrap";

// Toy lines: a short announcement over what it sets out, against one title cut mid-word.
const PAIRS: StackPair[] = [
  { upper: "国家税务总局", lower: "在成品油零售领域全面推广交易即开票", kickerOver: true },
  { upper: "第十三届亚锦赛", lower: "中国体操男队收获4金4银", kickerOver: true },
  { upper: "青海省果洛藏族自治州", lower: "雪山下的小伙爱足球", kickerOver: true },
  { upper: "2026年“百名法学家百场报", lower: "告会”组委会会议在京召开", kickerOver: false },
  { upper: "何立峰与美国财政部长贝森特、", lower: "贸易代表格里尔举行视频通话", kickerOver: false },
  { upper: "长征十号乙成为我国首型成功实施回", lower: "收的重复使用运载火箭", kickerOver: false },
];

describe("the wrap model: a kicker over its title, or one title wrapped", () => {
  it("reads the break as well as the words: the characters either side, the lengths, how the upper line ends", () => {
    const f = wrapPairFeatures("何立峰与美国财政部长贝森特、", "贸易代表格里尔举行视频通话");
    expect(f).toEqual(expect.arrayContaining(["x、贸", "xl14", "xr-1", "xe1", "a1何", "b1贸"]));
  });

  it("trains deterministically with its own features, and learns the toy lines", () => {
    const a = trainStackRoles(PAIRS, { epochs: 5, seed: 3, features: wrapPairFeatures });
    expect(trainStackRoles(PAIRS, { epochs: 5, seed: 3, features: wrapPairFeatures })).toEqual(a);
    for (const p of PAIRS) expect(stackRoleScore(a, p.upper, p.lower, wrapPairFeatures) > 0, p.upper).toBe(p.kickerOver);
    expect(calibrateStackRoles(PAIRS, wrapPairFeatures).reduce((n, b) => n + b.stacks, 0)).toBe(PAIRS.length);
  });

  it("ships weights trained on the lab's dev lines, with their held-out check", () => {
    const json = stackWrap as unknown as StackRolesJson;
    expect(json.trainedOn.split).toBe("dev");
    expect(json.trainedOn.stacks).toBeGreaterThan(1000);
    expect(json.heldOut.reduce((n, b) => n + b.stacks, 0)).toBe(json.trainedOn.stacks);
    // A title cut mid-word runs on; a championship over its result is a kicker over a title.
    expect(readWrapWords(json, "2026年“百名法学家百场报", "告会”组委会会议在京召开").kickerOver).toBe(false);
    expect(readWrapWords(json, "第十三届亚锦赛", "中国体操男队收获4金4银").kickerOver).toBe(true);
  });
});
