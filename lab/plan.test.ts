import { describe, expect, it } from "vitest";
import type { CorpusArticle } from "./corpus";
import { pageCapacity, planLab, splitPage } from "./plan";
import { STYLE_NAMES } from "./styles";

// A made-up corpus: 10 dates, 6 pages each, articles of varied length.
function fixture(): CorpusArticle[] {
  const out: CorpusArticle[] = [];
  for (let d = 1; d <= 10; d++)
    for (let page = 1; page <= 6; page++)
      for (let seq = 1; seq <= ((page * 3) % 11 || 2); seq++)
        out.push({
          paper: "人民日报",
          date: `2026-05-${String(d).padStart(2, "0")}`,
          page,
          pageName: "要闻",
          seq,
          kicker: null,
          title: `第${d}日第${page}版第${seq}篇`,
          subtitle: null,
          byline: null,
          body: [{ role: "paragraph", text: "字".repeat(200 + ((seq * 337) % 1800)) }],
          url: `https://example.cn/${d}/${page}/${seq}`,
        });
  return out;
}

describe("planLab", () => {
  const corpus = fixture();
  const plans = planLab(corpus);

  it("uses every article exactly once, in its real date", () => {
    const used = plans.flatMap((p) => p.pages.flatMap((pg) => pg.articles.map((a) => ({ url: a.url, sameDate: a.date === p.date }))));
    expect(used.map((u) => u.url).sort()).toEqual(corpus.map((a) => a.url).sort());
    expect(used.every((u) => u.sameDate)).toBe(true);
  });

  it("splits by date: the latest 40% of dates are test, and both splits hold every style", () => {
    const testDates = new Set(plans.filter((p) => p.split === "test").map((p) => p.date));
    expect([...testDates].sort()).toEqual(["2026-05-07", "2026-05-08", "2026-05-09", "2026-05-10"]);
    for (const split of ["dev", "test"]) expect(new Set(plans.filter((p) => p.split === split).map((p) => p.style))).toEqual(new Set(STYLE_NAMES));
  });

  it("numbers each issue's pages from 1 and keeps pages at 10 articles or fewer", () => {
    for (const p of plans) {
      expect(p.pages.map((pg) => pg.page)).toEqual(p.pages.map((_, i) => i + 1));
      for (const pg of p.pages) expect(pg.articles.length).toBeLessThanOrEqual(10);
    }
  });

  it("spreads a real page that is too long over pages, at least 3 articles each where there are enough", () => {
    const articles = corpus.filter((a) => a.date === "2026-05-01" && a.page === 3);
    const capacity = pageCapacity("flat-tabloid");
    const pages = splitPage(articles, capacity);
    expect(pages.flat()).toEqual(articles);
    const chars = articles.reduce((s, a) => s + a.body[0]!.text.length, 0);
    expect(pages.length).toBeGreaterThanOrEqual(Math.ceil(chars / capacity));
    const fewest = Math.min(3, Math.floor(articles.length / pages.length));
    for (const pg of pages) expect(pg.length).toBeGreaterThanOrEqual(fewest);
    expect(splitPage(articles.slice(0, 2), capacity * 100)).toEqual([articles.slice(0, 2)]);
  });
});
