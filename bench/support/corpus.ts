import { readFileSync } from "node:fs";
import path from "node:path";
import type { ArticleBody } from "@/lib/article-body/types";
import { ingest } from "@/lib/ingest";
import { rng } from "@/lab/random";

/*
 * Realistic text for the benchmarks, made from the two real sample pages in db/demo:
 * the engine reads them once, and new stories are cut from their headlines, bylines
 * and paragraphs. Everything is deterministic (seeded), so two runs measure the same data.
 */

const DEMO = path.resolve(__dirname, "../../db/demo");
export const FRONT_PAGE_FILE = path.join(DEMO, "rongchang-2024-03-08-p1.md");
export const FEATURE_PAGE_FILE = path.join(DEMO, "rongchang-feature-page.txt");

type Pool = {
  headlines: { kicker: string | null; title: string; subtitle: string | null }[];
  bylines: { byline: string; source: string | null; reporters: string[] }[];
  paragraphs: string[];
  headings: string[];
};

let pool: Pool | undefined;

/** Headlines, bylines and body paragraphs of the sample pages, as the engine reads them. */
export function samplePool(): Pool {
  if (pool) return pool;
  const p: Pool = { headlines: [], bylines: [], paragraphs: [], headings: [] };
  for (const file of [FRONT_PAGE_FILE, FEATURE_PAGE_FILE]) {
    for (const a of ingest(readFileSync(file)).articles) {
      if (a.title) p.headlines.push({ kicker: a.kicker, title: a.title, subtitle: a.subtitle });
      if (a.byline && a.byline.length > 4) p.bylines.push({ byline: a.byline, source: a.source, reporters: a.reporters });
      for (const b of a.blocks) {
        if ((b.role === "paragraph" || b.role === "lead") && b.text.length >= 20) p.paragraphs.push(b.text);
        if (b.role === "heading") p.headings.push(b.text);
      }
    }
  }
  // Headings of the feature page and kickers make plausible headlines of their own.
  for (const h of p.headings) p.headlines.push({ kicker: null, title: h, subtitle: null });
  pool = p;
  return p;
}

/** Each digit moved by `n`: "6256万元" becomes "7367万元", so reused text is not identical. */
function shiftDigits(s: string, n: number): string {
  return n % 10 === 0 ? s : s.replace(/[0-9]/g, (d) => String((Number(d) + n) % 10));
}

const utf8 = (s: string) => Buffer.byteLength(s, "utf8");

export type Story = {
  kicker: string | null;
  title: string;
  subtitle: string | null;
  byline: string;
  source: string | null;
  reporters: string[];
  /** Body paragraphs; a heading (小标题) is marked by a leading "## ". */
  paragraphs: string[];
};

/**
 * The n-th story: a headline and byline from the samples and a run of their paragraphs
 * whose UTF-8 size is between `minBytes` and `maxBytes` (a paragraph that would overshoot
 * is cut after a full stop).
 */
export function story(n: number, { minBytes = 1024, maxBytes = 3072 }: { minBytes?: number; maxBytes?: number } = {}): Story {
  const p = samplePool();
  const r = rng(0x5eed + n * 7919);
  const head = p.headlines[n % p.headlines.length] as Pool["headlines"][number];
  const by = p.bylines[Math.floor(r() * p.bylines.length)] as Pool["bylines"][number];
  const shift = Math.floor(n / p.headlines.length);
  const target = minBytes + Math.floor(r() * (maxBytes - minBytes));
  const paragraphs: string[] = [];
  let bytes = 0;
  let i = Math.floor(r() * p.paragraphs.length);
  while (bytes < target) {
    if (paragraphs.length > 2 && r() < 0.08) {
      const heading = p.headings[Math.floor(r() * p.headings.length)] as string;
      paragraphs.push(`## ${heading}`);
      bytes += utf8(heading);
    }
    let text = shiftDigits(p.paragraphs[i % p.paragraphs.length] as string, shift);
    i++;
    const room = maxBytes - bytes;
    if (utf8(text) > room) {
      // Keep the whole sentences that fit.
      const sentences = text.match(/[^。！？]+[。！？]?/g) ?? [text];
      text = "";
      for (const s of sentences) {
        if (utf8(text + s) > room) break;
        text += s;
      }
      if (!text) break;
    }
    paragraphs.push(text);
    bytes += utf8(text);
  }
  return {
    kicker: head.kicker ? shiftDigits(head.kicker, shift) : null,
    title: shiftDigits(head.title, shift),
    subtitle: head.subtitle ? shiftDigits(head.subtitle, shift) : null,
    byline: by.byline,
    source: by.source,
    reporters: by.reporters,
    paragraphs,
  };
}

/** A story's body as stored (paragraphs, and subheads as level-3 headings). */
export function storyBody(s: Story): ArticleBody {
  return {
    type: "doc",
    content: s.paragraphs.map((text) =>
      text.startsWith("## ")
        ? { type: "heading" as const, attrs: { level: 3 as const }, content: [{ type: "text" as const, text: text.slice(3) }] }
        : { type: "paragraph" as const, content: [{ type: "text" as const, text }] },
    ),
  };
}

/** A story as a Markdown-like extraction prints it: kicker, headline, subtitle, byline, paragraphs. */
function storyMarkdown(s: Story): string {
  const lines = [s.kicker ? `### ${s.kicker}` : null, `## ${s.title}`, s.subtitle ? `### ${s.subtitle}` : null, s.byline, ...s.paragraphs.map((t) => (t.startsWith("## ") ? `**${t.slice(3)}**` : t))];
  return lines.filter((l): l is string => l !== null).join("\n\n");
}

const PAGE_NAMES = ["要闻", "综合", "民生", "文化", "经济", "专题", "副刊", "时评"];

/**
 * The raw text of a whole issue as an extraction delivers it: the real front page first
 * (masthead, column breaks and all), then further pages of stories cut from the samples,
 * each page opening with its 第N版 line. About `articles` stories in all; the engine's
 * own count is what the caller should report.
 */
export function issueText({ articles, perPage = 10, storyBytes = 1400, seed = 1 }: { articles: number; perPage?: number; storyBytes?: number; seed?: number }): string {
  const front = readFileSync(FRONT_PAGE_FILE, "utf8");
  const parts = [front];
  const frontArticles = 8;
  let n = 0;
  for (let page = 2; n < articles - frontArticles; page++) {
    const stories: string[] = [];
    for (let k = 0; k < perPage && n < articles - frontArticles; k++, n++) {
      stories.push(storyMarkdown(story(seed * 100_000 + n, { minBytes: storyBytes - 300, maxBytes: storyBytes + 300 })));
    }
    parts.push(`第${page}版 ${PAGE_NAMES[(page - 1) % PAGE_NAMES.length]}\n\n${stories.join("\n\n")}`);
  }
  return parts.join("\n\n");
}
