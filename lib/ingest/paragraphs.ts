import { displayWidth, endsSentence, hasSentencePunct } from "./chars";
import { classify, isLabelLike } from "./classify";
import { hasHardBreak, headingLevel, isBlank, type Line } from "./lines";
import type { Span } from "./types";
import { makeUnit, type Ctx, type Unit } from "./units";

const lineSpan = (l: Line): Span => ({ start: l.cs, end: l.ce });

/** One character per line over several lines: a label printed vertically. */
function verticalLabel(ctx: Ctx, block: readonly Line[]): Unit | null {
  if (block.length < 2 || !block.every((l) => l.ce - l.cs === 1)) return null;
  const u = makeUnit(ctx, "vlabel", block.map(lineSpan));
  u.setAside = { kind: "vertical_label", reason: `vertical label ${u.text}`, detail: { code: "vertical_label", params: { text: u.text } } };
  return u;
}

/**
 * Column widths for hard-wrapped plain text. A line is "full" when it is about as
 * wide as the lines around it; only a short line can end a paragraph, so lines
 * that fill the column always continue.
 */
class Widths {
  private readonly w: number[];
  private readonly cap: number;
  readonly median: number;

  constructor(private readonly text: string, private readonly lines: readonly Line[]) {
    this.w = lines.map((l) => displayWidth(text.slice(l.cs, l.ce)));
    const multi: number[] = [];
    lines.forEach((l, i) => {
      const prev = lines[i - 1];
      const next = lines[i + 1];
      if (!isBlank(l) && ((prev && !isBlank(prev)) || (next && !isBlank(next)))) multi.push(this.w[i] as number);
    });
    multi.sort((a, b) => a - b);
    // Unwrapped lines (a caption on one line) must not set the column width; the
    // 80th percentile is a column-filling line even when many paragraph ends are short.
    const p80 = multi.length ? (multi[Math.floor(multi.length * 0.8)] as number) : 40;
    // Typical line of any kind: for unwrapped text (a paragraph per line) it is long,
    // which is what makes a headline look short.
    const all = lines.filter((l) => l.ce - l.cs >= 8).map((l) => displayWidth(text.slice(l.cs, l.ce)));
    all.sort((a, b) => a - b);
    this.median = all.length ? (all[all.length >> 1] as number) : 40;
    this.cap = p80 * 1.5;
  }

  lineAt(i: number): Line {
    return this.lines[i] as Line;
  }

  width(i: number): number {
    return this.w[i] ?? 0;
  }

  /** The column width around line i: the widest ordinary line nearby. */
  local(i: number): number {
    let best = 0;
    for (let j = Math.max(0, i - 4); j <= Math.min(this.lines.length - 1, i + 4); j++) {
      const w = this.w[j] as number;
      if (j !== i && w <= this.cap && w > best) best = w;
    }
    return best || this.median;
  }
}

/** Splits a hard-wrapped plain block into paragraph candidates (by line indexes). */
function plainParagraphs(text: string, widths: Widths, first: number, last: number): [number, number][] {
  const out: [number, number][] = [];
  let start = first;
  for (let i = first; i < last; i++) {
    const l = widths.lineAt(i);
    const lineText = text.slice(l.cs, l.ce);
    const local = widths.local(i);
    const w = widths.width(i);
    const label = i === start && isLabelLike(lineText) && !hasSentencePunct(lineText) && w < local * 0.7;
    if (label || (endsSentence(lineText) && w <= local - 3)) {
      out.push([start, i]);
      start = i + 1;
    }
  }
  out.push([start, last]);
  return out;
}

/**
 * Builds classified units from the lines after the masthead. Also returns the
 * typical body line width, the yardstick for "short" lines in plain text.
 */
export function buildUnits(ctx: Ctx, lines: readonly Line[], from: number): { units: Unit[]; medianWidth: number } {
  const units: Unit[] = [];
  const widths = ctx.md ? null : new Widths(ctx.text, lines);
  let block: Line[] = [];
  let blockStart = from;
  const emit = (ls: readonly Line[]) => {
    const width = ctx.md ? 0 : Math.max(...ls.map((l) => displayWidth(ctx.text.slice(l.cs, l.ce))));
    for (const u of classify(ctx, ls.map(lineSpan), ls.length)) {
      u.width = width;
      u.multiLine = ls.length > 1;
      units.push(u);
    }
  };
  const flush = () => {
    if (block.length === 0) return;
    const v = verticalLabel(ctx, block);
    if (v) units.push(v);
    else if (ctx.md) emit(block);
    else if (widths) {
      for (const [a, b] of plainParagraphs(ctx.text, widths, blockStart, blockStart + block.length - 1)) {
        emit(lines.slice(a, b + 1));
      }
    }
    block = [];
  };
  for (let i = from; i < lines.length; i++) {
    const l = lines[i] as Line;
    if (isBlank(l)) {
      flush();
      continue;
    }
    const level = ctx.md ? headingLevel(ctx.text, l) : 0;
    if (level > 0) {
      flush();
      units.push(makeUnit(ctx, "heading", [lineSpan(l)], { level }));
      continue;
    }
    if (block.length === 0) blockStart = i;
    block.push(l);
    if (ctx.md && hasHardBreak(ctx.text, l)) flush();
  }
  flush();
  return { units, medianWidth: widths?.median ?? 0 };
}
