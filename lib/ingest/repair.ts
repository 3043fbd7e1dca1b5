import { displayWidth, endsSentence } from "./chars";
import { isNameOnly, rubricOrder } from "./classify";
import { render } from "./text";
import { isTransparent, type Ctx, type Unit } from "./units";

function prevSolid(units: readonly Unit[], i: number): Unit | null {
  for (let j = i - 1; j >= 0; j--) if (!isTransparent(units[j] as Unit)) return units[j] as Unit;
  return null;
}

function nextSolid(units: readonly Unit[], i: number): { unit: Unit; index: number } | null {
  for (let j = i + 1; j < units.length; j++) if (!isTransparent(units[j] as Unit)) return { unit: units[j] as Unit, index: j };
  return null;
}

/** Walking back over labels and captions reaches a headline. */
function followsHeading(units: readonly Unit[], i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const u = units[j] as Unit;
    if (isTransparent(u)) continue;
    if (u.kind === "heading") return true;
    if (u.kind !== "label" && u.kind !== "caption") return false;
  }
  return false;
}

/** Short lines followed by a byline are a headline stack, even after an unfinished paragraph. */
function leadsToByline(units: readonly Unit[], i: number): boolean {
  for (let j = i + 1; j < units.length; j++) {
    const u = units[j] as Unit;
    if (isTransparent(u) || u.kind === "label" || u.kind === "heading") continue;
    return u.kind === "byline";
  }
  return false;
}

/**
 * Decides what short lines are, now that their neighbours are known. A short line
 * after an unfinished sentence is the rest of that sentence (column break); in
 * markdown only lines next to a headline stay labels, since headings are marked.
 * In plain text a headline-shaped label becomes a heading candidate (level 0).
 */
export function resolveLabels(ctx: Ctx, units: Unit[], medianWidth: number): void {
  for (let i = 0; i < units.length; i++) {
    const u = units[i] as Unit;
    if (u.kind !== "label") continue;
    const prev = prevSolid(units, i);
    // After an unfinished sentence or a colon (a list follows) a short line is body text.
    const opensList = /[：:]$/.test(prev?.text ?? "");
    if (prev && prev.kind === "para" && (!endsSentence(prev.text) || opensList) && !leadsToByline(units, i)) {
      u.kind = "para";
      continue;
    }
    const t = u.text;
    const bracketed = /^[「【]/.test(t);
    const next = nextSolid(units, i);
    const nameHere = isNameOnly(t) && (followsHeading(units, i) || !next || next.unit.kind === "jump" || next.unit.kind === "heading");
    if (ctx.md) {
      if (!(u.bold || bracketed || nameHere || rubricOrder(t) || followsHeading(units, i))) u.kind = "para";
      continue;
    }
    if (bracketed || nameHere || isNameOnly(t)) continue;
    const headlineShaped = !/[，、,]/.test(t) && (displayWidth(t) < medianWidth * 0.8 || /\s|：/.test(t));
    u.kind = headlineShaped ? "heading" : "para";
  }
}

/**
 * Appends `b` to paragraph `a` (column break), remembering where they were joined.
 * Callers joining a chain pass rerender=false and render once at the end, which keeps
 * a long run of unfinished paragraphs linear.
 */
export function joinInto(ctx: Ctx, a: Unit, b: Unit, rerender = true): void {
  const last = a.spans[a.spans.length - 1];
  const first = b.spans[0];
  if (last && first) a.joins.push({ start: last.start, end: first.end });
  for (const sp of b.spans) a.spans.push(sp);
  for (const j of b.joins) a.joins.push(j);
  if (rerender) a.text = render(ctx.text, a.spans, ctx.md).text.trim();
  a.closing = b.closing;
  a.width = Math.max(a.width, b.width);
  a.multiLine = true;
  a.lead = a.lead || b.lead;
}

/**
 * Joins paragraphs split by column breaks: a paragraph that ends mid-sentence
 * continues in the next paragraph (stray letters and labels printed in between are
 * skipped over, they stay where they are).
 */
export function joinColumnBreaks(ctx: Ctx, units: Unit[]): Unit[] {
  const out: Unit[] = [];
  const removed = new Set<Unit>();
  for (let i = 0; i < units.length; i++) {
    const u = units[i] as Unit;
    if (removed.has(u)) continue;
    out.push(u);
    if (u.kind !== "para") continue;
    let j = i;
    let tail = u;
    while (!tail.closing && !endsSentence(tail.text)) {
      const next = nextSolid(units, j);
      if (!next || next.unit.kind !== "para" || next.unit.lead !== u.lead) break;
      joinInto(ctx, u, next.unit, false);
      removed.add(next.unit);
      tail = next.unit;
      j = next.index;
    }
    if (tail !== u) u.text = render(ctx.text, u.spans, ctx.md).text.trim();
  }
  return out;
}

