import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ingest, toContractJson } from "./index";
import { readingNotices } from "./notices";
import { readPage } from "./page";
import { readAcross } from "./read-across.fixture";

const DEMO = path.resolve(__dirname, "../../db/demo");
const feature = readFileSync(path.join(DEMO, "rongchang-feature-page.txt"), "utf8");
const noticesOf = (text: string) => {
  const page = readPage(text);
  return readingNotices(page.reading, page.text);
};

describe("notices: columns read across", () => {
  it("a page read column by column says nothing, and its JSON has no notices", () => {
    expect(noticesOf(feature)).toEqual([]);
    const seg = ingest(feature);
    expect(seg.notices).toBeUndefined();
    expect(toContractJson(seg)).not.toHaveProperty("notices");
  });

  it("the same lines with two columns read in turns are flagged, with the share that still joins", () => {
    const seg = ingest(readAcross(feature));
    expect(seg.notices).toHaveLength(1);
    const n = seg.notices?.[0];
    expect(n?.code).toBe("columns_read_across");
    expect(n?.breaks).toBeGreaterThanOrEqual(20);
    expect(n?.joined).toBeLessThan(0.12);
    expect(toContractJson(seg).notices).toEqual(seg.notices);
  });

  it("says nothing on too few line breaks, or on Markdown (a paragraph a line)", () => {
    const short = readAcross(feature.split("\n").slice(0, 30).join("\n"));
    expect(noticesOf(short)).toEqual([]);
    const md = readFileSync(path.join(DEMO, "rongchang-2024-03-08-p1.md"), "utf8");
    expect(noticesOf(md)).toEqual([]);
  });

  it("judges each page of an issue alone (form feeds part pages), and says which pages were read across", () => {
    const one = noticesOf(readAcross(feature));
    // pdftotext ends every page with a form feed, the last one too: still one page, no page list.
    expect(noticesOf(`${readAcross(feature)}\f`)).toEqual(one);
    const issue = [feature, feature, readAcross(feature), feature].join("\f") + "\f";
    const notices = noticesOf(issue);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.pages).toEqual([3]);
    expect(notices[0]?.joined).toBeCloseTo(one[0]?.joined as number, 12);
    // Judged as one page, the three pages read right would hide the third.
    expect(noticesOf(issue.replaceAll("\f", "\n\n"))).toEqual([]);
    expect(ingest(issue).notices).toEqual(notices);
  });
});
