import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ingest, toContractJson } from "./index";
import { readingNotices } from "./notices";
import { readPage } from "./page";
import { readAcross } from "./read-across.fixture";

const DEMO = path.resolve(__dirname, "../../db/demo");
const feature = readFileSync(path.join(DEMO, "rongchang-feature-page.txt"), "utf8");

describe("notices: columns read across", () => {
  it("a page read column by column says nothing, and its JSON has no notices", () => {
    expect(readingNotices(readPage(feature).reading)).toEqual([]);
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
    expect(readingNotices(readPage(short).reading)).toEqual([]);
    const md = readFileSync(path.join(DEMO, "rongchang-2024-03-08-p1.md"), "utf8");
    expect(readingNotices(readPage(md).reading)).toEqual([]);
  });
});
