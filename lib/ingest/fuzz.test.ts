import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FUZZ_TIMEOUT_MS, fuzzRuns } from "../testing/fuzz";
import { toContractJson } from "./contract";
import { IngestError } from "./errors";
import { ingest } from "./index";
import { invariantProblems } from "./invariant";
import type { Segmentation } from "./types";

/*
 * The import engine under random and mutated input (fast-check): it either reads the text, and
 * then nothing is lost (invariantProblems: every non-whitespace character in exactly one place,
 * block text derivable from its spans), or refuses it with an IngestError. Never another
 * exception, never a hang (a hang would run into the test's time limit; figures are bench:ingest's business).
 */

const SAMPLES = ["rongchang-2024-03-08-p1.md", "rongchang-feature-page.txt"].map((f) => readFileSync(path.resolve(__dirname, "../../db/demo", f), "utf8"));
/** The engine's verdict on one input, checked: a sound segmentation or a refusal with its code. */
function read(input: string | Uint8Array): Segmentation | IngestError {
  let value: Segmentation | IngestError;
  try {
    value = ingest(input);
  } catch (e) {
    if (!(e instanceof IngestError)) throw e;
    value = e;
  }
  if (value instanceof IngestError) {
    expect(["empty", "too_large", "binary", "undecodable"]).toContain(value.code);
    return value;
  }
  expect(invariantProblems(value)).toEqual([]);
  // The public JSON contract is written for every reading.
  expect(() => JSON.stringify(toContractJson(value))).not.toThrow();
  return value;
}

/** Pieces of a printed page and of its extraction damage, for text that looks like what the engine meets. */
const FRAGMENTS = [
  "荣昌报",
  "2024年3月8日 星期五",
  "农历甲辰年正月廿八",
  "第27期 总第273期",
  "今日4版",
  "第2版 要闻",
  "本报讯(融媒体中心记者 张雪)",
  "本报讯（记者 李明 通讯员 王芳）",
  "(下转2版)",
  "（上接第1版）",
  "转第4版",
  "核\n心\n提\n示",
  "导语",
  "# ",
  "## ",
  "**",
  "> ",
  "- ",
  "文/图 赵四",
  "责任编辑：刘",
  "网址：<http://epaper.example.cn/1>",
  "。",
  "，",
  "“",
  "”",
  "——",
  "……",
  "\u3000",
  "\u200b",
  "\ufeff",
  "\u00a0",
  "\t",
  "\r\n",
  "\n",
  "\n\n",
  "- 2 -",
  "AA",
];

const pageLike = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...FRAGMENTS) }, { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) }, fc.string({ unit: "binary", maxLength: 12 })), {
    maxLength: 120,
  })
  .map((parts) => parts.join(""));

type Mutation = { kind: "insert" | "delete" | "duplicate" | "swap"; at: number; length: number; text: string };

const mutation = fc.record({
  kind: fc.constantFrom("insert", "delete", "duplicate", "swap"),
  at: fc.nat(),
  length: fc.nat({ max: 400 }),
  text: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: "grapheme", maxLength: 20 })),
}) as fc.Arbitrary<Mutation>;

/** A real page with random cuts, insertions, repeated passages and lines out of order. */
function mutate(text: string, mutations: readonly Mutation[]): string {
  let t = text;
  for (const m of mutations) {
    const at = t.length === 0 ? 0 : m.at % t.length;
    if (m.kind === "insert") t = t.slice(0, at) + m.text + t.slice(at);
    else if (m.kind === "delete") t = t.slice(0, at) + t.slice(at + m.length);
    else if (m.kind === "duplicate") t = t.slice(0, at + m.length) + t.slice(at, at + m.length) + t.slice(at + m.length);
    else {
      const lines = t.split("\n");
      const i = at % lines.length;
      const j = (at + m.length) % lines.length;
      [lines[i], lines[j]] = [lines[j] as string, lines[i] as string];
      t = lines.join("\n");
    }
  }
  return t;
}

describe("the import engine, fuzzed", () => {
  it("reads or refuses any string, losing nothing", () => {
    fc.assert(
      fc.property(fc.oneof(pageLike, fc.string({ unit: "grapheme", maxLength: 300 }), fc.string({ unit: "binary", maxLength: 300 })), (input) => {
        read(input);
      }),
      fuzzRuns(300),
    );
  }, FUZZ_TIMEOUT_MS);

  it("reads a real page however it is damaged, losing nothing", () => {
    fc.assert(
      fc.property(fc.constantFrom(...SAMPLES.keys()), fc.array(mutation, { minLength: 1, maxLength: 12 }), (sample, mutations) => {
        read(mutate(SAMPLES[sample] as string, mutations));
      }),
      fuzzRuns(80),
    );
  }, FUZZ_TIMEOUT_MS);

  it("decodes or refuses any bytes: UTF-8, UTF-16 with a BOM, GB18030 or binary", () => {
    const boms = [[], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]];
    fc.assert(
      fc.property(fc.constantFrom(...boms), fc.uint8Array({ maxLength: 2000 }), (bom, bytes) => {
        read(Uint8Array.from([...bom, ...bytes]));
      }),
      fuzzRuns(300),
    );
  }, FUZZ_TIMEOUT_MS);

  // Inputs the fuzzing found, kept as they were shrunk.
  it("checks a character beyond the BMP unit by unit: not reported lost", () => {
    read("𐀀!");
    read(`𐀀${SAMPLES[0]}`);
  });

  it("keeps a rubric-like line printed beside an in-article subhead (a duplicated passage)", () => {
    const mutations: Mutation[] = [
      { kind: "swap", at: 825432740, length: 21, text: "" },
      { kind: "duplicate", at: 1022150591, length: 98, text: "" },
      { kind: "insert", at: 0, length: 0, text: "荣昌报" },
    ];
    const seg = read(mutate(SAMPLES[1] as string, mutations));
    expect(seg).not.toBeInstanceOf(IngestError);
    expect(JSON.stringify(seg)).toContain("打造科技创新生态 态遴选");
  });

  it("reads a real page the same way every time", () => {
    fc.assert(
      fc.property(fc.constantFrom(...SAMPLES.keys()), fc.array(mutation, { maxLength: 4 }), (sample, mutations) => {
        const text = mutate(SAMPLES[sample] as string, mutations);
        const first = read(text);
        const second = read(text);
        expect(JSON.stringify(second)).toBe(JSON.stringify(first));
      }),
      fuzzRuns(20),
    );
  }, FUZZ_TIMEOUT_MS);
});
