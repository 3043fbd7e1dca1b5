import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { bracketedFrontPage } from "../../../e2e/support/bracketed-page";
import { ingest } from "../index";
import { baseModel } from "./base";
import { correctionExamples, paperLayer } from "./paper";

const FEATURE_PAGE = path.join(__dirname, "..", "..", "..", "db", "demo", "rongchang-feature-page.txt");

/** A page accepted as the engine proposed it (what an editor who changed nothing accepts). */
function acceptedAsProposed(bytes: Uint8Array) {
  const seg = ingest(bytes);
  return { bytes, page: { articles: seg.articles.map((a) => ({ blocks: a.blocks.map((b) => ({ role: b.role, spans: b.spans })) })), mastheadSpans: seg.mastheadSpans } };
}

describe("a paper's own model", () => {
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
  });
});
