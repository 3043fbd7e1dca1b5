import type { PublicArticle } from "../types";

export const HOSTILE = `<script>alert(1)</script> & "x" 'y' ]]> \u0000\u0008\uFFFE\uFFFF\uD800 end`;

export function makeArticle(overrides: Partial<PublicArticle> = {}): PublicArticle {
  return {
    id: 1,
    kicker: null,
    title: "重庆将实施五大行动加速创新要素向企业集聚",
    subtitle: null,
    byline: "本报讯(融媒体中心记者 张雪)",
    reporters: ["张雪"],
    photographers: [],
    sectionName: "要闻",
    sectionSlug: "yaowen",
    issueDate: "2024-03-08",
    pages: [{ number: 1, name: "要闻" }],
    publishedAt: new Date("2024-03-08T00:30:00Z"),
    updatedAt: new Date("2024-03-08T02:00:00Z"),
    language: "zh-CN",
    bodyText: "重庆日报消息 近日，记者从2024年全市科技工作会上获悉，今年我市将实施五大行动，加速创新要素向企业集聚。\n去年，我市启动实施高新技术企业和科技型企业“双倍增”行动计划。",
    correction: null,
    ...overrides,
  };
}
