import { emptyByline, hasBylineCue, mergeBylines, parseNameByline, parseStandaloneByline, parseTrailingByline, type ParsedByline } from "./byline";
import { displayWidth, endsSentence, hanCount, withoutSpaces } from "./chars";
import { doubled, rubricOrder, splitDoubled, splitParagraph } from "./classify";
import { overlap } from "./headlines";
import { parseJumpLine, parseTrailingJump } from "./jump";
import type { LineDecisions } from "./labeller";
import { baseStackRoles, baseStackWrap } from "./model/base";
import { continuesBlock, isStackRole, opensArticle, roleOf, type Label, type Role } from "./model/grammar";
import { readStackWords } from "./model/stack-roles";
import { readWrapWords } from "./model/stack-wrap";
import type { Reading, ReadLine } from "./reading";
import { render } from "./text";
import { truncateText } from "../text-length";
import type { Article, Block, BlockRole, Doubt, ReasonDetail, SetAside, Span } from "./types";
import { leadingSpace, makeUnit, splitAt, type Ctx, type Unit } from "./units";

/**
 * Labelled lines → articles. The labels already say where each article starts and what
 * each line is; this step builds the blocks (wrapped lines joined, a byline or a jump
 * run into a paragraph split off, a caption printed twice kept once), reads bylines and
 * jumps, puts collected subheads back before their sections, takes the box beside a
 * vertical label as the lead, gives text above the first headline a home, and turns the
 * labeller's probabilities into each article's confidence and doubts.
 */

/** Below this, a decision is shown to the editor as a doubt. */
export const DOUBT_BELOW = 0.9;

type Part = { role: Role; spans: Span[]; lines: number[] };

type Draft = {
  parts: Part[];
  /** The line that opened it, and the first line of a stack printed after its body. */
  opener: number;
  lateStack: number | null;
  /** Vertical labels printed inside it: the part index they follow. */
  vlabels: { after: number; text: string }[];
  doubts: Doubt[];
};

export type Assembled = { articles: Article[]; orphans: SetAside[]; discarded: SetAside[]; mastheadSpans: Span[]; doubts: Doubt[] };

const quote = (s: string, n = 14) => truncateText(s, n + 1);
const pct = (p: number) => `${Math.round(p * 100)}%`;

const ROLE_WORD: Record<Role, string> = {
  M: "masthead", F: "page furniture", K: "kicker", T: "title", S: "subtitle", Y: "byline", P: "body text", H: "subhead", X: "caption", J: "jump line",
};

const STAMP = /^《[^》]{2,12}》[（(].*版\s*[)）]$/;
const RUNNING_HEAD = /第\s*[0-9一二三四五六七八九十]{1,3}\s*版|责编|编辑|美编|校对|\d{4}年\d{1,2}月\d{1,2}日/;
const AD = /广告|遗失|声明|热线|电话|招聘|公告/;

function furnitureReason(t: string): { reason: string; detail: ReasonDetail } {
  if (STAMP.test(t)) return { reason: "e-paper stamp (page furniture)", detail: { code: "source_stamp" } };
  if (AD.test(t)) return { reason: "advertisement or notice (page furniture)", detail: { code: "advertisement" } };
  if (RUNNING_HEAD.test(t)) return { reason: "running head or page line (page furniture)", detail: { code: "running_head" } };
  return { reason: "page furniture", detail: { code: "page_furniture" } };
}

/** Spaced-out justified lines ("管 ， 都 一 股"): the spaces between single wide characters go. */
function closeSpacedOut(t: string): string {
  return t.replace(/(?<=[\u3000-\u9fff\uff00-\uffef“”‘’])[ ]+(?=[\u3000-\u9fff\uff00-\uffef“”‘’])/g, (m, off: number, s: string) => {
    // Keep a space between phrases of two or more characters (a headline's "A B").
    const before = s.slice(Math.max(0, off - 2), off);
    const after = s.slice(off + m.length, off + m.length + 2);
    return before.length === 2 && !/\s/.test(before) && after.length === 2 && !/\s/.test(after) ? m : "";
  });
}

/**
 * A blank line after a finished sentence ends the paragraph even when the labeller carried
 * the body on (it learns from extractions where blank lines mostly mark column breaks, and a
 * paragraph break does not change what an article is): a paragraph broken across columns
 * stops mid-sentence, one that ends there does not. A byline printed after the last
 * sentence (…之果”。 文/赵敏) ends it too. Not in text printed side by side, where a blank
 * before a line only says a new column run starts.
 */
function paragraphEndsAt(lines: readonly ReadLine[], part: Part, line: ReadLine): boolean {
  if (!line.blankBefore || line.geometry) return false;
  const prev = (lines[part.lines[part.lines.length - 1] as number] as ReadLine).text.trimEnd();
  const trailing = parseTrailingByline(prev);
  return endsSentence(trailing ? prev.slice(0, trailing.start).trimEnd() : prev);
}

/**
 * A paragraph whose last line stops mid-sentence (on a character or a comma) goes on in the
 * next paragraph the labeller started: a column break, not a new paragraph. A line that
 * ends on a byline printed after the last sentence (…之果”。 文/赵敏) has finished its story.
 */
function stopsMidSentence(lines: readonly ReadLine[], part: Part): boolean {
  const last = (lines[part.lines[part.lines.length - 1] as number] as ReadLine).text.trimEnd();
  return /[\u3400-\u9fff，、]$/u.test(last) && !parseTrailingByline(last);
}

export function assemble(ctx: Ctx, { format, lines }: Reading, d: LineDecisions): Assembled {
  const discarded: SetAside[] = [];
  const orphans: SetAside[] = [];
  const mastheadSpans: Span[] = [];
  const pageDoubts: Doubt[] = [];
  const drafts: Draft[] = [];
  let cur: Draft | null = null;
  let lastPart: Part | null = null;
  let lastDiscard: { item: SetAside; row: number } | null = null;
  const vlabelAt = new Map(d.verticalLabels.map((v) => [v.from, v]));

  d.labels.forEach((label: Label, i) => {
    const line = lines[i] as ReadLine;
    const role = roleOf(label);
    if (label === "M") {
      mastheadSpans.push(...line.spans);
      return;
    }
    if (label === "F") {
      const rule = d.setAside[i];
      const v = vlabelAt.get(i);
      if (v && cur) cur.vlabels.push({ after: cur.parts.length - 1, text: v.text });
      if (rule?.kind === "vertical_label" && !v) return; // the rest of a vertical label, kept with its first line below
      const spans = v ? lines.slice(v.from, v.to + 1).flatMap((x) => x.spans) : line.spans;
      const text = v ? v.text : line.text;
      const kind = rule?.kind ?? "furniture";
      const { reason, detail } = rule ?? furnitureReason(line.text);
      const conf = d.roleConfidence[i] as number;
      if (!rule && conf < DOUBT_BELOW && detail.code === "page_furniture" && endsSentence(line.text.trim()) && hanCount(line.text) >= 8) {
        // A sentence the labeller only guessed is furniture goes to the editor's tray, not the
        // bin: real text is never set aside on a guess.
        orphans.push({
          kind: "no_article",
          text,
          reason: `text that belongs to no article here (${pct(conf)} sure it is page furniture)`,
          detail: { code: "unsure_unplaced", params: { sure: pct(conf) } },
          spans: [...spans],
        });
        lastDiscard = null;
        return;
      }
      // Furniture over consecutive rows is one item (an ad, a notice, a running head).
      if (!rule && lastDiscard && line.row - lastDiscard.row <= 1 && lastDiscard.item.reason === reason) {
        lastDiscard.item.spans.push(...spans);
        lastDiscard.item.text += `\n${text}`;
        lastDiscard.row = line.row;
        return;
      }
      const item: SetAside = { kind, text, reason, detail, spans: [...spans] };
      discarded.push(item);
      lastDiscard = rule ? null : { item, row: line.row };
      if (!rule && conf < DOUBT_BELOW) {
        pageDoubts.push({
          kind: "line_role",
          reason: `"${quote(line.text)}" set aside as page furniture (${pct(conf)} sure)`,
          detail: { code: "furniture_unsure", params: { text: quote(line.text), sure: pct(conf) } },
          confidence: round2(conf),
          spans: [...spans],
        });
      }
      return;
    }
    lastDiscard = null;
    if (opensArticle(label) || !cur) {
      cur = { parts: [], opener: i, lateStack: null, vlabels: [], doubts: [] };
      drafts.push(cur);
      lastPart = null;
    }
    const carried = role === "P" && lastPart?.role === "P" && !opensArticle(label) && (continuesBlock(label) ? format === "layout" || !paragraphEndsAt(lines, lastPart, line) : stopsMidSentence(lines, lastPart));
    if (lastPart && (carried || (continuesBlock(label) && lastPart.role === role && role !== "P"))) {
      lastPart.spans.push(...line.spans);
      lastPart.lines.push(i);
      return;
    }
    if (isStackRole(role) && !opensArticle(label) && !(lastPart && isStackRole(lastPart.role)) && cur.lateStack === null) cur.lateStack = i;
    lastPart = { role, spans: [...line.spans], lines: [i] };
    cur.parts.push(lastPart);
  });

  const articles = drafts.map((dr) => finish(ctx, lines, d, dr, discarded)).filter((b) => !adMarkerOnly(b.article, discarded));
  placeHeadless(ctx, articles, orphans);
  return { articles: articles.map((a) => a.article), orphans, discarded, mastheadSpans, doubts: pageDoubts };
}

/**
 * An ad's marker read as a headline (广告 over the ad's lines): no title and no body, only
 * the marker and what hangs under it. It is page furniture, all of it, set aside (not lost).
 */
function adMarkerOnly(a: Article, discarded: SetAside[]): boolean {
  if (a.title !== null || a.blocks.some((b) => b.role === "paragraph" || b.role === "lead")) return false;
  if (!/^(广告|公告|启事|声明)$/.test(withoutSpaces(a.kicker ?? a.subtitle ?? ""))) return false;
  for (const b of a.blocks) discarded.push({ kind: "furniture", text: b.text, reason: "advertisement or notice (page furniture)", detail: { code: "advertisement" }, spans: b.spans });
  return true;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

type Built = { article: Article; units: Unit[] };

function textOf(ctx: Ctx, spans: readonly Span[]): string {
  return render(ctx.text, spans, ctx.md).text.trim();
}


/** A paragraph part: a byline or jump run into it is split off; a caption printed twice is kept once. */
function paragraphUnits(ctx: Ctx, part: Part, lines: readonly ReadLine[]): Unit[] {
  const raw = render(ctx.text, part.spans, ctx.md).text;
  const t = raw.trim();
  const off = leadingSpace(raw);
  const dup = doubled(t);
  if (dup && part.lines.length <= 2 && !/[，。]/.test(t.slice(0, dup.half - 1))) return splitDoubled(ctx, part.spans, dup, off);
  const units = splitParagraph(ctx, part.spans, t, off);
  const width = Math.max(...part.lines.map((i) => displayWidth((lines[i] as ReadLine).text)));
  // Lines of one paragraph with a blank line (a column break) between them were joined.
  const joins: Span[] = [];
  part.lines.forEach((i, k) => {
    const l = lines[i] as ReadLine;
    const prev = lines[part.lines[k - 1] ?? -1];
    if (k > 0 && prev && l.blankBefore) joins.push({ start: (prev.spans[prev.spans.length - 1] as Span).end - 1, end: (l.spans[0] as Span).start + 1 });
  });
  for (const u of units) {
    u.width = width;
    u.multiLine = part.lines.length > 1;
  }
  units.find((u) => u.kind === "para")?.joins.push(...joins);
  return units;
}

/**
 * A byline block as the byline grammar reads it, or null when it cannot. Joining a block's
 * lines as a sentence's closes up what the grammar needs apart, so its lines are also read
 * with a space at each break (■成都日报全媒体记者 邓建胜 / 姚雪青: two names) and with the
 * spaces they were printed with (邱 茜 甘军亮 黎精华, which the reading closes
 * as justified spacing); a block whose first lines are something else run in (a column tag,
 * （伟大征程） / ■重庆日报全媒体记者 黄娴) is read from the first line on that reads whole.
 * A block read whole so takes those spaces into its text (whitespace only: its characters stay).
 */
function readBylineUnit(ctx: Ctx, u: Unit): ParsedByline | null {
  const read = (t: string) => parseStandaloneByline(t) ?? parseNameByline(t);
  const whole = read(u.text);
  if (whole) return whole;
  const spans = u.spans.flatMap((sp) => lineSpans(ctx.text, sp));
  const rendered = spans.map((sp) => render(ctx.text, [sp], ctx.md).text.trim());
  const printed = spans.map((sp) => {
    const raw = ctx.text.slice(sp.start, sp.end);
    // Markdown's own marks (emphasis, escapes) are not the line's printed text.
    return (ctx.md ? raw.replace(/[*_`\\]/g, "") : raw).replace(/\s+/g, " ").trim();
  });
  for (const lines of [rendered, printed]) {
    for (let k = 0; k < lines.length; k++) {
      const by = read(lines.slice(k).filter((t) => t).join(" "));
      if (!by) continue;
      if (k === 0 && withoutSpaces(by.text) === withoutSpaces(u.text)) u.text = by.text;
      return by;
    }
  }
  return null;
}

/** A span cut at its line breaks. */
function lineSpans(text: string, sp: Span): Span[] {
  const out: Span[] = [];
  let start = sp.start;
  for (let i = text.indexOf("\n", start); i >= 0 && i < sp.end; i = text.indexOf("\n", start)) {
    if (i > start) out.push({ start, end: i });
    start = i + 1;
  }
  if (sp.end > start) out.push({ start, end: sp.end });
  return out;
}

/** Paragraphs next to a vertical label, preferring those above it; a wider paragraph ends the box. */
function boxNextTo(units: readonly Unit[], at: number): Unit[] {
  const collect = (step: 1 | -1, from: number): Unit[] => {
    const box: Unit[] = [];
    let ref = 0;
    for (let j = from; j >= 0 && j < units.length && units[j]?.kind === "para"; j += step) {
      const p = units[j] as Unit;
      if (ref > 0 && (p.width > ref * 1.15 || (p.multiLine && p.width < ref * 0.85))) break;
      if (p.multiLine && ref === 0) ref = p.width;
      box.push(p);
    }
    return step === -1 ? box.reverse() : box;
  };
  const above = collect(-1, at);
  return above.length ? above : collect(1, at + 1);
}

/**
 * Subheads printed together away from their sections (three or more in a row) each go
 * before the run of paragraphs whose opening shares the most character pairs with it,
 * taking that run along: the sections come out in the subheads' order. Runs end at
 * anything but a paragraph, at a closing paragraph (a byline after it) and where the text
 * printed above the headline ends (`breaks`).
 */
function placeSubheads(items: Unit[], doubts: Doubt[], breaks: ReadonlySet<Unit>): Unit[] {
  const heads: Unit[] = [];
  for (let i = 0; i < items.length; i++) {
    if (items[i]?.kind !== "heading") continue;
    let j = i;
    while (items[j + 1]?.kind === "heading") j++;
    if (j - i + 1 >= 3) heads.push(...items.slice(i, j + 1));
    i = j;
  }
  if (heads.length === 0) return items;
  const runs: Unit[][] = [];
  let run: Unit[] = [];
  for (const u of items) {
    if (breaks.has(u) && run.length) {
      runs.push(run);
      run = [];
    }
    if (u.kind === "para" && !u.lead && !u.closing) run.push(u);
    else if (u.kind !== "discard") {
      if (run.length) runs.push(run);
      run = [];
    }
  }
  if (run.length) runs.push(run);
  const pairs: { h: number; r: number; score: number }[] = [];
  heads.forEach((h, hi) =>
    runs.forEach((r, ri) => {
      const opening = r.slice(0, 3).map((p) => p.text).join("").slice(0, 400);
      pairs.push({ h: hi, r: ri, score: overlap(h.text, opening) });
    }),
  );
  pairs.sort((a, b) => b.score - a.score || a.h - b.h || a.r - b.r);
  const runOf = new Map<number, number>();
  const usedRuns = new Set<number>();
  for (const p of pairs) {
    if (p.score < 3 || runOf.has(p.h) || usedRuns.has(p.r)) continue;
    runOf.set(p.h, p.r);
    usedRuns.add(p.r);
  }
  const placed = new Set<Unit>();
  const ordered: Unit[] = [];
  heads.forEach((h, hi) => {
    const ri = runOf.get(hi);
    if (ri === undefined) {
      doubts.push({
        kind: "heading_placed",
        reason: `Subhead "${h.text}" was printed away from its section and no matching section was found`,
        detail: { code: "heading_unmatched", params: { heading: h.text } },
        confidence: 0.4,
        spans: h.spans,
      });
      return;
    }
    const r = runs[ri] as Unit[];
    ordered.push(h, ...r);
    placed.add(h);
    for (const p of r) placed.add(p);
    doubts.push({
      kind: "heading_placed",
      reason: `Subhead "${h.text}" was printed away from its section; placed before "${quote((r[0] as Unit).text)}"`,
      detail: { code: "heading_placed", params: { heading: h.text, before: quote((r[0] as Unit).text) } },
      confidence: 0.6,
      spans: [...h.spans, ...(r[0] as Unit).spans.slice(0, 1)],
    });
  });
  if (placed.size === 0) return items;
  const firstPlaced = items.findIndex((u) => placed.has(u));
  const rest = items.filter((u) => !placed.has(u));
  return [...rest.slice(0, firstPlaced), ...ordered, ...rest.slice(firstPlaced)];
}

/**
 * A jump marker the reading put on the title's line (需求不只在货架（商海观潮） （接第7版）)
 * is the article's jump line, not part of its title.
 */
function jumpOffTitle(ctx: Ctx, title: Part[], units: Unit[]): Unit[] {
  const last = title[title.length - 1];
  if (!last) return units;
  const r = render(ctx.text, last.spans, ctx.md);
  const tail = parseTrailingJump(r.text);
  if (!tail || !r.text.slice(0, tail.start).trim()) return units;
  const [keep = [], jump = []] = splitAt(ctx, last.spans, r, [tail.start]);
  if (keep.length === 0 || jump.length === 0) return units;
  last.spans = keep;
  const u = makeUnit(ctx, "jump", jump);
  u.jump = tail.jump;
  return [u, ...units];
}

const DATELINE_ONLY = /^[（(]?(?:据)?(?:新华社|中新社|本报)[\u3400-\u9fff]{0,8}(?:\d{1,2}月\d{1,2}日)?电[)）]?$|^[（(]完[)）]$/;

/**
 * A dateline printed after a story's last sentence (…生机盎然。 新华社石家庄4月27日电) ends
 * that paragraph; it is not the story's byline.
 */
function trailingDatelines(ctx: Ctx, units: Unit[]): Unit[] {
  const out: Unit[] = [];
  for (const u of units) {
    const prev = out[out.length - 1];
    if (u.kind === "byline" && prev?.kind === "para" && DATELINE_ONLY.test(withoutSpaces(u.text))) {
      prev.spans = [...prev.spans, ...u.spans];
      prev.text = textOf(ctx, prev.spans);
      continue;
    }
    out.push(u);
  }
  return out;
}

/**
 * A story whose byline line was read as the first line of its first paragraph (新华社记者 乔继红
 * 朱涵 孙广见 / 在浙江义乌，…: the line ends no sentence, so the paragraph went on) gets it back
 * as its byline, when the line is a whole byline naming its people by their role, or two or
 * more names printed apart on a line clearly narrower than the next (names alone on a full line
 * could open a sentence; a dateline opening the body is split off by the paragraph's own reading).
 */
function bylineOpeningBody(ctx: Ctx, units: Unit[]): Unit[] {
  const first = units.findIndex((u) => u.kind === "para" || u.kind === "byline");
  const para = units[first];
  if (!para || para.kind !== "para") return units;
  const [head, ...rest] = para.spans.flatMap((sp) => lineSpans(ctx.text, sp));
  if (!head || rest.length === 0) return units;
  const line = textOf(ctx, [head]);
  const printed = ctx.text.slice(head.start, head.end).trim();
  const next = ctx.text.slice((rest[0] as Span).start, (rest[0] as Span).end).trim();
  // Names alone only when two or more are printed apart on a line shorter than the
  // paragraph's next one (李龙彬 葛帅坤 / 稽中遗址位于绍兴市越城…): a sentence's first line runs full width.
  const names = displayWidth(printed) + 4 <= displayWidth(next) ? parseNameByline(printed) : null;
  const by = /电/.test(line) ? null : (parseStandaloneByline(line) ?? (names && names.reporters.length >= 2 ? names : null));
  if (!by || by.reporters.length + by.correspondents.length + by.photographers.length === 0) return units;
  const body = makeUnit(ctx, "para", rest, { width: para.width, multiLine: rest.length > 1, lead: para.lead, closing: para.closing });
  body.joins = para.joins.filter((j) => j.start >= (rest[0] as Span).start);
  return [...units.slice(0, first), makeUnit(ctx, "byline", [head], { byline: by }), body, ...units.slice(first + 1)];
}

/**
 * Body text printed before its article's headline stack: a commentary whose headline is
 * printed under it (nothing but a byline or jump after the stack), the rest of an article
 * whose text stops mid-sentence (the piece goes to its end, joined to the unfinished
 * paragraph), or text above the headline that starts the article.
 */
function placeTextBeforeStack(ctx: Ctx, lines: readonly ReadLine[], d: LineDecisions, dr: Draft, before: Unit[], after: Unit[], breaks: Set<Unit>): Unit[] {
  if (dr.lateStack === null || before.length === 0) return [...before, ...after];
  const stackLine = lines[dr.lateStack] as ReadLine;
  const conf = round2(Math.min(0.7, d.roleConfidence[dr.lateStack] as number));
  const spans = before.flatMap((u) => u.spans);
  const afterParas = after.filter((u) => u.kind === "para");
  const firstBefore = before.find((u) => u.kind === "para");
  if (afterParas.length === 0) {
    dr.doubts.push({
      kind: "trailing_headline",
      reason: `Headline "${quote(stackLine.text)}" was printed after its body: ${before.filter((u) => u.kind === "para").length} paragraph(s) before it were given to it`,
      detail: { code: "headline_after_body", params: { text: quote(stackLine.text), count: before.filter((u) => u.kind === "para").length } },
      confidence: conf,
      spans,
    });
    return [...before, ...after];
  }
  const last = afterParas[afterParas.length - 1] as Unit;
  if (firstBefore && !endsSentence(last.text) && !after.some((u) => u.jump?.to)) {
    const seam = { start: (last.spans[last.spans.length - 1] as Span).end - 1, end: (firstBefore.spans[0] as Span).start + 1 };
    last.spans = [...last.spans, ...firstBefore.spans];
    last.joins.push(seam, ...firstBefore.joins);
    last.text = textOf(ctx, last.spans);
    dr.doubts.push({
      kind: "fragment_attached",
      reason: `Text printed above the headline ("${quote(firstBefore.text)}") continues this article, which stopped mid-sentence`,
      detail: { code: "fragment_above", params: { text: quote(firstBefore.text) } },
      confidence: 0.6,
      spans,
    });
    const at = after.indexOf(last) + 1;
    return [...after.slice(0, at), ...before.filter((u) => u !== firstBefore), ...after.slice(at)];
  }
  dr.doubts.push({
    kind: "leading_text_attached",
    reason: "Text printed above the headline was taken as the start of this article",
    detail: { code: "leading_text_starts" },
    confidence: 0.6,
    spans,
  });
  if (after[0]) breaks.add(after[0]);
  return [...before, ...after];
}

/**
 * A stack printed in one size can come out as one line ("引题——主题", "主题——副题"): the
 * dash splits it. The longer side is the descriptive one: a long part before the dash is
 * the kicker (it ends with the dash), a long part after it the subtitle (it starts with it).
 */
function splitJoinedStack(ctx: Ctx, kicker: Part[], title: Part[], subtitle: Part[], doubts: Doubt[]): void {
  if (title.length !== 1 || kicker.length + subtitle.length > 0) return;
  const part = title[0] as Part;
  if (part.lines.length !== 1) return;
  const r = render(ctx.text, part.spans, ctx.md);
  const m = /^(.{4,}?)(——|—)(.{4,})$/u.exec(r.text.trim());
  if (!m) return;
  const off = leadingSpace(r.text);
  const before = (m[1] as string).length;
  const dash = (m[2] as string).length;
  const after = (m[3] as string).length;
  const kickerFirst = before > after;
  const cut = off + before + (kickerFirst ? dash : 0);
  const [a = [], b = []] = splitAt(ctx, part.spans, r, [cut]);
  if (a.length === 0 || b.length === 0) return;
  title.length = 0;
  if (kickerFirst) {
    kicker.push({ role: "K", spans: a, lines: part.lines });
    title.push({ role: "T", spans: b, lines: part.lines });
  } else {
    title.push({ role: "T", spans: a, lines: part.lines });
    subtitle.push({ role: "S", spans: b, lines: part.lines });
  }
  doubts.push({
    kind: "headline_role",
    reason: `One headline line was split at its dash into ${kickerFirst ? "kicker and title" : "title and subtitle"}`,
    detail: { code: kickerFirst ? "headline_split_kicker" : "headline_split_subtitle" },
    confidence: 0.7,
    spans: part.spans,
  });
}

/** The confidence of a decision the labeller and the stack model disagreed on. */
const CONTESTED = 0.8;

/** Whether the print tells two stack parts apart: Markdown heading levels or bold, or a PDF's font sizes, that differ. */
function printedApart(lines: readonly ReadLine[], a: Part, b: Part): boolean {
  const la = lines[a.lines[0] as number] as ReadLine;
  const lb = lines[b.lines[0] as number] as ReadLine;
  if (la.level !== lb.level || la.bold !== lb.bold) return true;
  const sa = la.geometry?.fontSize;
  const sb = lb.geometry?.fontSize;
  return sa !== undefined && sb !== undefined && Math.abs(sa - sb) > 0.05 * Math.max(sa, sb);
}

/**
 * Two lines printed alike in text without type sizes: no PDF geometry, the same Markdown level
 * and bold. Where the print tells lines apart the labeller read it; where it does not, the
 * words may (the wrap model).
 */
function alikeInText(la: ReadLine, lb: ReadLine): boolean {
  return !la.geometry && !lb.geometry && la.level === lb.level && la.bold === lb.bold;
}

/**
 * A stack of two parts, kicker over title or title over subtitle, printed alike (plain text,
 * a stack in one size): the labeller chose from the lines and their neighbours, the stack
 * model (./model/stack-roles.ts) reads the words. Where they disagree, the one more often
 * right at how sure it is decides: the labeller's confidence is calibrated (of its role
 * decisions given 0.8, about 0.8 are right), and the stack model's score is worth the share of
 * held-out stacks it got right at that score. A paper's own model, sure of the stacks its
 * corrections taught it, keeps them. Returns the parts whose roles the words gave: their
 * doubt is the override's (the labeller's was about the roles it gave), below the sure line
 * whatever the words' share, because the decision was contested and the parts themselves may
 * be wrong (at the words' share, 39 more test articles counted sure, half of them strictly right).
 * Where the words make a kicker of a title over its subtitle, the wrap model may still read the
 * two lines as one title wrapped (国务院办公厅关于 / 加强新就业群体服务管理的意见), as it does
 * for the labeller's kicker (`joinWrappedTitle`).
 */
function decideStackRoles(ctx: Ctx, lines: readonly ReadLine[], d: LineDecisions, kicker: Part[], title: Part[], subtitle: Part[], doubts: Doubt[]): Part[] {
  if (title.length !== 1 || kicker.length + subtitle.length !== 1) return [];
  const kickerOver = kicker.length === 1;
  const upper = (kickerOver ? kicker[0] : title[0]) as Part;
  const lower = (kickerOver ? title[0] : subtitle[0]) as Part;
  // One line cut at its dash (splitJoinedStack): the dash decided.
  if (upper.lines.some((i) => lower.lines.includes(i)) || printedApart(lines, upper, lower)) return [];
  const words = readStackWords(baseStackRoles(), textOf(ctx, upper.spans), textOf(ctx, lower.spans));
  if (words.kickerOver === kickerOver) return [];
  const labeller = Math.min(...[...upper.lines, ...lower.lines].map((i) => d.roleConfidence[i] as number));
  if (words.right <= labeller) return [];
  kicker.length = 0;
  title.length = 0;
  subtitle.length = 0;
  if (words.kickerOver) {
    upper.role = "K";
    lower.role = "T";
    kicker.push(upper);
    title.push(lower);
    // No title over a subtitle, say the words; nor, says the wrap model when sure, a kicker over a title: one title wrapped.
    if (joinWrappedTitle(ctx, lines, d, kicker, title, doubts)) return [upper, lower];
  } else {
    upper.role = "T";
    lower.role = "S";
    title.push(upper);
    subtitle.push(lower);
  }
  doubts.push(titleByWords(ctx, title[0] as Part, upper, lower));
  return [upper, lower];
}

/**
 * The doubt of a title the words chose (the stack model's or the wrap model's): contested, under
 * the sure line. `joined`: the words made the two lines one title (a kicker was read over it).
 */
function titleByWords(ctx: Ctx, title: Part, upper: Part, lower: Part, joined = false): Doubt {
  const titleText = quote(textOf(ctx, title.spans));
  return {
    kind: "headline_role",
    reason: joined
      ? `Two lines printed alike were read as one title by their words: "${titleText}"`
      : `Nothing printed marks which line is the title: "${titleText}" was taken as the title by its words`,
    detail: { code: joined ? "headline_joined_by_words" : "headline_roles_by_words", params: { title: titleText } },
    confidence: CONTESTED,
    spans: [...upper.spans, ...lower.spans],
  };
}

/**
 * Two or three lines printed alike that the labeller read as one title wrapped: the wrap model
 * (./model/stack-wrap.ts) reads from the first two lines' words and the break whether the upper
 * one is a kicker over the title (the rest). Where it is right more often at its score than the
 * labeller was sure of the upper line's role, they become kicker and title, a contested decision
 * the workbench doubts as it doubts the stack model's. Returns the title part it split (its own
 * doubt is this one), or null when the labeller's reading stands.
 */
function splitWrappedTitle(ctx: Ctx, lines: readonly ReadLine[], d: LineDecisions, kicker: Part[], title: Part[], doubts: Doubt[]): Part[] | null {
  const part = title[0];
  if (kicker.length !== 0 || title.length !== 1 || !part || part.lines.length < 2 || part.lines.length > 3) return null;
  const [a, b] = part.lines as [number, number];
  const la = lines[a] as ReadLine;
  const lb = lines[b] as ReadLine;
  // Markdown's levels and bold, a PDF's sizes: the labeller read the print.
  if (!alikeInText(la, lb)) return null;
  const words = readWrapWords(baseStackWrap(), textOf(ctx, la.spans), textOf(ctx, lb.spans));
  if (!words.kickerOver || words.right <= (d.roleConfidence[a] as number)) return null;
  // The part's own spans, not the lines': a jump marker cut off the title's end (jumpOffTitle) stays the jump's.
  const inUpper = (sp: Span) => la.spans.some((l) => sp.start >= l.start && sp.end <= l.end);
  const upperSpans = part.spans.filter(inUpper);
  const lowerSpans = part.spans.filter((sp) => !inUpper(sp));
  if (upperSpans.length === 0 || lowerSpans.length === 0) return null;
  const upper: Part = { role: "K", spans: upperSpans, lines: [a] };
  const lower: Part = { role: "T", spans: lowerSpans, lines: part.lines.slice(1) };
  kicker.push(upper);
  title.length = 0;
  title.push(lower);
  doubts.push(titleByWords(ctx, lower, upper, lower));
  return [part];
}

/**
 * How often the wrap model must be right at its score to join a kicker to its title: joining
 * where it beat only the labeller's confidence made as many kickers wrong as it mended (dev
 * strictF1 0.805 → 0.807 at 0.9, stackExact 0.804 → 0.806; Markdown lower without it).
 */
const JOIN_SURE = 0.9;

/**
 * The other way round: two lines printed alike read as a one-line kicker over a one-line title
 * (by the labeller, or by the stack model from a title over its subtitle), where the wrap model
 * reads one title wrapped (中共中央办公厅国务院办公厅关于 / 加强新就业群体服务管理的意见: a line
 * broken inside its words). Where the model is right more often at its score than the labeller
 * was sure of the upper line, and at least `JOIN_SURE`, they become one title of two lines,
 * contested like the split. Returns the two parts it joined (their doubt is this one), or null.
 */
function joinWrappedTitle(ctx: Ctx, lines: readonly ReadLine[], d: LineDecisions, kicker: Part[], title: Part[], doubts: Doubt[]): Part[] | null {
  const upper = kicker[0];
  const lower = title[0];
  if (kicker.length !== 1 || title.length !== 1 || !upper || !lower || upper.lines.length !== 1 || lower.lines.length !== 1) return null;
  const a = upper.lines[0] as number;
  const b = lower.lines[0] as number;
  // Markdown's converter joins the lines of one heading, so two headings are two parts; a PDF's sizes tell.
  if (b !== a + 1 || !alikeInText(lines[a] as ReadLine, lines[b] as ReadLine) || lines[a]?.level) return null;
  const words = readWrapWords(baseStackWrap(), textOf(ctx, upper.spans), textOf(ctx, lower.spans));
  if (words.kickerOver || words.right <= Math.max(JOIN_SURE, d.roleConfidence[a] as number)) return null;
  const joined: Part = { role: "T", spans: [...upper.spans, ...lower.spans], lines: [a, b] };
  kicker.length = 0;
  title.length = 0;
  title.push(joined);
  doubts.push(titleByWords(ctx, joined, upper, lower, true));
  return [upper, lower];
}

function finish(ctx: Ctx, lines: readonly ReadLine[], d: LineDecisions, dr: Draft, discarded: SetAside[]): Built {
  const kicker: Part[] = [];
  const title: Part[] = [];
  const subtitle: Part[] = [];
  let units: Unit[] = [];
  const vlabelAfter: { unit: Unit | null; text: string }[] = [];
  // Body printed before a stack that came after it (the text above the headline).
  const firstStack = dr.parts.findIndex((p) => isStackRole(p.role));
  const before: Unit[] = [];
  dr.parts.forEach((p, pi) => {
    const into = dr.lateStack !== null && pi < firstStack ? before : units;
    if (p.role === "K") kicker.push(p);
    else if (p.role === "T") title.push(p);
    else if (p.role === "S") subtitle.push(p);
    else if (p.role === "P") into.push(...paragraphUnits(ctx, p, lines));
    else if (p.role === "Y") {
      // A byline run into a paragraph (本报讯(记者 …)正文…, …正文。 文/…) is split there.
      const split = paragraphUnits(ctx, p, lines);
      if (split.some((u) => u.kind === "byline") && split.some((u) => u.kind === "para")) into.push(...split);
      else into.push(makeUnit(ctx, "byline", p.spans));
    }
    else if (p.role === "H") into.push(makeUnit(ctx, "heading", p.spans));
    else if (p.role === "J") into.push(makeUnit(ctx, "jump", p.spans));
    else if (p.role === "X") {
      const t = textOf(ctx, p.spans);
      const dup = doubled(t);
      if (dup && !/[，。]/.test(t.slice(0, dup.half - 1))) into.push(...splitDoubled(ctx, p.spans, dup, leadingSpace(render(ctx.text, p.spans, ctx.md).text)));
      else into.push(makeUnit(ctx, "caption", p.spans));
    }
    for (const v of dr.vlabels) if (v.after === pi) vlabelAfter.push({ unit: into[into.length - 1] ?? null, text: v.text });
  });
  units = trailingDatelines(ctx, units);
  units = bylineOpeningBody(ctx, units);
  // A line labelled a byline that neither the grammar reads nor anything byline-like marks
  // stays a byline block, but does not become the article's byline (导读, （上接第1版）).
  const unread = new Set<Unit>();
  for (const u of [...before, ...units]) {
    if (u.kind !== "byline" || u.byline) continue;
    const read = readBylineUnit(ctx, u);
    if (!read && !hasBylineCue(u.text)) unread.add(u);
    u.byline = read ?? emptyByline(u.text, /^本报/.test(u.text) ? "本报" : null);
  }
  for (const u of [...before, ...units]) if (u.kind === "jump" && !u.jump) u.jump = parseJumpLine(u.text);
  const breaks = new Set<Unit>();
  units = placeTextBeforeStack(ctx, lines, d, dr, before, units, breaks);
  const doubts = dr.doubts;
  splitJoinedStack(ctx, kicker, title, subtitle, doubts);
  units = jumpOffTitle(ctx, title, units);
  const rolesByWords = splitWrappedTitle(ctx, lines, d, kicker, title, doubts) ?? joinWrappedTitle(ctx, lines, d, kicker, title, doubts) ?? decideStackRoles(ctx, lines, d, kicker, title, subtitle, doubts);
  // The box beside a vertical label (核心提示) is the lead.
  for (const v of vlabelAfter) {
    const box = boxNextTo(units, v.unit ? units.indexOf(v.unit) : -1);
    for (const p of box) p.lead = true;
    if (box.length) {
      doubts.push({
        kind: "lead_box",
        reason: `${box.length} paragraph(s) next to the vertical label "${v.text}" were taken as the lead`,
        detail: { code: "lead_box", params: { count: box.length, label: v.text } },
        confidence: 0.85,
        spans: box.flatMap((p) => p.spans),
      });
    }
  }
  const lead = units.filter((u) => u.kind === "para" && u.lead);
  units = placeSubheads(units.filter((u) => !(u.kind === "para" && u.lead)), doubts, breaks);

  const head: Block[] = [];
  const content: Block[] = lead.map((u) => ({ role: "lead", text: u.text, spans: u.spans }));
  const stackBlock = (role: BlockRole, parts: Part[]) => {
    for (const p of parts) head.push({ role, text: textOf(ctx, p.spans), spans: p.spans });
  };
  // A column rubric among the stack lines (在行动 优化营商环境 壮大民营经济): a stamp phrase at one end.
  let rubric: { text: string; spans: Span[] } | null = null;
  const stackParts = [...kicker, ...subtitle];
  const rub = title.length && stackParts.length ? stackParts.find((p) => rubricOrder(textOf(ctx, p.spans))) : undefined;
  if (rub) {
    const order = rubricOrder(textOf(ctx, rub.spans)) as NonNullable<ReturnType<typeof rubricOrder>>;
    if (kicker.includes(rub)) kicker.splice(kicker.indexOf(rub), 1);
    else subtitle.splice(subtitle.indexOf(rub), 1);
    if (order.stampFirst) {
      const r = render(ctx.text, rub.spans, ctx.md);
      const [stamp = [], main = []] = splitAt(ctx, rub.spans, r, [r.text.indexOf(order.stamp) + order.stamp.length]);
      rubric = { text: `${order.main} ${order.stamp}`, spans: [...main, ...stamp] };
      doubts.push({
        kind: "rubric_reordered",
        reason: `Column rubric read as "${order.main} ${order.stamp}" (the stamp "${order.stamp}" was extracted first)`,
        detail: { code: "rubric_reordered", params: { main: order.main, stamp: order.stamp } },
        confidence: 0.8,
        spans: rub.spans,
      });
    } else rubric = { text: textOf(ctx, rub.spans), spans: rub.spans };
  }
  stackBlock("kicker", kicker);
  stackBlock("title", title);
  stackBlock("subtitle", subtitle);

  // The article's byline is its first run of byline blocks: one printed after text has come
  // between (a second story's byline the reading ran in, a dateline closing a paragraph
  // that went on in another column) stays a byline block but does not join the first, and
  // a byline the extractor printed twice is read once.
  const bylines: Unit[] = [];
  let bylineRunOver = false;
  let jumpTo: number | null = null;
  let jumpFrom: number | null = null;
  for (const u of units) {
    if (u.kind === "para" || u.kind === "heading" || u.kind === "caption") bylineRunOver ||= bylines.length > 0;
    if (u.kind === "para") content.push({ role: "paragraph", text: closeSpacedOut(u.text), spans: u.spans });
    else if (u.kind === "heading") content.push({ role: "heading", text: u.text, spans: u.spans });
    else if (u.kind === "caption") content.push({ role: "caption", text: u.text, spans: u.spans });
    else if (u.kind === "byline") {
      if (!bylineRunOver && !unread.has(u) && !bylines.some((b) => withoutSpaces(b.text) === withoutSpaces(u.text))) bylines.push(u);
      head.push({ role: "byline", text: u.text, spans: u.spans });
    } else if (u.kind === "jump") {
      head.push({ role: "jump", text: u.text, spans: u.spans });
      if (u.jump?.to) jumpTo ??= u.jump.to;
      if (u.jump?.from) jumpFrom ??= u.jump.from;
    } else if (u.kind === "discard") {
      discarded.push({
        kind: u.setAside?.kind ?? "furniture",
        text: u.text,
        reason: u.setAside?.reason ?? "layout residue",
        detail: u.setAside?.detail ?? { code: "layout_residue" },
        spans: u.spans,
      });
    }
  }
  if (rubric) head.push({ role: "rubric", text: rubric.text, spans: rubric.spans });
  const by = mergeBylines(bylines.map((u) => u.byline).filter((b): b is ParsedByline => b !== null));
  if (by && by.merged.length) {
    doubts.push({
      kind: "merged_names",
      reason: `Names that lost their separating space were split: ${by.merged.map((m) => `${m} → ${m.slice(0, 2)} ${m.slice(2)}`).join(", ")}`,
      detail: { code: "merged_names", params: { names: by.merged.map((m) => `${m} → ${m.slice(0, 2)} ${m.slice(2)}`).join("，") } },
      confidence: 0.7,
      spans: bylines.flatMap((u) => u.spans),
    });
  }

  for (const u of [...lead, ...units]) {
    if (u.joins.length) {
      doubts.push({
        kind: "column_join",
        reason: `Joined ${u.joins.length} column break(s) inside "${quote(u.text)}"`,
        detail: { code: "column_join", params: { count: u.joins.length, text: quote(u.text) } },
        confidence: 0.9,
        spans: u.joins,
      });
    }
  }
  // The labeller's decisions that shaped this article, as doubts when it was unsure.
  const opener = lines[dr.opener] as ReadLine;
  const startConf = d.startConfidence[dr.opener] as number;
  if (startConf < DOUBT_BELOW) {
    doubts.push({
      kind: "article_start",
      reason: `An article was started at "${quote(opener.text)}" (${pct(startConf)} sure)`,
      detail: { code: "article_start", params: { text: quote(opener.text), sure: pct(startConf) } },
      confidence: round2(startConf),
      spans: opener.spans,
    });
  }
  for (const p of dr.parts) {
    if (rolesByWords.includes(p)) continue;
    let worst = 1;
    let at = -1;
    for (const i of p.lines) {
      const c = d.roleConfidence[i] as number;
      if (c < worst) {
        worst = c;
        at = i;
      }
    }
    if (at >= 0 && worst < DOUBT_BELOW) {
      const l = lines[at] as ReadLine;
      const stack = isStackRole(p.role);
      doubts.push({
        kind: stack ? "headline_role" : "line_role",
        reason: `"${quote(l.text)}" read as ${ROLE_WORD[p.role]} (${pct(worst)} sure)`,
        detail: { code: stack ? "headline_role" : "line_role", params: { text: quote(l.text), sure: pct(worst) } },
        confidence: round2(worst),
        spans: l.spans,
      });
    }
  }

  const titleText = title.length ? title.map((p) => textOf(ctx, p.spans)).join(" ") : null;
  const hasBody = content.some((b) => b.role === "paragraph" || b.role === "lead");
  const base = (titleText ? 1 : 0.5) * (hasBody ? 1 : 0.5);
  const confidence = round2(Math.min(base, ...doubts.map((x) => x.confidence)));
  const join = (parts: Part[]) => (parts.length ? parts.map((p) => textOf(ctx, p.spans)).join(" ") : null);
  const article: Article = {
    blocks: [...head, ...content],
    kicker: join(kicker),
    title: titleText,
    subtitle: join(subtitle),
    rubric: rubric?.text ?? null,
    byline: by?.text ?? null,
    source: by?.source ?? null,
    reporters: by?.reporters ?? [],
    correspondents: by?.correspondents ?? [],
    photographers: by?.photographers ?? [],
    jumpTo,
    jumpFrom,
    confidence,
    doubts,
  };
  return { article, units };
}

/** Body text that ends mid-sentence and does not jump to another page. */
function isDangling(a: Article): boolean {
  const body = a.blocks.filter((b) => b.role === "paragraph");
  const last = body[body.length - 1];
  return !!last && !endsSentence(last.text) && a.jumpTo === null;
}

/**
 * Text that opens the page without a headline and continues nothing from another page
 * (no 上接): the rest of an article here that stops mid-sentence, else part of the page's
 * only article, else an orphan for the editor to place.
 */
function placeHeadless(ctx: Ctx, built: Built[], orphans: SetAside[]): void {
  const first = built[0];
  if (!first || first.article.title !== null || first.article.jumpFrom !== null || built.length < 2) return;
  const a = first.article;
  const paras = a.blocks.filter((b) => b.role === "paragraph");
  if (paras.length === 0) return;
  const rest = built.slice(1).map((b) => b.article);
  const target = rest.find(isDangling);
  const spans = a.blocks.flatMap((b) => b.spans);
  if (target) {
    const tail = target.blocks.filter((b) => b.role === "paragraph").pop() as Block;
    const [head, ...others] = a.blocks;
    if (head && head.role === "paragraph") {
      tail.spans = [...tail.spans, ...head.spans];
      tail.text = closeSpacedOut(textOf(ctx, tail.spans));
      target.blocks.push(...others);
    } else target.blocks.push(...a.blocks);
    target.doubts.push({
      kind: "fragment_attached",
      reason: `Text at the top of the page ("${quote(paras[0]?.text ?? "")}") continues this article, which stopped mid-sentence`,
      detail: { code: "fragment_top", params: { text: quote(paras[0]?.text ?? "") } },
      confidence: 0.6,
      spans,
    });
    target.confidence = Math.min(target.confidence, 0.6);
    built.shift();
    return;
  }
  if (rest.length === 1) {
    const only = rest[0] as Article;
    const firstBody = only.blocks.findIndex((b) => b.role === "paragraph" || b.role === "lead" || b.role === "heading" || b.role === "caption");
    only.blocks.splice(firstBody < 0 ? only.blocks.length : firstBody, 0, ...a.blocks);
    only.doubts.push({
      kind: "leading_text_attached",
      reason: "Text printed above the headline was taken as part of the page's only article",
      detail: { code: "leading_text_attached" },
      confidence: 0.6,
      spans,
    });
    only.confidence = Math.min(only.confidence, 0.6);
    built.shift();
    return;
  }
  for (const b of a.blocks) {
    orphans.push({
      kind: "no_article",
      text: b.text,
      reason: "text before the first headline that continues no article on this page (probably from a previous page)",
      detail: { code: "before_first_headline" },
      spans: b.spans,
    });
  }
  built.shift();
}
