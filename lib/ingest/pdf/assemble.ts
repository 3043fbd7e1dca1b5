import { mergeBylines, parseLeadingByline, parseNameByline, parseStandaloneByline, unmarkedByline, type ParsedByline } from "../byline";
import { withoutSpaces } from "../chars";
import { parseJumpLine, parseLeadingJump } from "../jump";
import { parseMasthead } from "../masthead";
import { runningHead } from "./running-head";
import { splitLines } from "../lines";
import { cutSpans, rawAt, render } from "../text";
import type { Article, Block, Masthead, Segmentation, SetAside, Span } from "../types";
import type { PdfLine } from "./lines";
import { type LabelledGroup, type LabelledItem, type SetAsideWhy } from "./roles";
import type { LayoutImage, LayoutLine, PageImage, PdfLayout, PdfPageInfo } from "./types";

/**
 * Labelled groups → the engine's Segmentation. The text is the pages' lines in reading
 * order (a line a line, a blank line between groups, a form feed between pages), so every
 * span points at printed characters, and `layout.lines` maps each line's span back to its
 * box on the page: any set of spans (a block, an article the editor rearranged) has a
 * region.
 */
export type LabelledPage = { page: PdfPageInfo; groups: LabelledGroup[] };

class TextBuilder {
  text = "";
  readonly lines: LayoutLine[] = [];
  private readonly spans = new Map<PdfLine, Span>();

  line(l: PdfLine): Span {
    const start = this.text.length;
    this.text += `${l.text}\n`;
    const sp = { start, end: start + l.text.length };
    this.spans.set(l, sp);
    this.lines.push({ ...sp, page: l.page, x: round(l.x), y: round(l.y), w: round(l.w), h: round(l.h) });
    return sp;
  }

  gap(s: string): void {
    this.text += s;
  }

  spanOf(l: PdfLine): Span {
    return this.spans.get(l) as Span;
  }
}

const round = (n: number) => Math.round(n * 100) / 100;

function blockOf(text: string, role: Block["role"], spans: Span[]): Block {
  return { role, text: render(text, spans, false).text.trim(), spans };
}

/** Splits a block's spans where its rendered text reaches `at` characters. */
function cutBlock(text: string, spans: Span[], at: number): [Span[], Span[]] {
  const r = render(text, spans, false);
  const end = spans.length ? (spans[spans.length - 1] as Span).end : 0;
  const [a, b] = cutSpans(text, spans, [rawAt(r, at, end)]);
  return [a ?? [], b ?? []];
}

function setAside(text: string, spans: Span[], why: SetAsideWhy | undefined): SetAside {
  const w = why ?? { kind: "furniture", code: "layout_residue", reason: "layout residue" };
  return { kind: w.kind, text: blockOf(text, "paragraph", spans).text, reason: w.reason, detail: { code: w.code }, spans };
}

/**
 * An inline byline opening a paragraph (本报讯(融媒体中心记者 张三 通讯员 李四)…) that may wrap over
 * lines. A line may end between two names (张三 / 通讯员: a space is missing) or inside a word
 * (通讯 / 员: nothing is): each of the first few line ends is tried both ways, fewest spaces first.
 * Returns its length in the paragraph's rendered text (lines joined without spaces).
 */
function leadingByline(text: string, spans: readonly Span[]): { length: number; byline: ParsedByline } | null {
  const parts = spans.map((sp) => render(text, [sp], false).text);
  const breaks = Math.min(3, parts.length - 1);
  const masks = Array.from({ length: 1 << breaks }, (_, m) => m).sort((a, b) => bitCount(a) - bitCount(b) || a - b);
  for (const mask of masks) {
    let joined = "";
    const added: number[] = [];
    parts.forEach((p, i) => {
      if (i > 0 && i <= breaks && mask & (1 << (i - 1))) {
        added.push(joined.length);
        joined += " ";
      }
      joined += p;
    });
    const by = parseLeadingByline(joined);
    if (by) return { length: by.length - added.filter((at) => at < by.length).length, byline: by.byline };
  }
  return null;
}

function bitCount(n: number): number {
  let c = 0;
  for (let m = n; m; m &= m - 1) c++;
  return c;
}

type Draft = { head: Block[]; content: Block[]; bylines: ParsedByline[]; jumpTo: number | null; jumpFrom: number | null };

function article(text: string, items: readonly LabelledItem[], b: TextBuilder, discarded: SetAside[]): Article {
  const d: Draft = { head: [], content: [], bylines: [], jumpTo: null, jumpFrom: null };
  const spansOf = (lines: readonly PdfLine[]) => lines.map((l) => b.spanOf(l));
  let seenText = false;
  for (const it of items) {
    const spans = spansOf(it.lines);
    switch (it.role) {
      case "discard":
        discarded.push(setAside(text, spans, it.setAside));
        break;
      case "kicker":
      case "title":
      case "subtitle":
        d.head.push(blockOf(text, it.role, spans));
        break;
      case "byline": {
        const block = blockOf(text, "byline", spans);
        const t = block.text;
        // The grammar reads a city paper's ■ and an end byline's brackets; names alone without them.
        const parsed = parseStandaloneByline(t) ?? parseNameByline(withoutSpaces(unmarkedByline(t)));
        d.bylines.push(parsed ? { ...parsed, text: t } : { text: t, source: null, reporters: [], correspondents: [], photographers: [], merged: [] });
        d.head.push(block);
        break;
      }
      case "jump": {
        const block = blockOf(text, "jump", spans);
        const j = parseJumpLine(block.text);
        if (j?.to) d.jumpTo ??= j.to;
        if (j?.from) d.jumpFrom ??= j.from;
        d.head.push(block);
        break;
      }
      case "paragraph":
      case "lead": {
        let rest = spans;
        let restText = blockOf(text, it.role, rest).text;
        // （上接第一版）本报讯…: the jump and an inline byline open the first paragraph.
        if (!seenText) {
          const jump = parseLeadingJump(restText);
          if (jump) {
            const [j, r] = cutBlock(text, rest, jump.length);
            d.head.push(blockOf(text, "jump", j));
            d.jumpFrom ??= jump.jump.from;
            rest = r;
            restText = blockOf(text, it.role, rest).text;
          }
          const by = d.bylines.length === 0 ? leadingByline(text, rest) : null;
          if (by && by.length < restText.length) {
            const [bl, r] = cutBlock(text, rest, by.length);
            d.head.push(blockOf(text, "byline", bl));
            d.bylines.push(by.byline);
            rest = r;
          }
        }
        if (rest.length) {
          d.content.push(blockOf(text, it.role, rest));
          seenText = true;
        }
        break;
      }
      default:
        d.content.push(blockOf(text, it.role, spans));
    }
  }
  const field = (role: Block["role"]) => {
    const blocks = d.head.filter((x) => x.role === role);
    return blocks.length ? blocks.map((x) => x.text).join("") : null;
  };
  const by = mergeBylines(d.bylines);
  const title = field("title");
  const hasBody = d.content.some((x) => x.role === "paragraph" || x.role === "lead");
  return {
    blocks: [...d.head, ...d.content],
    kicker: field("kicker"),
    title,
    subtitle: field("subtitle"),
    rubric: null,
    byline: by?.text ?? null,
    source: by?.source ?? null,
    reporters: by?.reporters ?? [],
    correspondents: by?.correspondents ?? [],
    photographers: by?.photographers ?? [],
    jumpTo: d.jumpTo,
    jumpFrom: d.jumpFrom,
    confidence: (title ? 1 : 0.5) * (hasBody ? 1 : 0.5),
    doubts: [],
  };
}

function captionOf(text: string, a: Article | undefined, image: PageImage, lines: readonly LayoutLine[]): string | null {
  if (!a) return null;
  // The caption block whose first line sits closest under the image.
  let best: { block: Block; d: number } | null = null;
  for (const block of a.blocks) {
    if (block.role !== "caption") continue;
    const first = lines.find((l) => l.start === block.spans[0]?.start);
    if (!first) continue;
    const d = first.y - (image.y + image.h);
    if (d >= -2 && d < 40 && first.x < image.x + image.w && first.x + first.w > image.x && (!best || d < best.d)) best = { block, d };
  }
  return best ? best.block.text : null;
}

/** Builds the Segmentation of one or more labelled pages. */
export function assemble(pages: readonly LabelledPage[], hints: { page?: number; date?: string } = {}): Segmentation & { layout: PdfLayout } {
  const b = new TextBuilder();
  const articles: Article[] = [];
  const discarded: SetAside[] = [];
  const mastheadSpans: Span[] = [];
  const images: LayoutImage[] = [];
  let masthead: Masthead | null = null;
  const doubts: Segmentation["doubts"] = [];

  pages.forEach((p, pi) => {
    if (pi > 0) b.gap("\f\n");
    const pageStart = b.text.length;
    // The masthead or running head first, so the masthead reader meets it at the top.
    const ordered = [...p.groups.filter((g) => g.kind === "masthead"), ...p.groups.filter((g) => g.kind !== "masthead")];
    let mastheadEnd = pageStart;
    const pending: { g: LabelledGroup; index: number | null }[] = [];
    ordered.forEach((g, gi) => {
      if (gi > 0) b.gap("\n");
      for (const it of g.items) for (const l of it.lines) b.line(l);
      if (g.kind === "masthead") mastheadEnd = b.text.length;
      pending.push({ g, index: null });
    });
    const text = b.text;
    if (mastheadEnd > pageStart) {
      const local = text.slice(pageStart, mastheadEnd);
      const parsed = masthead ? null : parseMasthead(local, splitLines(local), false);
      if (parsed) {
        masthead = parsed.masthead;
        for (const [k, v] of Object.entries(masthead.fieldSpans)) (masthead.fieldSpans as Record<string, Span[]>)[k] = (v ?? []).map((s) => ({ start: s.start + pageStart, end: s.end + pageStart }));
        doubts.push(...parsed.doubts.map((d) => ({ ...d, spans: d.spans.map((s) => ({ start: s.start + pageStart, end: s.end + pageStart })) })));
      } else if (!masthead) masthead = runningHead(local);
    }
    for (const entry of pending) {
      const g = entry.g;
      if (g.kind === "masthead") {
        for (const it of g.items) for (const l of it.lines) mastheadSpans.push(b.spanOf(l));
      } else if (g.kind === "furniture") {
        for (const it of g.items) {
          const spans = it.lines.map((l) => b.spanOf(l));
          if (spans.length) discarded.push(setAside(text, spans, it.setAside ?? g.reason ?? undefined));
        }
      } else {
        entry.index = articles.length;
        articles.push(article(text, g.items, b, discarded));
      }
      for (const im of g.images) {
        images.push({
          page: p.page.number,
          x: round(im.x),
          y: round(im.y),
          w: round(im.w),
          h: round(im.h),
          ref: im.ref,
          pixelWidth: im.pixelWidth,
          pixelHeight: im.pixelHeight,
          article: entry.index,
          caption: entry.index === null ? null : captionOf(text, articles[entry.index], im, b.lines),
        });
      }
    }
  });

  const text = b.text;
  let mh: Masthead | null = masthead;
  if (hints.page !== undefined || hints.date !== undefined) {
    mh ??= {
      paper: null, publisher: null, printer: null, date: null, weekday: null, lunarDate: null, issueNo: null,
      totalIssueNo: null, pageCount: null, page: null, pageName: null, website: null, licence: null, fieldSpans: {},
    };
    if (hints.page !== undefined) mh.page = hints.page;
    if (hints.date !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(hints.date)) mh.date = hints.date;
  }
  return {
    encoding: "utf-8",
    format: "plain",
    text,
    masthead: mh,
    mastheadSpans,
    articles,
    orphans: [] as SetAside[],
    discarded,
    doubts,
    layout: { pages: pages.map((p) => p.page), lines: b.lines, images },
  };
}
