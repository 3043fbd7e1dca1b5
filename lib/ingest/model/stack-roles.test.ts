import { describe, expect, it } from "vitest";
import stackRoles from "./stack-roles.json";
import { calibrateStackRoles, heldOutRight, stackPairFeatures, stackRoleScore, trainStackRoles, WORDS_DECIDE, type StackPair, type StackRolesJson } from "./stack-roles";

// Toy stacks with the cues papers print: a kicker ends with ——, a subtitle opens with it.
const PAIRS: StackPair[] = [
  { upper: "浙江舟山外卖女骑手——", lower: "攥住生活的车把", kickerOver: true },
  { upper: "河南老君山挑山女工——", lower: "不负滚烫人生", kickerOver: true },
  { upper: "四川宜宾网格员——", lower: "轻装上阵", kickerOver: true },
  { upper: "开拓创新勇争先", lower: "——中管企业干部职工实干笃行", kickerOver: false },
  { upper: "深化两岸融合发展", lower: "——重要讲话为两岸关系指明方向", kickerOver: false },
  { upper: "全国暑期消费季启动", lower: "——发放超4.5亿元消费补贴", kickerOver: false },
];

describe("the two-part stack model", () => {
  it("reads each part's characters and pairs on its own side, with the lengths compared", () => {
    const f = stackPairFeatures("引 题", "主题");
    expect(f).toEqual(expect.arrayContaining(["a1引", "a1_", "a2引_", "b1主", "b2主题", "alen0", "afirst引", "blast题", "asp1", "bsp0", "d-1"]));
  });

  it("learns the printed cues from examples: a kicker ending with —— over its title, a title over a subtitle opening with ——", () => {
    const w = trainStackRoles(PAIRS, { epochs: 10 });
    expect(stackRoleScore(w, "福建宁德养殖户——", "海上牧场")).toBeGreaterThan(0);
    expect(stackRoleScore(w, "海上牧场", "——福建宁德养殖户的新生活")).toBeLessThan(0);
  });

  it("trains deterministically: the same stacks give the same weights, another seed may not", () => {
    const a = JSON.stringify(trainStackRoles(PAIRS, { epochs: 5, seed: 3 }));
    expect(JSON.stringify(trainStackRoles(PAIRS, { epochs: 5, seed: 3 }))).toBe(a);
    expect(JSON.parse(a)).not.toEqual({});
  });

  it("measures how often it is right by score on stacks held out of its training, every stack once", () => {
    const stacks = [...PAIRS, ...PAIRS.map((p) => ({ ...p, upper: `${p.upper}。`, lower: `${p.lower}！` }))];
    const buckets = calibrateStackRoles(stacks);
    expect(buckets.map((b) => b.minScore)).toEqual([0, 10, 20, 30]);
    expect(buckets.reduce((n, b) => n + b.stacks, 0)).toBe(stacks.length);
    expect(buckets.every((b) => b.right <= b.stacks)).toBe(true);
    expect(calibrateStackRoles(stacks)).toEqual(buckets);
    expect(heldOutRight({ heldOut: [{ minScore: 0, stacks: 4, right: 2 }, { minScore: 10, stacks: 10, right: 9 }] }, -12)).toBe(0.9);
    expect(heldOutRight({ heldOut: [{ minScore: 0, stacks: 4, right: 2 }, { minScore: 10, stacks: 10, right: 9 }] }, 3)).toBe(0.5);
  });

  it("ships weights trained on the lab's dev stacks, with their held-out check, sure of a stack the lab did not hold", () => {
    const json = stackRoles as unknown as StackRolesJson;
    expect(json.version).toBe(1);
    expect(json.trainedOn.split).toBe("dev");
    expect(json.trainedOn.stacks).toBeGreaterThan(500);
    expect(json.heldOut.reduce((n, b) => n + b.stacks, 0)).toBe(json.trainedOn.stacks);
    expect(Object.values(json.weights).every((v) => Number.isFinite(v))).toBe(true);
    // A ministry's short announcement over what it sets out: a kicker over its title.
    const score = stackRoleScore(json.weights, "民政部发布指引", "加强城乡三级养老服务网络建设管理");
    expect(score).toBeGreaterThan(0);
    expect(heldOutRight(json, score)).toBeGreaterThanOrEqual(WORDS_DECIDE);
  });
});
