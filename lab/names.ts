import type { Dice } from "./random";

/**
 * Made-up people for the parts of a page the corpus does not have (editors, designers,
 * correspondents, photographers, advertisers). Built from common surnames and given-name
 * characters, so no real person is credited with work they did not do.
 */
const SURNAMES = [..."王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"];
const GIVEN = [..."伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力鹏斌飞宇浩凯俊峰晨雪琳欣怡佳悦思源博涵宁鑫婷倩颖睿晗泽航宏志远川渝江巍嘉"];

export function personName(d: Dice): string {
  const given = d.chance(0.35) ? d.pick(GIVEN) : d.pick(GIVEN) + d.pick(GIVEN);
  return d.pick(SURNAMES) + given;
}

export function personNames(d: Dice, n: number): string[] {
  const out = new Set<string>();
  while (out.size < n) out.add(personName(d));
  return [...out];
}
