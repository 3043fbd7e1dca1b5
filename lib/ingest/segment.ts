import { truncateText } from "../text-length";
import { mergeBylines, parseNameByline } from "./byline";
import { endsSentence } from "./chars";
import { isNameOnly, rubricOrder } from "./classify";
import { isParallelGroup, overlap, resolveStack, type Stack } from "./headlines";
import { joinInto } from "./repair";
import { render } from "./text";
import type { Article, Block, BlockRole, Doubt, ReasonCode, ReasonDetail, SetAside, Span } from "./types";
import { isTransparent, splitAt, type Ctx, type Unit } from "./units";

type Rubric = { text: string; spans: Span[]; doubt: Doubt | null };

/** An article while it is being assembled. */
type Assembly = {
  stack: Stack | null;
  rubric: Rubric | null;
  items: Unit[];
  /** Subheads found collected together (placed before their sections later). */
  subheads: Set<Unit>;
  /** Number of items prepended from text printed before the headline. */
  leadCount: number;
  doubts: Doubt[];
};

export type SegmentResult = { articles: Article[]; orphans: SetAside[]; discarded: SetAside[] };

/** "…等参加活动。" — the attendance line that closes a Chinese news report. */
const CLOSING_LINE = /(参加|出席|参与|陪同)[^，。；]{0,10}。$|[(（]完[)）]$/;

const newAssembly = (stack: Stack | null): Assembly => ({
  stack, rubric: null, items: [], subheads: new Set(), leadCount: 0, doubts: [],
});

const paras = (items: readonly Unit[]) => items.filter((u) => u.kind === "para");
const solid = (items: readonly Unit[]) => items.filter((u) => !isTransparent(u));
const quote = (s: string, n = 14) => truncateText(s, n + 1);

function setAside(u: Unit, kind: SetAside["kind"], reason: string, detail: ReasonDetail): SetAside {
  return { kind, text: u.text, reason, detail, spans: u.spans };
}

/** A unit the classifier set aside goes with its own reason; anything else is layout residue. */
function residue(u: Unit): SetAside {
  return setAside(u, u.setAside?.kind ?? "furniture", u.setAside?.reason ?? "layout residue", u.setAside?.detail ?? { code: "layout_residue" });
}

/** Builds a rubric with the short stamp moved to the end ("在行动" printed first). */
function makeRubric(ctx: Ctx, u: Unit): Rubric {
  const order = rubricOrder(u.text);
  if (!order || !order.stampFirst) return { text: u.text, spans: u.spans, doubt: null };
  const raw = render(ctx.text, u.spans, ctx.md);
  const [stamp = [], main = []] = splitAt(ctx, u.spans, raw, [raw.text.indexOf(order.stamp) + order.stamp.length]);
  const spans = [...main, ...stamp];
  return {
    text: `${order.main} ${order.stamp}`,
    spans,
    doubt: {
      kind: "rubric_reordered",
      reason: `Column rubric read as "${order.main} ${order.stamp}" (the stamp "${order.stamp}" was extracted first)`,
      detail: { code: "rubric_reordered", params: { main: order.main, stamp: order.stamp } },
      confidence: 0.8,
      spans: u.spans,
    },
  };
}

/** Index in `items` where text after an attendance line starts, or -1. */
function afterClosingLine(items: readonly Unit[]): number {
  const ps = paras(items);
  for (let k = ps.length - 2; k >= 0; k--) {
    const p = ps[k] as Unit;
    if (p.text.length < 200 && CLOSING_LINE.test(p.text)) return items.indexOf(p) + 1;
  }
  return -1;
}

function isDangling(d: Assembly): boolean {
  const s = solid(d.items);
  const last = s[s.length - 1];
  return !!last && last.kind === "para" && !endsSentence(last.text) && !s.some((u) => u.jump?.to);
}

/** Moves `moved` to the end of `to`, joining the first paragraph to its unfinished last one. */
function appendContinuation(ctx: Ctx, to: Assembly, moved: Unit[]): Unit[] {
  const s = solid(to.items);
  const last = s[s.length - 1];
  const first = moved.find((u) => !isTransparent(u));
  if (last && first && last.kind === "para" && first.kind === "para") {
    joinInto(ctx, last, first);
    moved = moved.filter((u) => u !== first);
  }
  to.items.push(...moved);
  return moved;
}

/** Groups units into articles being assembled: each headline stack opens one. */
function group(ctx: Ctx, units: readonly Unit[], discarded: SetAside[]): { leading: Unit[]; assemblies: Assembly[] } {
  const leading: Unit[] = [];
  const assemblies: Assembly[] = [];
  let cur: Assembly | null = null;
  for (let i = 0; i < units.length; i++) {
    const u = units[i] as Unit;
    if (u.kind !== "heading") {
      (cur ? cur.items : leading).push(u);
      continue;
    }
    const group: Unit[] = [u];
    while (units[i + 1]?.kind === "heading") group.push(units[++i] as Unit);
    const rubrics = group.filter((h) => rubricOrder(h.text) && group.length > 1);
    const g = group.filter((h) => !rubrics.includes(h));
    // Inside an article, rubric-like lines of the group go with its subheads: a rubric belongs above
    // a headline stack, and nothing else would place them (found by lib/ingest/fuzz.test.ts).
    if (cur && isParallelGroup(g)) {
      for (const h of group) cur.subheads.add(h);
      cur.items.push(...group);
      continue;
    }
    const next = units[i + 1];
    const lone = g[0];
    if (
      cur && lone && g.length === 1 && next?.kind === "para" &&
      paras(cur.items).length > 0 && cur.items.some((x) => x.kind === "byline") && lone.text.length <= 24
    ) {
      // A lone heading inside an article that already has its byline: an in-article subhead.
      cur.items.push(...group);
      cur.doubts.push({
        kind: "subhead_or_title",
        reason: `"${quote(lone.text)}" read as a subhead of this article, not a new headline`,
        detail: { code: "subhead_or_title", params: { text: quote(lone.text) } },
        confidence: 0.6,
        spans: lone.spans,
      });
      continue;
    }
    const extras = g.slice(0, Math.max(0, g.length - 3));
    const stack = resolveStack(g.slice(Math.max(0, g.length - 3)));
    for (const x of [...extras, ...stack.extras]) {
      discarded.push(setAside(x, "furniture", "heading line above a headline stack (page furniture)", { code: "heading_above_stack" }));
    }
    cur = newAssembly(stack);
    cur.doubts.push(...stack.doubts);
    const [rub, ...moreRubrics] = rubrics;
    if (rub) {
      cur.rubric = makeRubric(ctx, rub);
      if (cur.rubric.doubt) cur.doubts.push(cur.rubric.doubt);
    }
    for (const x of moreRubrics) discarded.push(setAside(x, "furniture", "second column rubric", { code: "second_rubric" }));
    assemblies.push(cur);
  }
  return { leading, assemblies };
}

/**
 * A headline followed only by a byline/jump (a commentary printed with its headline
 * under the body) takes the paragraphs after the previous report's closing line.
 */
function claimTrailingHeadlines(assemblies: Assembly[], leading: Unit[]): void {
  assemblies.forEach((d, i) => {
    if (paras(d.items).length > 0) return;
    const signal = d.items.some((u) => u.kind === "byline" || u.kind === "jump" || (u.kind === "label" && isNameOnly(u.text)));
    if (!signal) return;
    const prevItems = i > 0 ? (assemblies[i - 1] as Assembly).items : leading;
    let k = afterClosingLine(prevItems);
    let confidence = 0.7;
    let why = "the previous report ends with its attendance line";
    let code: ReasonCode = "trailing_after_closing";
    if (k < 0) {
      const ps = paras(prevItems);
      if (ps.length < 2) return;
      k = prevItems.indexOf(ps[ps.length - 1] as Unit);
      confidence = 0.3;
      why = "no clear end of the previous report, so only its last paragraph was taken";
      code = "trailing_last_paragraph";
    }
    const moved = prevItems.splice(k);
    d.items.unshift(...moved);
    d.doubts.push({
      kind: "trailing_headline",
      reason: `Headline and byline come after the body: ${paras(moved).length} paragraph(s) before the headline were assigned to it (${why})`,
      detail: { code, params: { count: paras(moved).length } },
      confidence,
      spans: moved.flatMap((u) => u.spans),
    });
  });
}

/**
 * Text after a report's closing line that plainly continues a neighbouring
 * article (which stops mid-sentence) is moved to that article.
 */
function attachFragments(ctx: Ctx, assemblies: Assembly[]): void {
  assemblies.forEach((d, i) => {
    const k = afterClosingLine(d.items);
    if (k < 0 || paras(d.items.slice(k)).length === 0) return;
    const order = [1, -1, 2, -2, 3, -3].map((o) => i + o);
    const target = order.map((j) => assemblies[j]).find((x): x is Assembly => !!x && isDangling(x));
    if (!target) return;
    const moved = d.items.splice(k);
    const first = moved.find((u) => u.kind === "para");
    appendContinuation(ctx, target, moved);
    target.doubts.push({
      kind: "fragment_attached",
      reason: `Text printed elsewhere on the page ("${quote(first?.text ?? "")}") continues this article, which stopped mid-sentence`,
      detail: { code: "fragment_elsewhere", params: { text: quote(first?.text ?? "") } },
      confidence: 0.6,
      spans: moved.flatMap((u) => u.spans),
    });
  });
}

/** Text before the first headline: continuation, jumped-in article, the page's only article, or orphan. */
function placeLeading(ctx: Ctx, leading: Unit[], assemblies: Assembly[], orphans: SetAside[], discarded: SetAside[]): void {
  const s = solid(leading);
  if (s.length === 0) {
    for (const u of leading) discarded.push(residue(u));
    return;
  }
  const first = s[0] as Unit;
  const dangling = paras(leading).length > 0 ? assemblies.find(isDangling) : undefined;
  if (dangling && first.kind === "para") {
    appendContinuation(ctx, dangling, leading);
    dangling.doubts.push({
      kind: "fragment_attached",
      reason: `Text at the top of the page ("${quote(first.text)}") continues this article, which stopped mid-sentence`,
      detail: { code: "fragment_top", params: { text: quote(first.text) } },
      confidence: 0.6,
      spans: leading.flatMap((u) => u.spans),
    });
    return;
  }
  if (first.jump?.from || assemblies.length === 0) {
    const d = newAssembly(null);
    d.items = leading;
    assemblies.unshift(d);
    return;
  }
  if (assemblies.length === 1 && paras(leading).length > 0) {
    const d = assemblies[0] as Assembly;
    d.items.unshift(...leading);
    d.leadCount = leading.length;
    d.doubts.push({
      kind: "leading_text_attached",
      reason: "Text printed above the headline was taken as part of the page's only article",
      detail: { code: "leading_text_attached" },
      confidence: 0.6,
      spans: leading.flatMap((u) => u.spans),
    });
    return;
  }
  for (const u of leading) {
    if (isTransparent(u)) discarded.push(residue(u));
    else {
      orphans.push(
        setAside(u, "no_article", "text before the first headline that continues no article on this page (probably from a previous page)", {
          code: "before_first_headline",
        }),
      );
    }
  }
}

/**
 * The paragraphs next to a vertical label, preferring those above it. In plain text a
 * box has its own column width, so a paragraph set wider than the box ends it.
 */
function boxNextTo(items: readonly Unit[], v: number): Unit[] {
  const collect = (step: 1 | -1): Unit[] => {
    const box: Unit[] = [];
    let ref = 0;
    for (let j = v + step; j >= 0 && j < items.length && items[j]?.kind === "para"; j += step) {
      const p = items[j] as Unit;
      if (ref > 0 && (p.width > ref * 1.15 || (p.multiLine && p.width < ref * 0.85))) break;
      if (p.multiLine && ref === 0) ref = p.width;
      box.push(p);
    }
    return step === -1 ? box.reverse() : box;
  };
  const above = collect(-1);
  return above.length ? above : collect(1);
}

/** Marks the paragraphs boxed next to a vertical label (核心提示) as the lead. */
function markLeadBoxes(d: Assembly, discarded: SetAside[]): void {
  d.items.forEach((u, v) => {
    if (u.kind !== "vlabel") return;
    discarded.push(setAside(u, "vertical_label", `vertical label ${u.text} (marks the lead box)`, { code: "lead_box_label", params: { text: u.text } }));
    const box = boxNextTo(d.items, v);
    for (const p of box) p.lead = true;
    if (box.length) {
      d.doubts.push({
        kind: "lead_box",
        reason: `${box.length} paragraph(s) next to the vertical label "${u.text}" were taken as the lead`,
        detail: { code: "lead_box", params: { count: box.length, label: u.text } },
        confidence: 0.85,
        spans: box.flatMap((p) => p.spans),
      });
    }
  });
}

/** Puts each collected subhead before the run of paragraphs it names (best effort). */
function placeSubheads(d: Assembly, items: Unit[]): Unit[] {
  if (d.subheads.size === 0) return items;
  const runs: Unit[][] = [];
  let run: Unit[] = [];
  items.forEach((u, i) => {
    if (i === d.leadCount && run.length) {
      runs.push(run);
      run = [];
    }
    if (u.kind === "para" && !u.lead && !u.closing) run.push(u);
    else if (!isTransparent(u)) {
      if (run.length) runs.push(run);
      run = [];
    }
  });
  if (run.length) runs.push(run);
  const heads = [...d.subheads];
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
      d.doubts.push({
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
    d.doubts.push({
      kind: "heading_placed",
      reason: `Subhead "${h.text}" was printed away from its section; placed before "${quote((r[0] as Unit).text)}"`,
      detail: { code: "heading_placed", params: { heading: h.text, before: quote((r[0] as Unit).text) } },
      confidence: 0.6,
      spans: [...h.spans, ...((r[0] as Unit).spans.slice(0, 1))],
    });
  });
  if (placed.size === 0) return items;
  const firstPlaced = items.findIndex((u) => placed.has(u));
  const rest = items.filter((u) => !placed.has(u));
  const at = items.slice(0, firstPlaced).length;
  return [...rest.slice(0, at), ...ordered, ...rest.slice(at)];
}

function blockOf(role: BlockRole, u: { text: string; spans: Span[] }): Block {
  return { role, text: u.text, spans: u.spans };
}

/** Turns an assembled article into the public Article, deciding what each remaining label is. */
function finish(ctx: Ctx, d: Assembly, discarded: SetAside[]): Article {
  markLeadBoxes(d, discarded);
  const lead = d.items.filter((u) => u.kind === "para" && u.lead);
  const body = placeSubheads(d, d.items.filter((u) => !(u.kind === "para" && u.lead)));
  const head: Block[] = [];
  const content: Block[] = lead.map((u) => blockOf("lead", u));
  const bylines: Unit[] = [];
  let rubric = d.rubric;
  let jumpTo: number | null = null;
  let jumpFrom: number | null = null;
  let seenText = false;
  const st = d.stack;
  if (st?.kicker) head.push(blockOf("kicker", st.kicker));
  if (st) head.push(blockOf("title", st.title));
  for (const s of st?.subtitles ?? []) head.push(blockOf("subtitle", s));
  const nextSolidKind = (i: number) => {
    for (let j = i + 1; j < body.length; j++) if (!isTransparent(body[j] as Unit)) return (body[j] as Unit).kind;
    return undefined;
  };
  body.forEach((u, i) => {
    switch (u.kind) {
      case "para":
        content.push(blockOf("paragraph", u));
        seenText = true;
        return;
      case "heading":
        content.push(blockOf("heading", u));
        return;
      case "caption":
        content.push(blockOf("caption", u));
        return;
      case "byline":
        bylines.push(u);
        head.push(blockOf("byline", u));
        return;
      case "jump":
        head.push(blockOf("jump", u));
        if (u.jump?.to) jumpTo ??= u.jump.to;
        if (u.jump?.from) jumpFrom ??= u.jump.from;
        return;
      case "vlabel":
        return;
      case "discard":
        discarded.push(residue(u));
        return;
      case "label": {
        const t = u.text;
        const nextKind = nextSolidKind(i);
        if (/^[「【]/.test(t)) content.push(blockOf("caption", u));
        else if (isNameOnly(t) && bylines.length === 0 && (!seenText || !nextKind || nextKind === "jump" || nextKind === "heading")) {
          u.byline = parseNameByline(t);
          bylines.push(u);
          head.push(blockOf("byline", u));
        } else if (!seenText && !rubric && rubricOrder(t)) {
          rubric = makeRubric(ctx, u);
          if (rubric.doubt) d.doubts.push(rubric.doubt);
        } else if (u.bold) content.push(blockOf("heading", u));
        else if (!seenText) {
          content.push(blockOf("caption", u));
          d.doubts.push({
            kind: "short_line",
            reason: `Short line "${quote(t)}" under the headline read as a photo caption`,
            detail: { code: "short_line_caption", params: { text: quote(t) } },
            confidence: 0.6,
            spans: u.spans,
          });
        } else {
          content.push(blockOf("paragraph", u));
          d.doubts.push({
            kind: "short_line",
            reason: `Short line "${quote(t)}" kept as a paragraph`,
            detail: { code: "short_line_paragraph", params: { text: quote(t) } },
            confidence: 0.7,
            spans: u.spans,
          });
        }
        return;
      }
    }
  });
  if (rubric) head.push({ role: "rubric", text: rubric.text, spans: rubric.spans });
  const by = mergeBylines(bylines.map((u) => u.byline).filter((b): b is NonNullable<typeof b> => b !== null));
  if (by && by.merged.length) {
    d.doubts.push({
      kind: "merged_names",
      reason: `Names that lost their separating space were split: ${by.merged.map((m) => `${m} → ${m.slice(0, 2)} ${m.slice(2)}`).join(", ")}`,
      detail: { code: "merged_names", params: { names: by.merged.map((m) => `${m} → ${m.slice(0, 2)} ${m.slice(2)}`).join("，") } },
      confidence: 0.7,
      spans: bylines.flatMap((u) => u.spans),
    });
  }
  for (const u of [...lead, ...body]) {
    if (u.joins.length) {
      d.doubts.push({
        kind: "column_join",
        reason: `Joined ${u.joins.length} column break(s) inside "${quote(u.text)}"`,
        detail: { code: "column_join", params: { count: u.joins.length, text: quote(u.text) } },
        confidence: 0.9,
        spans: u.joins,
      });
    }
  }
  const title = st?.title.text ?? null;
  const hasBody = content.some((b) => b.role === "paragraph" || b.role === "lead");
  const base = (title ? 1 : 0.5) * (hasBody ? 1 : 0.5);
  const confidence = Math.round(Math.min(base, ...d.doubts.map((x) => x.confidence)) * 100) / 100;
  return {
    blocks: [...head, ...content],
    kicker: st?.kicker?.text ?? null,
    title,
    subtitle: st && st.subtitles.length ? render(ctx.text, st.subtitles.flatMap((s) => s.spans), ctx.md).text.trim() : null,
    rubric: rubric?.text ?? null,
    byline: by?.text ?? null,
    source: by?.source ?? null,
    reporters: by?.reporters ?? [],
    correspondents: by?.correspondents ?? [],
    photographers: by?.photographers ?? [],
    jumpTo,
    jumpFrom,
    confidence,
    doubts: d.doubts,
  };
}

/** Splits the classified unit stream into articles, orphans and discards. */
export function segment(ctx: Ctx, units: readonly Unit[]): SegmentResult {
  const orphans: SetAside[] = [];
  const discarded: SetAside[] = [];
  const { leading, assemblies: all } = group(ctx, units, discarded);
  claimTrailingHeadlines(all, leading);
  // A headline with nothing under it is page furniture (slogan, section banner).
  const assemblies = all.filter((d) => {
    if (solid(d.items).length > 0 || !d.stack) return true;
    const st = d.stack;
    for (const u of [st.kicker, st.title, ...st.subtitles]) {
      if (u) discarded.push(setAside(u, "furniture", "headline with no article under it (page furniture or slogan)", { code: "headline_without_article" }));
    }
    if (d.rubric) {
      discarded.push({ kind: "furniture", text: d.rubric.text, reason: "column rubric with no article", detail: { code: "rubric_without_article" }, spans: d.rubric.spans });
    }
    for (const u of d.items) discarded.push(residue(u));
    return false;
  });
  attachFragments(ctx, assemblies);
  placeLeading(ctx, leading, assemblies, orphans, discarded);
  const articles = assemblies.map((d) => finish(ctx, d, discarded));
  return { articles, orphans, discarded };
}
