import { describe, expect, it } from "vitest";
import { textOfSpans, type Span } from "@/lib/ingest";
import { joinSpans, mapTextToRaw, spanLength, splitSpansAt } from "./spans";
import { demoSeg, FEATURE_PAGE, FRONT_PAGE } from "./test-samples";

/** Deterministic PRNG so a failing case can be replayed from its seed. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] as T };
}

const concat = (raw: string, spans: readonly Span[]) => spans.map((s) => raw.slice(s.start, s.end)).join("");
const isWhite = (ch: string) => /\s/.test(ch);

/** True when the non-whitespace characters of `text` occur in order in `s`. */
function isSubsequence(text: string, s: string): boolean {
  let j = 0;
  for (const ch of text) {
    if (isWhite(ch)) continue;
    j = s.indexOf(ch, j);
    if (j < 0) return false;
    j += ch.length;
  }
  return true;
}

const HAN = "荣昌区科技局积极推动全区创新融入成渝地区双城经济圈建设记者张雪";
const PUNCT = "，。、“”（）：；";
const LATIN = ["inter", "national", "Folio", "news", "2024", "GDP", "A1"];

type Gen = ReturnType<typeof rng>;

/** One printed line: Han with punctuation, sometimes Latin words, bold, an autolink or a name list. */
function line(g: Gen, md: boolean): string {
  let s = "";
  const n = 2 + g.int(18);
  for (let i = 0; i < n; i++) {
    const r = g.next();
    if (r < 0.7) s += g.pick([...HAN]);
    else if (r < 0.8) s += g.pick([...PUNCT]);
    else if (r < 0.88) s += (s && !s.endsWith(" ") ? " " : "") + g.pick(LATIN) + " ";
    else if (r < 0.93 && md) s += `**${g.pick([...HAN])}${g.pick([...HAN])}**`;
    else if (r < 0.95 && md) s += "<http://epaper.cqrc.org.cn/x>";
    else s += "记者 张雪";
  }
  s = s.trim();
  if (g.next() < 0.1) s += " inter-"; // hyphenated Latin word across the wrap
  return s.length > 0 ? s : "荣";
}

/**
 * A raw page of blocks built the way pages arrive (headings with `#`, paragraphs
 * hard-wrapped over several lines, blank lines between) and, per block, the spans the
 * engine would give it: one per line, sometimes not in raw order (a fragment printed
 * elsewhere appended to a paragraph). Text comes from the engine's own renderer.
 */
function randomPage(g: Gen) {
  const md = g.next() < 0.6;
  let raw = g.next() < 0.5 ? "\n" : "";
  const blocks: Span[][] = [];
  const nb = 1 + g.int(6);
  for (let b = 0; b < nb; b++) {
    const spans: Span[] = [];
    if (md && g.next() < 0.3) {
      const l = `${"#".repeat(1 + g.int(3))} ${line(g, md)}`;
      spans.push({ start: raw.length, end: raw.length + l.length });
      raw += l + "\n\n";
    } else {
      const nl = 1 + g.int(5);
      for (let i = 0; i < nl; i++) {
        let l = line(g, md);
        if (i > 0 && g.next() < 0.3) l = "national " + l; // continues "inter-"
        spans.push({ start: raw.length, end: raw.length + l.length });
        raw += l + (g.next() < 0.2 ? "\n\n" : "\n"); // a blank line is a column break inside the paragraph
      }
      raw += "\n";
    }
    blocks.push(spans);
  }
  // Sometimes a block's last lines are printed before its first ones.
  const withMoved = blocks.map((spans) => (spans.length > 2 && g.next() < 0.3 ? [...spans.slice(1), spans[0] as Span] : spans));
  return { raw, md, blocks: withMoved.map((spans) => ({ spans, text: textOfSpans(raw, spans, md) })) };
}

describe("mapTextToRaw", () => {
  it("maps every character of a markdown title past its # marks", () => {
    const raw = "x\n## 重庆将实施五大行动\n";
    const spans = [{ start: 2, end: 14 }];
    const text = textOfSpans(raw, spans, true);
    expect(text).toBe("重庆将实施五大行动");
    const map = mapTextToRaw(raw, spans, text);
    expect(map).toHaveLength(text.length + 1);
    expect(map[0]).toBe(5);
    for (let t = 0; t < text.length; t++) expect(raw[map[t] as number]).toBe(text[t]);
    expect(map[text.length]).toBe(14);
  });

  it("maps across a column break and maps the Latin joiner onto the next line", () => {
    const raw = "重庆澳龙生物制品有\n\n限公司 Folio\nnews";
    const spans = [
      { start: 0, end: 9 },
      { start: 11, end: 20 },
      { start: 21, end: 25 },
    ];
    const text = textOfSpans(raw, spans, false);
    expect(text).toBe("重庆澳龙生物制品有限公司 Folio news");
    const map = mapTextToRaw(raw, spans, text);
    expect(map[text.indexOf("限")]).toBe(11);
    expect(map[text.lastIndexOf(" ")]).toBe(21); // inserted joiner → first char of the next line
    expect(map[text.indexOf("n")]).toBe(21);
  });

  it("aligns every non-whitespace character of every engine block of both samples exactly", () => {
    for (const name of [FRONT_PAGE, FEATURE_PAGE]) {
      const seg = demoSeg(name);
      for (const a of seg.articles) {
        for (const b of a.blocks) {
          const map = mapTextToRaw(seg.text, b.spans, b.text);
          for (let t = 0; t < b.text.length; t++) {
            if (!isWhite(b.text[t] as string)) expect(seg.text[map[t] as number], `${name} "${b.text.slice(0, 12)}" @${t}`).toBe(b.text[t]);
          }
        }
      }
    }
  });

  it("keeps the unedited prefix and suffix exact when the editor changed the middle", () => {
    const raw = "甲乙丙丁戊己庚辛壬癸子丑寅卯";
    const spans = [{ start: 0, end: raw.length }];
    const edited = "甲乙丙丁XYZW庚辛壬癸子丑寅卯"; // 戊己 replaced by four new characters
    const map = mapTextToRaw(raw, spans, edited);
    expect(map.slice(0, 4)).toEqual([0, 1, 2, 3]);
    expect(map.slice(8, 15)).toEqual([6, 7, 8, 9, 10, 11, 12]);
    // The inserted characters fall proportionally between their neighbours.
    for (let t = 4; t < 8; t++) {
      expect(map[t]).toBeGreaterThanOrEqual(4);
      expect(map[t]).toBeLessThanOrEqual(6);
    }
    expect(map[edited.length]).toBe(raw.length);
  });

  it("never throws and stays inside the spans on text unrelated to them", () => {
    const g = rng(7);
    for (let i = 0; i < 200; i++) {
      const { raw, blocks } = randomPage(g);
      const b = g.pick(blocks);
      const text = g.next() < 0.5 ? "" : Array.from({ length: g.int(80) }, () => g.pick([..."abc 荣昌，。\n"])).join("");
      const map = mapTextToRaw(raw, b.spans, text);
      expect(map).toHaveLength(text.length + 1);
      const lo = Math.min(...b.spans.map((s) => s.start));
      const hi = Math.max(...b.spans.map((s) => s.end));
      for (const r of map) expect(r >= lo && r <= hi).toBe(true);
    }
  });

  it("returns -1 everywhere for a block the editor wrote (no spans)", () => {
    expect(mapTextToRaw("abc", [], "新段落")).toEqual([-1, -1, -1, -1]);
  });
});

describe("splitSpansAt / joinSpans", () => {
  it("splits a wrapped paragraph at the column break", () => {
    const raw = "当天，重庆澳龙生物制品有\n\n限公司，与女企业家";
    const spans = [
      { start: 0, end: 12 },
      { start: 14, end: raw.length },
    ];
    const text = textOfSpans(raw, spans, false);
    const [a, b] = splitSpansAt(raw, spans, text, text.indexOf("限"));
    expect(a).toEqual([{ start: 0, end: 12 }]);
    expect(b).toEqual([{ start: 14, end: raw.length }]);
  });

  it("splits a byline off its paragraph inside one line", () => {
    const raw = "本报讯(融媒体中心记者 张雪)3月7日，区委书记";
    const spans = [{ start: 0, end: raw.length }];
    const [a, b] = splitSpansAt(raw, spans, raw, 15);
    expect(concat(raw, a)).toBe("本报讯(融媒体中心记者 张雪)");
    expect(concat(raw, b)).toBe("3月7日，区委书记");
  });

  it("sends everything to one side at the ends, including leading markup", () => {
    const raw = "## 标题";
    const spans = [{ start: 0, end: 5 }];
    expect(splitSpansAt(raw, spans, "标题", 0)).toEqual([[], [{ start: 0, end: 5 }]]);
    expect(splitSpansAt(raw, spans, "标题", 2)).toEqual([[{ start: 0, end: 5 }], []]);
  });

  it("joinSpans sorts and merges touching and overlapping spans", () => {
    expect(
      joinSpans(
        [
          { start: 10, end: 12 },
          { start: 0, end: 3 },
        ],
        [
          { start: 3, end: 5 },
          { start: 11, end: 20 },
          { start: 7, end: 8 },
          { start: 9, end: 9 },
        ],
      ),
    ).toEqual([
      { start: 0, end: 5 },
      { start: 7, end: 8 },
      { start: 10, end: 20 },
    ]);
    expect(spanLength([{ start: 2, end: 5 }, { start: 7, end: 8 }])).toBe(4);
  });

  it("property: a split at any offset loses and doubles no character, and each half holds its text", () => {
    let cases = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const g = rng(seed);
      const { raw, blocks } = randomPage(g);
      for (const { spans, text } of blocks) {
        const offsets = new Set([0, text.length, g.int(text.length + 1), g.int(text.length + 1), g.int(text.length + 1)]);
        for (const k of offsets) {
          const [a, b] = splitSpansAt(raw, spans, text, k);
          const where = `seed ${seed}, offset ${k} of ${JSON.stringify(text)}`;
          // Same characters in the same order: nothing lost, nothing doubled.
          expect(concat(raw, a) + concat(raw, b), where).toBe(concat(raw, spans));
          expect(spanLength(a) + spanLength(b), where).toBe(spanLength(spans));
          expect(joinSpans(a, b), where).toEqual(joinSpans(spans, []));
          // Each half's raw holds that half's text.
          expect(isSubsequence(text.slice(0, k), concat(raw, a)), where).toBe(true);
          expect(isSubsequence(text.slice(k), concat(raw, b)), where).toBe(true);
          // Splitting a half again still partitions it.
          const j = g.int(k + 1);
          const [a1, a2] = splitSpansAt(raw, a, text.slice(0, k), j);
          expect(concat(raw, a1) + concat(raw, a2), where).toBe(concat(raw, a));
          cases++;
        }
      }
    }
    expect(cases).toBeGreaterThan(1000);
  });

  it("property: splitting edited text still partitions the spans", () => {
    for (let seed = 1000; seed < 1200; seed++) {
      const g = rng(seed);
      const { raw, blocks } = randomPage(g);
      const { spans, text } = g.pick(blocks);
      const at = g.int(text.length + 1);
      const edited = text.slice(0, at) + "编辑加的字".slice(0, g.int(6)) + text.slice(Math.min(text.length, at + g.int(10)));
      const k = g.int(edited.length + 1);
      const [a, b] = splitSpansAt(raw, spans, edited, k);
      expect(concat(raw, a) + concat(raw, b), `seed ${seed}`).toBe(concat(raw, spans));
    }
  });

  it("property: splitting every real block of both samples at every offset keeps its characters", () => {
    for (const name of [FRONT_PAGE, FEATURE_PAGE]) {
      const seg = demoSeg(name);
      for (const b of seg.articles.flatMap((a) => a.blocks).slice(0, 40)) {
        for (let k = 0; k <= b.text.length; k += 7) {
          const [x, y] = splitSpansAt(seg.text, b.spans, b.text, k);
          expect(concat(seg.text, x) + concat(seg.text, y)).toBe(concat(seg.text, b.spans));
          expect(isSubsequence(b.text.slice(0, k), concat(seg.text, x))).toBe(true);
          expect(isSubsequence(b.text.slice(k), concat(seg.text, y))).toBe(true);
        }
      }
    }
  });
});
