import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { labConfig } from "./config";
import { readCorpus } from "./corpus";
import { pdfjsItems } from "./extract/pdfjs";
import { runIssues, type PageEntry } from "./generate";
import { planLab, type IssuePlan } from "./plan";
import { normalize } from "./score/metrics";
import { SAMPLES, scoreLab } from "./score/run";
import { STYLE_NAMES, STYLES } from "./styles";
import { EXTRACTORS, PAGE_FILES, type PageTruth } from "./truth";
import { contains } from "./typeset/model";

/*
 * The lab end to end on a few real pages, so it cannot rot: plan from the corpus,
 * typeset, write the PDF, extract with every extractor, score with today's engine.
 * The full lab is a benchmark (npm run bench:segmentation), not a test.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), "folio-lab-smoke-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("segmentation lab smoke", () => {
  let pages: PageEntry[] = [];
  const read = (p: PageEntry, file: string) => readFileSync(path.join(dir, p.dir, file));
  const truthOf = (p: PageEntry) => JSON.parse(read(p, PAGE_FILES.truth).toString("utf8")) as PageTruth;

  beforeAll(async () => {
    const plans = planLab(readCorpus(labConfig().corpusFile));
    // The first pages of an issue of each style: a masthead, running heads, and room for a jump.
    const picked: IssuePlan[] = STYLE_NAMES.map((style) => {
      const p = plans.find((x) => x.style === style && x.split === "dev" && x.pages.length >= 2) as IssuePlan;
      return { ...p, pages: p.pages.slice(0, style === "national-daily" ? 2 : 1) };
    });
    pages = (await runIssues(picked, dir, 1)).flatMap((r) => r.pages);
  }, 300_000);

  it("generated one short issue per house style from the corpus", () => {
    expect(pages).toHaveLength(5);
    expect(new Set(pages.map((p) => p.style))).toEqual(new Set(STYLE_NAMES));
  });

  it("writes a PDF, a truth and every extractor's text for each page", () => {
    for (const p of pages) {
      expect(read(p, PAGE_FILES.pdf).subarray(0, 5).toString("latin1")).toBe("%PDF-");
      for (const x of EXTRACTORS) expect(read(p, PAGE_FILES.text(x)).toString("utf8").trim().length).toBeGreaterThan(500);
      const t = truthOf(p);
      expect(t.style).toBe(p.style);
      expect(t.articles.length).toBeGreaterThan(0);
      expect(t.masthead !== null).toBe(t.page === 1);
      expect(t.furniture.some((f) => f.kind === (t.page === 1 ? "masthead" : "running-head"))).toBe(true);
      expect(read(p, PAGE_FILES.text("markdown")).toString("utf8")).toMatch(/^#{1,3} \S/m);
    }
  });

  it("keeps the truth in step with the page: text extractable where the truth says, boxes on the page", () => {
    for (const p of pages) {
      const t = truthOf(p);
      const raw = normalize(read(p, PAGE_FILES.text("pdftotext-raw")).toString("utf8"));
      const pdfjs = normalize(read(p, PAGE_FILES.text("pdfjs")).toString("utf8"));
      for (const a of t.articles) {
        if (a.title) expect(raw).toContain(normalize(a.title).slice(0, 6));
        expect(pdfjs).toContain(normalize(a.bodyStarts).slice(0, 8));
        if (a.byline && a.kind === "story") expect(raw).toContain(normalize(a.byline).replace(/^[(（]|[)）]$/g, "").slice(0, 4));
        expect(a.box.x).toBeGreaterThanOrEqual(0);
        expect(a.box.y).toBeGreaterThanOrEqual(0);
        expect(a.box.x + a.box.w).toBeLessThanOrEqual(t.size.width);
        expect(a.box.y + a.box.h).toBeLessThanOrEqual(t.size.height);
        // Within its module, give or take a comma hanging into the gutter.
        expect(contains(a.module, a.box, STYLES[t.style].body.size + 0.5)).toBe(true);
      }
    }
  });

  it("prints 主题 larger than 引题 and 副题 where the style marks the stack", { timeout: 60_000 }, async () => {
    for (const p of pages.filter((x) => x.style !== "flat-tabloid" && x.page === 1)) {
      const t = truthOf(p);
      const items = await pdfjsItems(new Uint8Array(read(p, PAGE_FILES.pdf)));
      const sizeOf = (text: string) => Math.max(0, ...items.filter((i) => i.str.trim() && text.replace(/\s+/g, "").startsWith(i.str.replace(/\s+/g, ""))).map((i) => i.size));
      for (const a of t.articles.filter((x) => x.kind === "story" && x.title && (x.kicker || x.subtitle))) {
        const title = sizeOf(a.title as string);
        expect(title).toBeGreaterThan(0);
        if (a.kicker) expect(title).toBeGreaterThan(sizeOf(a.kicker));
        if (a.subtitle) expect(title).toBeGreaterThan(sizeOf(a.subtitle));
      }
    }
  });

  it("scores the pages and the two samples with today's engine", async () => {
    const r = await scoreLab(dir, pages, { split: "all", extractors: EXTRACTORS, styles: STYLE_NAMES, limit: null, samples: true });
    expect(r.pages).toBe(pages.length + 2);
    expect(Object.keys(r.byExtractor).sort()).toEqual([...EXTRACTORS, SAMPLES].sort());
    for (const fig of [r.overall, ...Object.values(r.byExtractor)]) {
      for (const v of Object.values(fig)) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
    }
    expect(r.overall.charsAccounted).toBeGreaterThan(0.95);
    expect(r.overall.articleF1).toBeGreaterThan(0);
  });
});
