import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { bracketedFrontPage } from "../../../e2e/support/bracketed-page";
import { ingest } from "../index";
import { baseModel } from "./base";
import { adopts, correctionExamples, paperLayer, type HeldPage } from "./paper";

const FEATURE_PAGE = path.join(__dirname, "..", "..", "..", "db", "demo", "rongchang-feature-page.txt");

/** A page accepted as the engine proposed it (what an editor who changed nothing accepts). */
function acceptedAsProposed(bytes: Uint8Array) {
  const seg = ingest(bytes);
  return { bytes, page: { articles: seg.articles.map((a) => ({ blocks: a.blocks.map((b) => ({ role: b.role, spans: b.spans })) })), mastheadSpans: seg.mastheadSpans } };
}

describe("a paper's own model", () => {
  // Trains a small model for each page held out: seconds, and 11 s beside the end-to-end suite.
  it("is adopted when it reads the paper's corrected pages better than the lab model (leave one out), and not from one page", () => {
    const bracketed = bracketedFrontPage();
    const front = { bytes: bracketed.text, page: { articles: bracketed.articles, mastheadSpans: ingest(bracketed.text).mastheadSpans } } as Parameters<typeof correctionExamples>[0][number];
    const feature = acceptedAsProposed(new Uint8Array(readFileSync(FEATURE_PAGE)));
    const one = paperLayer(baseModel(), correctionExamples([feature]));
    expect(one.layer).toBeNull();
    expect(one.check).toBeNull();
    const three = paperLayer(baseModel(), correctionExamples([feature, front, front]));
    expect(three.check?.pages).toBe(3);
    expect(three.check!.paper).toBeGreaterThan(three.check!.lab);
    expect(three.layer).not.toBeNull();
  }, 30_000);

  it("is adopted when its held pages read no worse on the mean, lines and articles, and never from one page", () => {
    // Lines read right by the lab model and by the layer trained without the page (the
    // share of article-shaping decisions the same here), and the page's article F1.
    const held = (lab: number, paper: number, articles = [0.5, 0.5]): HeldPage => ({
      lab: { right: lab, shaping: lab, articles: articles[0] as number },
      paper: { right: paper, shaping: paper, articles: articles[1] as number },
    });
    // A gain on one page larger than a line lost on each of the others: adopted (the rule
    // before asked a gain page after page, which few pages of a paper can show).
    expect(adopts([held(0.8, 0.9), held(0.9, 0.89), held(0.85, 0.84)])).toBe(true);
    // Nothing changed on the held pages: the layer may still read the next pages better.
    expect(adopts([held(0.8, 0.8), held(0.9, 0.9)])).toBe(true);
    // Worse on the mean, though better on one page: refused.
    expect(adopts([held(0.8, 0.81), held(0.9, 0.88), held(0.85, 0.845)])).toBe(false);
    // The lines better, but the articles worse on the mean: refused.
    expect(adopts([held(0.8, 0.81, [0.6, 0.4]), held(0.9, 0.905), held(0.85, 0.858, [0.5, 0.55])])).toBe(false);
    // One page only is never adopted: nothing to check it against.
    expect(adopts([held(0.8, 0.9)])).toBe(false);
  });
});
