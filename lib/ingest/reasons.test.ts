import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import zhCN from "@/lib/i18n/messages/zh-CN.json";
import { ingest } from "./index";
import { REASON_CODES, type ReasonDetail } from "./types";

const ROOT = path.join(__dirname, "..", "..");
const PAGES = [
  "db/demo/rongchang-2024-03-08-p1.md",
  "db/demo/rongchang-feature-page.txt",
  "e2e/fixtures/page-2-continuation.txt",
  "e2e/fixtures/front-page-gb18030.txt",
].map((f) => path.join(ROOT, f));

const placeholders = (template: string) => [...new Set(template.match(/\{(\w+)\}/g)?.map((m) => m.slice(1, -1)) ?? [])];

/*
 * The desk shows an engine's reason through its code and values, translated (never the English
 * `reason`): every reason the engine gives on real pages has a code, and its values fill every
 * placeholder of the message in both languages.
 */
describe("the engine's reasons, as the desk translates them", () => {
  it("covers real reasons", () => {
    // The two sample pages alone give a dozen kinds of doubt and set-aside.
    const codes = new Set(PAGES.slice(0, 2).flatMap((f) => {
      const seg = ingest(new Uint8Array(readFileSync(f)));
      return [...seg.articles.flatMap((a) => a.doubts), ...seg.doubts, ...seg.orphans, ...seg.discarded].map((d) => d.detail.code);
    }));
    expect(codes.size).toBeGreaterThan(5);
  });

  for (const file of PAGES) {
    it(path.basename(file), () => {
      const seg = ingest(new Uint8Array(readFileSync(file)));
      const details: ReasonDetail[] = [
        ...seg.articles.flatMap((a) => a.doubts.map((d) => d.detail)),
        ...seg.doubts.map((d) => d.detail),
        ...seg.orphans.map((o) => o.detail),
        ...seg.discarded.map((d) => d.detail),
      ];
      for (const detail of details) {
        expect(REASON_CODES).toContain(detail.code);
        for (const messages of [zhCN, en]) {
          const template = (messages.workbenchEditor.reasons as Record<string, string>)[detail.code]!;
          for (const name of placeholders(template)) expect(detail.params ?? {}, `${detail.code} {${name}}`).toHaveProperty(name);
        }
      }
    });
  }
});
