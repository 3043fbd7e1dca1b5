import { describe, expect, it } from "vitest";
import { buildIssue } from "@/lab/build-issue";
import type { CorpusArticle } from "@/lab/corpus";
import type { IssuePlan } from "@/lab/plan";
import type { StyleName } from "@/lab/styles";
import { bodyText, type PageTruth } from "@/lab/truth";
import { readPdf } from "@/lib/pdf/read";
import { toContractJson } from "../contract";
import { invariantProblems } from "../invariant";
import { analysePage, segmentPdf } from "./index";
import { iou } from "./geometry";
import { articleRects, boundingBoxes } from "./regions";

/*
 * The layout analysis on pages the segmentation lab typesets from made-up articles (no corpus
 * needed), in each house style: columns, reading order, headline levels and grouping are checked
 * against the lab's truth, region by region. Typesetting and reading cost seconds, so this runs
 * in the lab stage of npm test (scripts/test-all.sh), not among the quick unit tests.
 */
const SENTENCES = [
  "区里把这项工作列为今年的重点任务，各部门按照时间节点推进落实。",
  "记者在现场看到，工人们正在加紧施工，新修的道路已经初具规模。",
  "负责人介绍说，项目建成后将惠及周边三个镇街的两万多名群众。",
  "下一步，当地还将继续完善配套设施，让群众生活更加方便。",
];

function article(seq: number, paragraphs: number, opts: Partial<CorpusArticle> = {}): CorpusArticle {
  return {
    paper: "人民日报",
    date: "2026-05-07",
    page: 1,
    pageName: "要闻",
    seq,
    kicker: null,
    title: `测试稿件第${seq}篇的主题`,
    subtitle: null,
    byline: "本报记者  张  三",
    body: Array.from({ length: paragraphs }, (_, k) => ({ role: "paragraph" as const, text: `${k + 1}${SENTENCES.join("").repeat(1 + (k % 2))}` })),
    url: `https://example.cn/${seq}`,
    ...opts,
  };
}

const ARTICLES = [
  article(1, 9, { kicker: "区委区政府召开专题会议强调", subtitle: "——全年计划新建项目四十个" }),
  article(2, 4, { body: [{ role: "paragraph", text: SENTENCES.join("").repeat(3) }, { role: "heading", text: "小标题一 推进落实" }, { role: "paragraph", text: SENTENCES.join("").repeat(2) }] }),
  article(3, 3),
  article(4, 2, { byline: "新华社记者  李  四" }),
];

async function page(style: StyleName): Promise<{ truth: PageTruth; pdf: Buffer }> {
  const plan: IssuePlan = {
    id: `${style}-2026-05-07-t9`,
    style,
    split: "dev",
    sourcePaper: "人民日报",
    date: "2026-05-07",
    paperIndex: 0,
    pages: [{ page: 1, pageName: "要闻", sourcePage: 1, articles: ARTICLES }],
  };
  const built = await buildIssue(plan);
  const p = built.pages[0];
  if (!p) throw new Error("no page");
  return { truth: p.truth, pdf: p.pdf };
}

const norm = (s: string | null | undefined) => (s ?? "").replace(/\s+/g, "");

describe.each(["county-weekly", "national-daily", "city-epaper", "flat-tabloid"] as const)("a %s page read from its PDF", (style) => {
  it("finds every story with its headline stack, its text in reading order and its region, and nothing else", { timeout: 120_000 }, async () => {
    const { truth, pdf } = await page(style);
    const contents = await readPdf(new Uint8Array(pdf));
    const seg = segmentPdf(contents);
    expect(invariantProblems(seg)).toEqual([]);
    const json = toContractJson(seg);
    // Grouping: one article per story, none made of furniture (masthead, ads, stamps, credits).
    expect(json.articles.map((a) => norm(a.title))).toEqual(truth.articles.map((a) => norm(a.title)));
    truth.articles.forEach((t, i) => {
      const a = json.articles[i];
      // Headline levels: 引题, 主题 and 副题 told apart by size (and, in the flat style, by the printed cues).
      expect([norm(a?.kicker), norm(a?.subtitle)]).toEqual([norm(t.kicker), norm(t.subtitle)]);
      // Columns and reading order: the whole body, column after column, paragraph joins included.
      expect(norm(bodyText(a?.body ?? []))).toBe(norm(bodyText(t.body)));
      // The region covers the truth box.
      const box = boundingBoxes(articleRects(seg.layout, seg.articles[i] as (typeof seg.articles)[number], i))[0];
      expect(box && iou(box, t.box)).toBeGreaterThan(0.9);
    });
    expect(json.pages).toEqual([{ number: 1, width: truth.size.width, height: truth.size.height }]);
  });
});

describe("the layout analysis of a lab page", () => {
  it("reads a multi-column story's columns left to right under its headline", { timeout: 60_000 }, async () => {
    const { truth, pdf } = await page("county-weekly");
    const [content] = await readPdf(new Uint8Array(pdf));
    const analysis = analysePage(content as NonNullable<typeof content>);
    const lead = truth.articles[0] as PageTruth["articles"][number];
    const group = analysis.groups.find((g) => g.stack?.lines.some((l) => lead.title?.startsWith(l.text.slice(0, 6))));
    const columns = (group?.blocks ?? []).filter((b) => b.kind === "text" && b.lines.length > 3);
    // Several columns, each left of the next, all below the headline.
    expect(columns.length).toBeGreaterThan(1);
    const xs = [...new Set(columns.map((b) => Math.round(b.x)))];
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    for (const b of columns) expect(b.y).toBeGreaterThan((group?.stack?.y ?? 0) + (group?.stack?.h ?? 0) - 1);
  });
});
