import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { IngestError } from "./errors";
import { decodeInput } from "./decode";
import { ingest } from "./index";
import { invariantProblems } from "./invariant";
import { seeded } from "./model/train";

/** Seeded, so a failure reproduces from its seed alone. */
const rng = seeded;

const HAN = "荣昌区委书记调研企业发展科技创新生态培育主体金融支撑服务建设国家畜牧城乡村振兴资金项目河长制水质";
const PUNCT = ["，", "，", "、", "。", "；", "：", "“", "”", "——", "……", "（", "）"];
const WORDS = ["the", "council", "met", "on", "Monday", "to", "discuss", "international", "routes", "2024", "e-mail", "co-operation"];
const SPACES = [" ", "\u3000", "\u00a0", "\u2002", "\t"];
const ZERO = ["\u200b", "\u200c", "\u200d", "\ufeff", "\u2060"];

function generator(seed: number): string {
  const r = rng(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const han = (n: number) => Array.from({ length: n }, () => (r() < 0.12 ? pick(PUNCT) : HAN[Math.floor(r() * HAN.length)])).join("");
  const sentence = () => `${han(6 + Math.floor(r() * 40))}${pick(["。", "。", "！", "", "，", "；"])}`;
  const wrap = (s: string, w: number) => {
    const lines: string[] = [];
    for (let i = 0; i < s.length; i += w) lines.push(s.slice(i, i + w));
    return lines.map((l) => (r() < 0.05 ? `${l}\n` : l)).join("\n");
  };
  const latin = () => {
    const words = Array.from({ length: 5 + Math.floor(r() * 25) }, () => pick(WORDS));
    let line = "";
    const out: string[] = [];
    for (const w of words) {
      if (line.length + w.length > 30) {
        if (r() < 0.3 && w.length > 4) {
          out.push(`${line} ${w.slice(0, 3)}-`);
          line = w.slice(3);
          continue;
        }
        out.push(line);
        line = w;
      } else line = line ? `${line} ${w}` : w;
    }
    out.push(`${line}.`);
    return out.join("\n");
  };
  const pieces: (() => string)[] = [
    () => wrap(sentence() + sentence(), 10 + Math.floor(r() * 15)),
    () => sentence(),
    () => latin(),
    () => `${"#".repeat(1 + Math.floor(r() * 6))} ${han(4 + Math.floor(r() * 16))}`,
    () => `**${han(3)}**${sentence()}`,
    () => `网址：<http://epaper.example.cn/${Math.floor(r() * 99)}>`,
    () => `本报讯(${pick(["融媒体中心记者", "记者"])} ${han(2)} ${pick(["通讯员 ", ""])}${han(4)})${sentence()}`,
    () => `${sentence()} 文/${han(2)} ${han(3)}`,
    () => pick(["(下转2版)", "（上接第1版）", "下转第三版", "转第4版"]),
    () => pick(["核\n心\n提\n示", "导\n语", "AA", "BB", "C"]),
    () => { const c = han(8); return `${c}${c}。。`; },
    () => `「${han(4)}」${han(6)}`,
    () => pick(["仲音", "在行动 优化营商环境 壮大民营经济", "2024年3月8日 星期五", "总第273期", "今日**4**版", "免费赠阅"]),
    () => `- ${han(5)}`,
    () => `> ${sentence()}`,
    () => "**",
    () => "# ",
    () => `![图](http://x.cn/${Math.floor(r() * 9)}.jpg)`,
    () => `${han(5)}${pick(SPACES)}${pick(ZERO)}${han(5)}${pick(["  ", "\\", ""])}`,
  ];
  const parts: string[] = [];
  const n = 1 + Math.floor(r() * 30);
  for (let i = 0; i < n; i++) {
    parts.push(pick(pieces)());
    parts.push(pick(["\n\n", "\n", "\n\n\n", "\r\n\r\n", "\r\n", "\n  \n"]));
  }
  return parts.join("");
}

describe("nothing is lost", () => {
  it("holds on the real samples", () => {
    for (const f of ["rongchang-2024-03-08-p1.md", "rongchang-feature-page.txt"]) {
      const bytes = new Uint8Array(readFileSync(path.resolve(__dirname, "../../db/demo", f)));
      expect(invariantProblems(ingest(bytes))).toEqual([]);
    }
  }, 120_000);

  it("holds on 400 random documents, deterministically", () => {
    for (let seed = 1; seed <= 400; seed++) {
      const input = generator(seed);
      if (!/\S/.test(input.replace(/[\u200b-\u200d\u2060\ufeff\u3000\u00a0\u2002]/g, ""))) continue;
      const seg = ingest(input);
      const problems = invariantProblems(seg);
      if (problems.length) throw new Error(`seed ${seed}: ${problems.join("; ")}\n${JSON.stringify(input)}`);
      expect(JSON.stringify(ingest(input))).toBe(JSON.stringify(seg));
    }
  }, 120_000);

  it("holds on 150 random pages printed side by side (as pdftotext -layout prints them)", () => {
    for (let seed = 1; seed <= 150; seed++) {
      const r = rng(seed * 7919);
      const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
      const han = (n: number) => Array.from({ length: n }, () => (r() < 0.1 ? pick(PUNCT) : HAN[Math.floor(r() * HAN.length)])).join("");
      const cols = 2 + Math.floor(r() * 5);
      const width = 8 + Math.floor(r() * 10);
      const rows = 10 + Math.floor(r() * 60);
      const column = () =>
        Array.from({ length: rows }, () => (r() < 0.12 ? "" : r() < 0.1 ? pick(["(下转2版)", "本报记者 张雪", "AA", "核", "“长队”", "新 华 社 北 京 电"]) : `${r() < 0.15 ? "  " : ""}${han(width - Math.floor(r() * 4))}`));
      const grid = Array.from({ length: cols }, column);
      const lines = Array.from({ length: rows }, (_, i) => {
        let line = r() < 0.05 ? " ".repeat(Math.floor(r() * 30)) : "";
        for (const c of grid) {
          const cell = c[i] as string;
          line += cell + " ".repeat(Math.max(1, width * 2 + 3 - cell.length + Math.floor(r() * 3) - 1));
        }
        return r() < 0.1 ? "" : line.replace(/ +$/, "");
      });
      const input = `${han(6)}   ${pick(["2024年3月8日 星期五", "第3版"])}\n\n${lines.join("\n")}\n`;
      const seg = ingest(input);
      const problems = invariantProblems(seg);
      if (problems.length) throw new Error(`seed ${seed}: ${problems.join("; ")}`);
      expect(JSON.stringify(ingest(input))).toBe(JSON.stringify(seg));
    }
  }, 120_000);

  it("holds when the samples are cut at random places", () => {
    const text = readFileSync(path.resolve(__dirname, "../../db/demo/rongchang-2024-03-08-p1.md"), "utf8") +
      readFileSync(path.resolve(__dirname, "../../db/demo/rongchang-feature-page.txt"), "utf8");
    const r = rng(7);
    for (let k = 0; k < 60; k++) {
      const a = Math.floor(r() * text.length);
      const b = Math.min(text.length, a + 1 + Math.floor(r() * 4000));
      const slice = text.slice(a, b);
      if (!/\S/.test(slice)) continue;
      const problems = invariantProblems(ingest(slice));
      if (problems.length) throw new Error(`slice ${a}-${b}: ${problems.join("; ")}`);
    }
  }, 120_000);

  it("random bytes are decoded or refused with an IngestError, never a crash", () => {
    const r = rng(99);
    for (let k = 0; k < 200; k++) {
      const bytes = new Uint8Array(1 + Math.floor(r() * 200)).map(() => Math.floor(r() * 256));
      try {
        decodeInput(bytes);
      } catch (e) {
        expect(e).toBeInstanceOf(IngestError);
      }
    }
  });
});
