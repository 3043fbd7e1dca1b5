import { describe, expect, it } from "vitest";
import type { ArticleBody, BodyBlock, BodyInline } from "@/lib/article-body/types";
import { acceptedArticles } from "./accept";
import { fromSegmentation } from "./from-segmentation";
import { joinSpans } from "./spans";
import { demoExpected, demoSeg, FEATURE_PAGE, FRONT_PAGE } from "./test-samples";
import type { ArticleNode, BlockNode, WorkbenchDoc, WorkbenchRole } from "./types";

type ExpectedArticle = {
  kicker: string | null;
  title: string;
  subtitle: string | null;
  rubric?: string;
  byline: string;
  source: string | null;
  reporters: string[];
  correspondents: string[];
  bodyStarts: string;
  bodyEnds: string;
  paragraphs: number;
  jumpTo: number | null;
  captions?: string[];
};

const inlineText = (xs: readonly BodyInline[] = []) => xs.map((x) => (x.type === "text" ? x.text : "\n")).join("");
function blockTexts(b: BodyBlock): string[] {
  switch (b.type) {
    case "lead":
    case "blockquote":
      return b.content.map((p) => inlineText(p.content));
    case "bulletList":
    case "orderedList":
      return b.content.flatMap((li) => li.content.map((p) => inlineText(p.content)));
    default:
      return [inlineText(b.content)];
  }
}
const bodyOf = (x: { body: unknown }) => x.body as ArticleBody;
const allText = (x: { body: unknown }) => bodyOf(x).content.flatMap(blockTexts).join("\n");

let ids = 0;
const block = (role: WorkbenchRole, text: string): BlockNode => ({
  type: "block",
  attrs: { id: `t${++ids}`, role, spans: [], confidence: 1, doubt: null },
  ...(text ? { content: [{ type: "text" as const, text }] } : {}),
});
const docOf = (...articles: BlockNode[][]): WorkbenchDoc => ({
  type: "doc",
  content: [...articles.map((content, i): ArticleNode => ({ type: "article", attrs: { id: `k${i}`, doubt: null }, content })), { type: "tray" }, { type: "bin" }],
});

describe("acceptedArticles: front page", () => {
  const exp = (demoExpected(FRONT_PAGE) as { articles: ExpectedArticle[] }).articles;
  const doc = fromSegmentation(demoSeg(FRONT_PAGE));
  const out = acceptedArticles(doc);

  it("has one article per article node, keyed by id, with the expected headlines", () => {
    expect(out.map((a) => a.key)).toEqual(["a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8"]);
    expect(out.map((a) => a.title)).toEqual(exp.map((e) => e.title));
    expect(out.map((a) => a.kicker)).toEqual(exp.map((e) => e.kicker));
    expect(out.map((a) => a.subtitle)).toEqual(exp.map((e) => e.subtitle));
    expect(out.map((a) => a.rubric)).toEqual(exp.map((e) => e.rubric ?? null));
  });

  it("parses the bylines into source, reporters and correspondents", () => {
    expect(out.map((a) => a.byline)).toEqual(exp.map((e) => e.byline));
    expect(out.map((a) => a.source)).toEqual(exp.map((e) => e.source));
    expect(out.map((a) => a.reporters)).toEqual(exp.map((e) => e.reporters));
    expect(out.map((a) => a.correspondents)).toEqual(exp.map((e) => e.correspondents));
    expect(out.every((a) => a.photographers.length === 0)).toBe(true);
  });

  it("reads 下转2版 as jumpTo 2 for the commentary only", () => {
    expect(out.map((a) => a.jumpTo)).toEqual(exp.map((e) => e.jumpTo));
    expect(out[2]?.jumpTo).toBe(2);
    expect(out.every((a) => a.jumpFrom === null)).toBe(true);
    expect(allText(out[2] as { body: unknown })).not.toContain("下转");
  });

  it("keeps headlines, bylines and jumps out of the body", () => {
    out.forEach((a, i) => {
      const e = exp[i] as ExpectedArticle;
      // Whole blocks, not substrings: the commentary's last sentence quotes its own title,
      // and a paragraph may open with the kicker's words.
      const texts = bodyOf(a).content.flatMap(blockTexts);
      for (const head of [e.title, e.kicker, e.subtitle, e.rubric, e.byline]) if (head) expect(texts).not.toContain(head);
      expect(texts.some((t) => /^[(（]?\s*(下转|上接)/.test(t))).toBe(false);
      const paras = bodyOf(a).content.filter((b) => b.type === "paragraph");
      expect(paras).toHaveLength(e.paragraphs);
      expect(inlineText(paras[0]?.content)).toMatch(new RegExp(`^${e.bodyStarts.replace(/[()“”]/g, ".")}`));
      expect(inlineText(paras[paras.length - 1]?.content).endsWith(e.bodyEnds)).toBe(true);
    });
  });

  it("keeps the photo caption as a caption node", () => {
    const captions = out.map((a) => bodyOf(a).content.filter((b) => b.type === "caption").flatMap(blockTexts));
    expect(captions).toEqual(exp.map((e) => e.captions ?? []));
  });

  it("gives each article the union of its blocks' spans", () => {
    const a = doc.content[4] as ArticleNode;
    expect(out[4]?.rawSpans).toEqual(joinSpans(a.content.flatMap((b) => b.attrs.spans), []));
    const spans = out[4]?.rawSpans ?? [];
    for (let i = 1; i < spans.length; i++) expect((spans[i] as { start: number }).start).toBeGreaterThan((spans[i - 1] as { end: number }).end);
  });
});

describe("acceptedArticles: feature page", () => {
  const [a] = acceptedArticles(fromSegmentation(demoSeg(FEATURE_PAGE)));

  it("builds one lead box, level-2 subheads and the caption", () => {
    expect(a?.title).toBe("荣昌：提升创新能力 绽放科技之花");
    expect(a).toMatchObject({ byline: "文/赵敏 慈辉辉 何君林", source: null, reporters: ["赵敏", "慈辉辉", "何君林"] });
    const body = bodyOf(a as { body: unknown }).content;
    const leads = body.filter((b) => b.type === "lead");
    expect(leads).toHaveLength(1);
    expect(leads[0]?.content).toHaveLength(3);
    expect(body[0]?.type).toBe("lead");
    expect(body.filter((b) => b.type === "heading").map((h) => [h.type === "heading" && h.attrs.level, blockTexts(h)[0]])).toEqual([
      [2, "科技创新全面融入 助推成渝地区双城经济圈建设"],
      [2, "打造科技创新生态 积极培育创新主体"],
      [2, "强化科技金融支撑 做实科技创新服务"],
    ]);
    expect(body.filter((b) => b.type === "caption").flatMap(blockTexts)).toEqual(["重庆市畜牧科学院等单位正积极推动荣昌国家畜牧科技城建设。"]);
  });
});

describe("acceptedArticles: captions attached to photos", () => {
  it("makes an attached caption that photo, every character of the caption kept; others stay captions", () => {
    const doc = fromSegmentation(demoSeg(FEATURE_PAGE));
    const article = doc.content[0] as ArticleNode;
    const caption = article.content.find((b) => b.attrs.role === "caption")!;
    caption.attrs.mediaId = 42;
    const [a] = acceptedArticles(doc);
    const body = bodyOf(a as { body: unknown }).content;
    expect(body.filter((b) => b.type === "caption")).toEqual([]);
    expect(body.filter((b) => b.type === "photo")).toEqual([
      { type: "photo", attrs: { mediaId: 42, lead: false }, content: [{ type: "text", text: "重庆市畜牧科学院等单位正积极推动荣昌国家畜牧科技城建设。" }] },
    ]);
    // Not a caption: the attachment means nothing and the block stays what it is.
    const [b] = acceptedArticles(docOf([block("title", "标题"), { ...block("paragraph", "正文。"), attrs: { ...block("paragraph", "正文。").attrs, mediaId: 7 } }]));
    expect(bodyOf(b as { body: unknown }).content.map((x) => x.type)).toEqual(["paragraph"]);
  });
});

describe("acceptedArticles: edited documents", () => {
  it("takes a leading 本报讯(…) from the first paragraph when there is no byline block, keeping the text", () => {
    const [a] = acceptedArticles(docOf([block("title", "标题"), block("paragraph", "本报讯(记者 何文杰 通讯员 毛文强)近日，区财政局下达资金。"), block("paragraph", "第二段。")]));
    expect(a).toMatchObject({ byline: "本报讯(记者 何文杰 通讯员 毛文强)", source: "本报讯", reporters: ["何文杰"], correspondents: ["毛文强"] });
    expect(allText(a as { body: unknown })).toBe("本报讯(记者 何文杰 通讯员 毛文强)近日，区财政局下达资金。\n第二段。");
  });

  it("prefers byline blocks over a leading byline, and does not look past the first paragraph", () => {
    const [a, b] = acceptedArticles(
      docOf(
        [block("title", "标题"), block("byline", "文/赵敏"), block("byline", "图/张雪"), block("paragraph", "新华社北京3月5日电 正文。")],
        [block("title", "标题"), block("paragraph", "正文。"), block("paragraph", "本报讯 后面的段落。")],
      ),
    );
    expect(a).toMatchObject({ byline: "文/赵敏 图/张雪", source: null, reporters: ["赵敏"], photographers: ["张雪"] });
    expect(b).toMatchObject({ byline: null, source: null, reporters: [] });
  });

  it("strips bracketed jumps inside paragraphs and reads jump lines", () => {
    const [a, b] = acceptedArticles(
      docOf(
        [block("title", "标题"), block("paragraph", "(上接第1版)本报讯(记者 张雪)正文开始。"), block("paragraph", "正文结束。(下转第3版)")],
        [block("title", "标题"), block("jump", "上接1版"), block("paragraph", "正文。"), block("paragraph", "(下转第4版)")],
      ),
    );
    expect(a).toMatchObject({ jumpFrom: 1, jumpTo: 3, source: "本报讯", reporters: ["张雪"] });
    expect(allText(a as { body: unknown })).toBe("本报讯(记者 张雪)正文开始。\n正文结束。");
    expect(b).toMatchObject({ jumpFrom: 1, jumpTo: 4 });
    expect(bodyOf(b as { body: unknown }).content).toEqual([{ type: "paragraph", content: [{ type: "text", text: "正文。" }] }]);
  });

  it("groups consecutive leads, drops empty blocks and turns kept line breaks into hardBreaks", () => {
    const [a] = acceptedArticles(
      docOf([
        block("lead", "导语一"),
        block("title", "标题"),
        block("lead", "导语二"),
        block("paragraph", ""),
        block("paragraph", "  "),
        block("heading", "小标题"),
        block("lead", "导语三"),
        block("paragraph", "第一行\n第二行"),
      ]),
    );
    expect(bodyOf(a as { body: unknown })).toEqual({
      type: "doc",
      content: [
        {
          type: "lead",
          content: [
            { type: "paragraph", content: [{ type: "text", text: "导语一" }] },
            { type: "paragraph", content: [{ type: "text", text: "导语二" }] },
          ],
        },
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "小标题" }] },
        { type: "lead", content: [{ type: "paragraph", content: [{ type: "text", text: "导语三" }] }] },
        { type: "paragraph", content: [{ type: "text", text: "第一行" }, { type: "hardBreak" }, { type: "text", text: "第二行" }] },
      ],
    });
    expect(a).toMatchObject({ title: "标题", kicker: null, byline: null, rawSpans: [] });
  });

  it("joins several blocks of one role with a space", () => {
    const [a] = acceptedArticles(docOf([block("title", "为妇女参与经济社会发展创造条件"), block("title", " 营造尊重妇女关爱妇女良好社会氛围 ")]));
    expect(a?.title).toBe("为妇女参与经济社会发展创造条件 营造尊重妇女关爱妇女良好社会氛围");
    expect(a?.body).toEqual({ type: "doc", content: [] });
  });
});
