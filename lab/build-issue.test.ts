import { describe, expect, it } from "vitest";
import { buildIssue } from "./build-issue";
import type { CorpusArticle } from "./corpus";
import type { IssuePlan } from "./plan";
import { bodyText } from "./truth";

// Made-up articles (the lab's own sentences), so the test needs no corpus.
const SENTENCE = "这是实验室排版测试的一句话，用来检验整期报纸的跳版是否前后相接。";
function article(seq: number, paragraphs: number, page: number): CorpusArticle {
  return {
    paper: "人民日报",
    date: "2026-05-07",
    page,
    pageName: "要闻",
    seq,
    kicker: seq === 1 ? "实验室测试引题" : null,
    title: `第${page}版测试稿件之${seq}`,
    subtitle: null,
    byline: "本报记者  张  三",
    body: Array.from({ length: paragraphs }, (_, k) => ({ role: "paragraph" as const, text: `${k + 1}.${SENTENCE.repeat(5)}` })),
    url: `https://example.cn/${page}/${seq}`,
  };
}

describe("buildIssue", () => {
  it("continues a story cut on page 1 on page 2 and keeps both truths in step", { timeout: 60_000 }, async () => {
    const long = article(1, 40, 1);
    const plan: IssuePlan = {
      id: "county-weekly-2026-05-07-t1",
      style: "county-weekly",
      split: "dev",
      sourcePaper: "人民日报",
      date: "2026-05-07",
      paperIndex: 0,
      pages: [
        { page: 1, pageName: "要闻", sourcePage: 1, articles: [long, article(2, 3, 1), article(3, 2, 1)] },
        { page: 2, pageName: "综合", sourcePage: 2, articles: [article(1, 4, 2), article(2, 3, 2)] },
      ],
    };
    const { pages, dropped } = await buildIssue(plan);
    expect(dropped).toBe(0);
    const [p1, p2] = pages.map((p) => p.truth);
    const head = p1?.articles.find((a) => a.source.url === long.url);
    expect(head?.jumpTo).toBe(2);
    expect(head?.byline).toMatch(/^本报讯[(（]融媒体中心记者 张三/);
    const rest = p2?.articles.find((a) => a.id === `${head?.id}~2`);
    expect(rest).toMatchObject({ kind: "continuation", jumpFrom: 1, title: null, byline: null, jumpTo: null });
    // Nothing lost and nothing printed twice across the jump.
    expect(bodyText(head?.body ?? []) + bodyText(rest?.body ?? [])).toBe(long.body.map((b) => b.text).join(""));
    expect(p1?.masthead?.pageCount).toBe(2);
    for (const p of pages) expect(p.pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    // Deterministic: the same plan makes the same bytes.
    const again = await buildIssue(plan);
    expect(again.pages.map((p) => p.pdf.equals(pages[again.pages.indexOf(p)]?.pdf as Buffer))).toEqual([true, true]);
    expect(again.pages.map((p) => p.truth)).toEqual(pages.map((p) => p.truth));
  });
});
