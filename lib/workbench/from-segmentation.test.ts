import { describe, expect, it } from "vitest";
import type { Segmentation, Span } from "@/lib/ingest";
import { blockText } from "./doc";
import { fromSegmentation } from "./from-segmentation";
import { rawTints } from "./status";
import { demoSeg, FEATURE_PAGE, FRONT_PAGE, frontPageWithOrphan } from "./test-samples";
import type { ArticleNode, BlockNode, WorkbenchDoc } from "./types";

/** Category of each raw offset: "a<i>", "tray", "bin", or undefined. */
function categories(length: number, parts: { cat: string; spans: readonly Span[] }[]): (string | undefined)[] {
  const out = new Array<string | undefined>(length).fill(undefined);
  for (const p of parts) for (const s of p.spans) for (let i = s.start; i < s.end; i++) out[i] = p.cat;
  return out;
}

function engineCategories(seg: Segmentation) {
  return categories(seg.text.length, [
    ...seg.articles.flatMap((a, i) => a.blocks.map((b) => ({ cat: `a${i}`, spans: b.spans }))),
    ...seg.orphans.map((o) => ({ cat: "tray", spans: o.spans })),
    ...seg.discarded.map((d) => ({ cat: "bin", spans: d.spans })),
  ]);
}

function docCategories(doc: WorkbenchDoc, length: number) {
  const parts: { cat: string; spans: readonly Span[] }[] = [];
  let i = 0;
  for (const n of doc.content) {
    const cat = n.type === "article" ? `a${i++}` : n.type;
    for (const b of n.content ?? []) parts.push({ cat, spans: b.attrs.spans });
  }
  return categories(length, parts);
}

const samples: [string, () => Segmentation][] = [
  [FRONT_PAGE, () => demoSeg(FRONT_PAGE)],
  [FEATURE_PAGE, () => demoSeg(FEATURE_PAGE)],
  ["front page with an orphan", frontPageWithOrphan],
];

describe.each(samples)("fromSegmentation: %s", (_name, load) => {
  const seg = load();
  const doc = fromSegmentation(seg);
  const articles = doc.content.filter((n): n is ArticleNode => n.type === "article");
  const tray = doc.content.find((n) => n.type === "tray");
  const bin = doc.content.find((n) => n.type === "bin");

  it("has the engine's articles, then one tray, then one bin", () => {
    expect(doc.content.map((n) => n.type)).toEqual([...seg.articles.map(() => "article"), "tray", "bin"]);
    expect(articles.map((a) => a.attrs.id)).toEqual(seg.articles.map((_, i) => `a${i + 1}`));
  });

  it("keeps every engine block's role, text and spans, in order, with unique ids", () => {
    articles.forEach((a, i) => {
      const eng = seg.articles[i]?.blocks ?? [];
      expect(a.content.map((b) => b.attrs.role)).toEqual(eng.map((b) => b.role));
      expect(a.content.map(blockText)).toEqual(eng.map((b) => b.text));
      expect(a.content.map((b) => b.attrs.spans)).toEqual(eng.map((b) => b.spans));
    });
    expect((tray?.content ?? []).map(blockText)).toEqual(seg.orphans.map((o) => o.text));
    expect((bin?.content ?? []).map(blockText)).toEqual(seg.discarded.map((d) => d.text));
    const all: BlockNode[] = doc.content.flatMap((n) => n.content ?? []);
    expect(new Set(all.map((b) => b.attrs.id)).size).toBe(all.length);
    expect(all.map((b) => b.attrs.id)).toEqual(all.map((_, i) => `b${i + 1}`));
  });

  it("puts every engine-assigned character in the same category (article i / tray / bin)", () => {
    const want = engineCategories(seg);
    const got = docCategories(doc, seg.text.length);
    expect(want.filter((c) => c !== undefined).length).toBeGreaterThan(0);
    for (let i = 0; i < seg.text.length; i++) {
      if (want[i] !== got[i]) expect.fail(`offset ${i} (${JSON.stringify(seg.text[i])}): engine ${want[i]}, doc ${got[i]}`);
    }
  });

  it("tints the raw text as an exact partition matching the doc", () => {
    const tints = rawTints(doc, seg.text.length);
    let at = 0;
    for (const t of tints) {
      expect(t.start).toBe(at);
      expect(t.end).toBeGreaterThan(t.start);
      at = t.end;
    }
    expect(at).toBe(seg.text.length);
    const want = docCategories(doc, seg.text.length);
    const mast = categories(seg.text.length, [{ cat: "masthead", spans: seg.mastheadSpans }]);
    for (const t of tints) {
      const cat = t.owner.kind === "article" ? `a${t.owner.index}` : t.owner.kind === "none" ? undefined : t.owner.kind;
      for (let i = t.start; i < t.end; i++) if (want[i] !== cat) expect.fail(`offset ${i}: tint ${cat}, doc ${want[i]}`);
      if (t.owner.kind === "article") expect(t.owner.articleId).toBe(articles[t.owner.index]?.attrs.id);
      expect(t.blockId === null).toBe(t.owner.kind === "none");
      // The masthead is never tinted as an article, the tray or the bin.
      if (t.owner.kind !== "none") for (let i = t.start; i < t.end; i++) expect(mast[i]).toBeUndefined();
    }
  });

  it("gives blocks the weakest overlapping doubt, tray and bin blocks their reason", () => {
    for (const b of tray?.content ?? []) expect(b.attrs).toMatchObject({ role: "paragraph", confidence: 0, doubt: { kind: expect.any(String) } });
    seg.orphans.forEach((o, i) => expect(tray?.content?.[i]?.attrs.doubt).toEqual({ kind: o.kind, reason: o.reason, detail: o.detail }));
    seg.discarded.forEach((d, i) => expect(bin?.content?.[i]?.attrs.doubt).toEqual({ kind: d.kind, reason: d.reason, detail: d.detail }));
    articles.forEach((a, i) => {
      const eng = seg.articles[i];
      if (!eng) return;
      for (const b of a.content) {
        expect(b.attrs.confidence).toBeGreaterThanOrEqual(0);
        expect(b.attrs.confidence).toBeLessThanOrEqual(1);
        if (b.attrs.doubt === null) expect(b.attrs.confidence).toBe(eng.confidence);
      }
      expect(a.attrs.doubt !== null).toBe(eng.confidence < 0.6 && eng.doubts.length > 0);
    });
  });
});

describe("fromSegmentation details", () => {
  it("flags the fragment attached to the river article and the column joins", () => {
    const doc = fromSegmentation(demoSeg(FRONT_PAGE));
    const river = doc.content[4] as ArticleNode;
    const frag = river.content.find((b) => blockText(b).startsWith("唐成军指出"));
    // Both a column join (0.9) and the fragment (0.6) touch this paragraph: the weaker one wins.
    expect(frag?.attrs).toMatchObject({ confidence: 0.6, doubt: { kind: "fragment_attached" } });
    const title = river.content.find((b) => b.attrs.role === "title");
    expect(title?.attrs).toMatchObject({ confidence: 0.6, doubt: null });
    const first = doc.content[0] as ArticleNode;
    expect(first.content.every((b) => b.attrs.confidence === 1 && b.attrs.doubt === null)).toBe(true);
  });

  it("flags a weak article as a whole and omits content of empty nodes", () => {
    const seg = demoSeg(FRONT_PAGE);
    const a = seg.articles[0];
    if (!a) throw new Error("no article");
    a.confidence = 0.5;
    a.doubts = [
      { kind: "short_line", reason: "r1", detail: { code: "short_line_paragraph", params: { text: "t1" } }, confidence: 0.8, spans: [] },
      { kind: "subhead_or_title", reason: "r2", detail: { code: "subhead_or_title", params: { text: "t2" } }, confidence: 0.5, spans: [] },
    ];
    a.blocks.push({ role: "paragraph", text: "", spans: [] });
    seg.discarded = [];
    const doc = fromSegmentation(seg);
    const art = doc.content[0] as ArticleNode;
    expect(art.attrs.doubt).toEqual({ kind: "subhead_or_title", reason: "r2", detail: { code: "subhead_or_title", params: { text: "t2" } } });
    const empty = art.content[art.content.length - 1];
    expect(empty && "content" in empty).toBe(false);
    expect(doc.content[doc.content.length - 1]).toEqual({ type: "bin" });
    expect(doc.content[doc.content.length - 2]).toEqual({ type: "tray" });
  });
});
