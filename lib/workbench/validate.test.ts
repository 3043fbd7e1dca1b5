import { describe, expect, it } from "vitest";
import { fromSegmentation } from "./from-segmentation";
import { demoSeg, FEATURE_PAGE, FRONT_PAGE, frontPageWithOrphan } from "./test-samples";
import type { ArticleNode, WorkbenchDoc } from "./types";
import { parseWorkbenchDoc, WORKBENCH_LIMITS, workbenchDocSchema } from "./validate";

const RAW = 100;
const clone = <T>(x: T): T => structuredClone(x);

const block = (id: string, extra: Record<string, unknown> = {}) => ({
  type: "block",
  attrs: { id, role: "paragraph", spans: [{ start: 0, end: 5 }], confidence: 1, doubt: null },
  content: [{ type: "text", text: "正文" }],
  ...extra,
});
const small = () => ({
  type: "doc",
  content: [
    { type: "article", attrs: { id: "a1", doubt: null }, content: [{ ...block("b1"), attrs: { ...block("b1").attrs, role: "title" } }, block("b2")] },
    { type: "tray" },
    { type: "bin", content: [] },
  ],
});

function refused(input: unknown, pattern: RegExp, rawLength = RAW) {
  const r = parseWorkbenchDoc(input, rawLength);
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.message).toMatch(pattern);
}

describe("parseWorkbenchDoc", () => {
  it("takes a caption's photo as a positive media id, and refuses anything else there", () => {
    const withPhoto = (mediaId: unknown) => {
      const doc = small();
      (doc.content[0]!.content![1]!.attrs as Record<string, unknown>).mediaId = mediaId;
      return doc;
    };
    expect(parseWorkbenchDoc(withPhoto(12), RAW).ok).toBe(true);
    expect(parseWorkbenchDoc(withPhoto(null), RAW).ok).toBe(true);
    refused(withPhoto(0), /mediaId/);
    refused(withPhoto("12"), /mediaId/);
  });

  it("accepts a small document and canonicalizes empty content away", () => {
    const r = parseWorkbenchDoc(small(), RAW);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.doc.content[2]).toEqual({ type: "bin" });
  });

  it.each([
    [FRONT_PAGE, () => demoSeg(FRONT_PAGE)],
    [FEATURE_PAGE, () => demoSeg(FEATURE_PAGE)],
    ["front page with an orphan", frontPageWithOrphan],
  ])("accepts fromSegmentation output unchanged: %s", (_name, load) => {
    const seg = load();
    const doc = fromSegmentation(seg);
    const r = parseWorkbenchDoc(clone(doc), seg.text.length);
    expect(r).toEqual({ ok: true, doc });
  });

  it("refuses the wrong node order", () => {
    const d = small();
    refused({ ...d, content: [d.content[1], d.content[0], d.content[2]] }, /articles, then one tray, then one bin/);
    refused({ ...d, content: [d.content[0], d.content[2], d.content[1]] }, /articles, then one tray, then one bin/);
    refused({ ...d, content: [d.content[0], d.content[1]] }, /articles, then one tray, then one bin/);
    refused({ ...d, content: [d.content[0], d.content[1], d.content[1], d.content[2]] }, /articles, then one tray, then one bin/);
    refused({ ...d, content: [...d.content, d.content[0]] }, /articles, then one tray, then one bin/);
  });

  it("refuses unknown node types, a wrong doc type and an empty article", () => {
    const d = small();
    refused({ ...d, type: "page" }, /^type:/);
    refused({ ...d, content: [{ type: "paragraph" }, d.content[1], d.content[2]] }, /^content\.0/);
    refused({ ...d, content: [{ ...d.content[0], content: [] }, d.content[1], d.content[2]] }, /at least one block/);
    refused({ ...d, content: [{ ...d.content[0], content: [{ type: "paragraph", content: [] }] }, d.content[1], d.content[2]] }, /content\.0\.content\.0/);
  });

  it("refuses an unknown role or doubt kind", () => {
    const d = small();
    (d.content[0] as { content: { attrs: Record<string, unknown> }[] }).content[1]!.attrs.role = "sidebar";
    refused(d, /content\.0\.content\.1\.attrs\.role/);
    const e = small();
    (e.content[0] as { content: { attrs: Record<string, unknown> }[] }).content[1]!.attrs.doubt = { kind: "mystery", reason: "?" };
    refused(e, /attrs\.doubt\.kind/);
  });

  it("refuses marks, non-text inline nodes and empty text nodes", () => {
    const withContent = (content: unknown) => {
      const d = small();
      (d.content[0] as { content: Record<string, unknown>[] }).content[1]!.content = content;
      return d;
    };
    refused(withContent([{ type: "text", text: "粗体", marks: [{ type: "bold" }] }]), /marks/);
    refused(withContent([{ type: "hardBreak" }]), /content\.0\.content\.1\.content\.0\.type/);
    refused(withContent([{ type: "text", text: "" }]), /content\.0\.content\.1\.content\.0\.text/);
  });

  it("refuses unknown keys anywhere (strict, not stripped)", () => {
    const d = small();
    refused({ ...d, version: 2 }, /version/);
    const e = small();
    (e.content[0] as { attrs: Record<string, unknown> }).attrs.color = "red";
    refused(e, /color/);
    const f = small();
    (f.content[1] as Record<string, unknown>).attrs = {};
    refused(f, /attrs/);
  });

  it("refuses spans out of range or empty", () => {
    const withSpans = (spans: unknown) => {
      const d = small();
      (d.content[0] as { content: { attrs: Record<string, unknown> }[] }).content[1]!.attrs.spans = spans;
      return d;
    };
    refused(withSpans([{ start: 90, end: 101 }]), /past the raw text/);
    refused(withSpans([{ start: -1, end: 3 }]), /spans\.0\.start/);
    refused(withSpans([{ start: 4, end: 4 }]), /start must be before its end/);
    refused(withSpans([{ start: 5, end: 3 }]), /start must be before its end/);
    refused(withSpans([{ start: 1.5, end: 3 }]), /spans\.0\.start/);
    expect(parseWorkbenchDoc(withSpans([{ start: 90, end: 100 }]), RAW).ok).toBe(true);
    expect(parseWorkbenchDoc(withSpans([]), RAW).ok).toBe(true); // a block the editor wrote
  });

  it("refuses duplicate ids, across articles and blocks too", () => {
    const d = small();
    (d.content[0] as { content: { attrs: Record<string, unknown> }[] }).content[1]!.attrs.id = "b1";
    refused(d, /duplicate id "b1"/);
    const e = small();
    (e.content[0] as { content: { attrs: Record<string, unknown> }[] }).content[1]!.attrs.id = "a1";
    refused(e, /duplicate id "a1"/);
    refused({ ...small(), content: [small().content[0], small().content[0], small().content[1], small().content[2]] }, /duplicate id "a1"/);
  });

  it("refuses a bad confidence or id", () => {
    const d = small();
    (d.content[0] as { content: { attrs: Record<string, unknown> }[] }).content[1]!.attrs.confidence = 1.5;
    refused(d, /confidence/);
    const e = small();
    (e.content[0] as { attrs: Record<string, unknown> }).attrs.id = "a 1<script>";
    refused(e, /attrs\.id/);
  });

  it("refuses documents over the limits", () => {
    const art = (i: number) => ({ type: "article", attrs: { id: `a${i}`, doubt: null }, content: [block(`b${i}`)] });
    const many = (n: number) => ({ type: "doc", content: [...Array.from({ length: n }, (_, i) => art(i)), { type: "tray" }, { type: "bin" }] });
    expect(parseWorkbenchDoc(many(WORKBENCH_LIMITS.articles), RAW).ok).toBe(true);
    refused(many(WORKBENCH_LIMITS.articles + 1), /^content: more than 2000 articles/);

    const blocks = (n: number) => ({
      type: "doc",
      content: [{ type: "article", attrs: { id: "a", doubt: null }, content: Array.from({ length: n }, (_, i) => block(`b${i}`)) }, { type: "tray" }, { type: "bin" }],
    });
    expect(parseWorkbenchDoc(blocks(WORKBENCH_LIMITS.blocks), RAW).ok).toBe(true);
    refused(blocks(WORKBENCH_LIMITS.blocks + 1), /^content\.0\.content: more than 20000 blocks/);
    // Spread over tray and bin, each list under the cap but the document over it.
    const spread = {
      type: "doc",
      content: [
        { type: "article", attrs: { id: "a", doubt: null }, content: Array.from({ length: 10_000 }, (_, i) => block(`x${i}`)) },
        { type: "tray", content: Array.from({ length: 10_000 }, (_, i) => block(`y${i}`)) },
        { type: "bin", content: [block("z")] },
      ],
    };
    refused(spread, /more than 20000 blocks/);

    const text = (chars: number) => {
      const d = small();
      (d.content[0] as { content: Record<string, unknown>[] }).content[1]!.content = [{ type: "text", text: "荣".repeat(chars) }];
      return d;
    };
    const maxHan = Math.floor((WORKBENCH_LIMITS.textBytes - 6) / 3); // 正文 in the title block is 6 bytes
    expect(parseWorkbenchDoc(text(maxHan), RAW).ok).toBe(true);
    refused(text(maxHan + 1), /10 MB/);
  });

  it("refuses a non-object", () => {
    refused(null, /doc/);
    refused("doc", /doc/);
  });

  it("the schema alone checks structure without the raw length", () => {
    expect(workbenchDocSchema.safeParse(small()).success).toBe(true);
    const doc: WorkbenchDoc = fromSegmentation(demoSeg(FRONT_PAGE));
    (doc.content[0] as ArticleNode).content[0]!.attrs.spans = [{ start: 0, end: 10 ** 9 }];
    expect(workbenchDocSchema.safeParse(doc).success).toBe(true);
    expect(parseWorkbenchDoc(doc, 5664).ok).toBe(false);
  });
});
