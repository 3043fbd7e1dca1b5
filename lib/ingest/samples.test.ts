import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ingest, toContractJson, type Article, type Segmentation } from "./index";
import { invariantProblems } from "./invariant";

const DEMO = path.resolve(__dirname, "../../db/demo");
const load = (name: string) => new Uint8Array(readFileSync(path.join(DEMO, name)));
const expected = (name: string) => JSON.parse(readFileSync(path.join(DEMO, name), "utf8"));

const bodyOf = (a: Article, roles: string[] = ["paragraph"]) => a.blocks.filter((b) => roles.includes(b.role));
const paragraphs = (a: Article) => bodyOf(a).map((b) => b.text);

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
  joins?: string[];
  captions?: string[];
};

describe("front page sample (rongchang-2024-03-08-p1.md)", () => {
  const exp = expected("rongchang-2024-03-08-p1.expected.json");
  const seg: Segmentation = ingest(load("rongchang-2024-03-08-p1.md"));

  it("is read as UTF-8 markdown", () => {
    expect(seg.encoding).toBe("utf-8");
    expect(seg.format).toBe("markdown");
  });

  it("reads every masthead field", () => {
    const m = seg.masthead;
    expect(m).not.toBeNull();
    const e = exp.masthead;
    expect(m?.paper).toBe(e.paper);
    expect(m?.publisher).toBe(e.publisher);
    expect(m?.printer).toBe(e.printedBy);
    expect(m?.website).toBe(e.website);
    expect(m?.date).toBe(e.date);
    expect(m?.weekday).toBe(e.weekday);
    expect(m?.lunarDate).toBe(e.lunarDate);
    expect(m?.licence).toBe(e.licence);
    expect(m?.totalIssueNo).toBe(e.totalIssueNo);
    expect(m?.issueNo).toBe(e.issueNo);
    expect(m?.pageCount).toBe(e.pageCount);
    expect(m?.page).toBe(e.page);
  });

  it("finds the 8 articles in the expected order", () => {
    expect(seg.articles.map((a) => a.title)).toEqual(exp.articles.map((a: ExpectedArticle) => a.title));
  });

  exp.articles.forEach((e: ExpectedArticle, i: number) => {
    describe(`article ${i + 1}: ${e.title}`, () => {
      const a = () => seg.articles[i] as Article;
      it("has the expected headline stack", () => {
        expect(a().kicker).toBe(e.kicker);
        expect(a().title).toBe(e.title);
        expect(a().subtitle).toBe(e.subtitle);
        expect(a().rubric).toBe(e.rubric ?? null);
      });
      it("has the expected byline", () => {
        expect(a().byline).toBe(e.byline);
        expect(a().source).toBe(e.source);
        expect(a().reporters).toEqual(e.reporters);
        expect(a().correspondents).toEqual(e.correspondents);
      });
      it("has the expected body", () => {
        const ps = paragraphs(a());
        expect(ps[0]?.startsWith(e.bodyStarts)).toBe(true);
        expect(ps[ps.length - 1]?.endsWith(e.bodyEnds)).toBe(true);
        expect(ps).toHaveLength(e.paragraphs);
        expect(a().jumpTo).toBe(e.jumpTo);
      });
      if (e.joins) {
        it("joins the column-broken paragraphs", () => {
          const body = paragraphs(a()).join("\n");
          for (const j of e.joins ?? []) expect(body).toContain(j);
        });
      }
      if (e.captions) {
        it("finds the photo captions", () => {
          expect(bodyOf(a(), ["caption"]).map((b) => b.text)).toEqual(e.captions);
        });
      }
    });
  });

  it("discards or flags page furniture", () => {
    for (const t of exp.mustDiscardOrFlag as string[]) {
      const discarded = seg.discarded.some((d) => d.text === t);
      const flagged = [...seg.doubts, ...seg.articles.flatMap((a) => a.doubts)].some((d) => d.reason.includes(t));
      expect(discarded || flagged).toBe(true);
      expect(seg.articles.some((a) => a.blocks.some((b) => b.text === t && b.role !== "heading"))).toBe(false);
    }
  });

  it("records the repaired damage as doubts with lower confidence", () => {
    const byTitle = (t: string) => seg.articles.find((a) => a.title === t) as Article;
    const commentary = byTitle("不断塑造发展新动能新优势");
    expect(commentary.doubts.map((d) => d.kind)).toContain("trailing_headline");
    const river = byTitle("认真落实落细“河长制” 持续改善河流水质");
    expect(river.doubts.map((d) => d.kind)).toContain("fragment_attached");
    expect(river.confidence).toBeLessThan(0.9);
    const power = byTitle("供电服务窗口入驻 实现业务“一站式”办理");
    expect(power.doubts.map((d) => d.kind)).toContain("merged_names");
    expect(seg.articles[0]?.confidence).toBe(1);
  });

  it("keeps every character somewhere exactly once", () => {
    expect(invariantProblems(seg)).toEqual([]);
    expect(seg.orphans).toEqual([]);
  });

  it("produces the public contract", () => {
    const c = toContractJson(seg);
    expect(Object.keys(c)).toEqual(["encoding", "masthead", "articles", "orphans", "discarded"]);
    expect(Object.keys(c.masthead ?? {})).toEqual([
      "paper", "publisher", "date", "weekday", "lunarDate", "issueNo", "totalIssueNo",
      "pageCount", "page", "pageName", "website", "licence",
    ]);
    const a = c.articles[0];
    expect(Object.keys(a ?? {})).toEqual([
      "kicker", "title", "subtitle", "rubric", "byline", "source", "reporters", "correspondents",
      "photographers", "body", "jumpTo", "jumpFrom", "confidence",
    ]);
    for (const art of c.articles) for (const b of art.body) expect(["paragraph", "heading", "lead", "caption"]).toContain(b.role);
    expect(JSON.parse(JSON.stringify(c))).toEqual(c);
  });
});

describe("feature page sample (rongchang-feature-page.txt)", () => {
  const exp = expected("rongchang-feature-page.expected.json");
  const seg: Segmentation = ingest(load("rongchang-feature-page.txt"));
  const auto = exp.automatic;
  const a = () => seg.articles[0] as Article;

  it("is read as plain text without a masthead", () => {
    expect(seg.format).toBe("plain");
    expect(seg.masthead).toBe(exp.masthead);
  });

  describe("automatic", () => {
    it("finds one article with its title and byline", () => {
      expect(seg.articles).toHaveLength(auto.articles);
      expect(a().title).toBe(auto.title);
      expect(a().byline).toBe(auto.byline);
    });

    it("unwraps hard-wrapped lines and column breaks", () => {
      const text = a().blocks.filter((b) => b.role === "paragraph" || b.role === "lead").map((b) => b.text).join("\n");
      for (const u of auto.unwrapped as string[]) expect(text).toContain(u);
    });

    it("recognises the collected subheads as headings", () => {
      expect(bodyOf(a(), ["heading"]).map((b) => b.text)).toEqual(auto.headings);
    });

    it("finds the caption once", () => {
      expect(bodyOf(a(), ["caption"]).map((b) => b.text)).toEqual(auto.captions);
    });

    it("discards AA, BB, CC, the vertical label and the second caption copy", () => {
      const texts = seg.discarded.map((d) => d.text);
      for (const t of ["AA", "BB", "CC"]) expect(texts).toContain(t);
      expect(seg.discarded.some((d) => d.text === "核心提示" && /vertical/.test(d.reason))).toBe(true);
      expect(seg.discarded.some((d) => d.text === auto.captions[0] && /twice/.test(d.reason))).toBe(true);
      expect(seg.discarded).toHaveLength((auto.discarded as string[]).length);
    });
  });

  describe("human-corrected article", () => {
    const art = exp.article;

    it("has the expected headline and byline", () => {
      expect(a().kicker).toBe(art.kicker);
      expect(a().subtitle).toBe(art.subtitle);
      expect(a().reporters).toEqual(art.reporters);
    });

    it("marks the boxed text next to the vertical label as the lead", () => {
      const lead = bodyOf(a(), ["lead"]).map((b) => b.text);
      expect(lead).toHaveLength(art.lead.paragraphs);
      expect(lead[0]?.startsWith(art.lead.starts)).toBe(true);
      expect(lead[lead.length - 1]?.endsWith(art.lead.ends)).toBe(true);
      expect(a().blocks.find((b) => b.role === "lead" || b.role === "paragraph" || b.role === "heading")?.role).toBe("lead");
    });

    it("places each subhead before its section, in order, then the closing", () => {
      const body = a().blocks.filter((b) => ["heading", "paragraph"].includes(b.role));
      type Section = { heading: string; starts: string; ends: string };
      const sections: Section[] = art.sections;
      let pos = 0;
      sections.forEach((s, k) => {
        const h = body.findIndex((b) => b.role === "heading" && b.text === s.heading);
        expect(h).toBeGreaterThanOrEqual(pos);
        expect(body[h + 1]?.text.startsWith(s.starts)).toBe(true);
        const nextHeading = k + 1 < sections.length ? body.findIndex((b) => b.text === (sections[k + 1] as Section).heading) : body.length - 1;
        expect(body[nextHeading - 1]?.text.endsWith(s.ends)).toBe(true);
        pos = h;
      });
      const last = body[body.length - 1];
      expect(last?.text.startsWith(art.closing.starts)).toBe(true);
      expect(last?.text.endsWith(art.closing.ends)).toBe(true);
    });

    it("flags the relocated subheads and the text above the headline", () => {
      const kinds = a().doubts.map((d) => d.kind);
      expect(kinds.filter((k) => k === "heading_placed")).toHaveLength(3);
      expect(kinds).toContain("leading_text_attached");
      expect(a().confidence).toBeLessThanOrEqual(0.6);
    });
  });

  it("keeps every character somewhere exactly once", () => {
    expect(invariantProblems(seg)).toEqual([]);
    expect(seg.orphans).toEqual([]);
  });
});

describe("front page without markdown (same text exported as plain text)", () => {
  const exp = expected("rongchang-2024-03-08-p1.expected.json");
  const md = readFileSync(path.join(DEMO, "rongchang-2024-03-08-p1.md"), "utf8");
  const plain = md.replace(/^#+ /gm, "").replace(/\*\*/g, "").replace(/[<>]/g, "").replace(/ +$/gm, "");
  const seg = ingest(plain);

  it("is read as plain text and still finds the masthead", () => {
    expect(seg.format).toBe("plain");
    expect(seg.masthead?.date).toBe(exp.masthead.date);
    expect(seg.masthead?.totalIssueNo).toBe(exp.masthead.totalIssueNo);
  });

  it("finds the same articles, stacks, bylines and paragraphs", () => {
    expect(seg.articles).toHaveLength(exp.articles.length);
    exp.articles.forEach((e: ExpectedArticle, i: number) => {
      const a = seg.articles[i] as Article;
      expect({ kicker: a.kicker, title: a.title, subtitle: a.subtitle, rubric: a.rubric, byline: a.byline }).toEqual({
        kicker: e.kicker, title: e.title, subtitle: e.subtitle, rubric: e.rubric ?? null, byline: e.byline,
      });
      expect(paragraphs(a)).toHaveLength(e.paragraphs);
      for (const j of e.joins ?? []) expect(paragraphs(a).join("\n")).toContain(j);
    });
    expect(invariantProblems(seg)).toEqual([]);
  });
});
