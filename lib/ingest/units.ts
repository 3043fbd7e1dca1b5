import type { ParsedByline } from "./byline";
import type { Jump } from "./jump";
import { cutSpans, rawAt, render, type Rendered } from "./text";
import type { ReasonDetail, SetAsideKind, Span } from "./types";

/**
 * A unit is the smallest piece the segmenter moves around: a heading line, a
 * paragraph, a label, a byline… Its spans are disjoint from every other unit's.
 */
export type UnitKind =
  | "heading" // markdown heading line
  | "para"
  | "label" // short line without sentence punctuation (headline, caption, name, rubric…)
  | "byline"
  | "jump"
  | "caption"
  | "vlabel" // one character per line (核\n心\n提\n示)
  | "discard"; // set aside at classification time (stray letters, duplicate copy, image)

export type Unit = {
  kind: UnitKind;
  spans: Span[];
  text: string;
  /** Markdown heading level, 0 otherwise. */
  level: number;
  /** Whole line was **bold** in markdown (an in-article subhead). */
  bold: boolean;
  byline: ParsedByline | null;
  jump: Jump | null;
  /** A trailing byline was split off: the paragraph ends an article. */
  closing: boolean;
  /** Marked as lead (核心提示 / 导语). */
  lead: boolean;
  /** Plain text: widest line (half-ems) and whether it spans several lines; tells boxes from body columns. */
  width: number;
  multiLine: boolean;
  /** Boundaries where column-broken pieces were joined (for doubts). */
  joins: Span[];
  /** For kind "discard". */
  setAside: { kind: SetAsideKind; reason: string; detail: ReasonDetail } | null;
};

export type Ctx = { text: string; md: boolean };

export function makeUnit(ctx: Ctx, kind: UnitKind, spans: Span[], extra: Partial<Unit> = {}): Unit {
  return {
    kind,
    spans,
    text: render(ctx.text, spans, ctx.md).text.trim(),
    level: 0,
    bold: false,
    byline: null,
    jump: null,
    closing: false,
    lead: false,
    width: 0,
    multiLine: false,
    joins: [],
    setAside: null,
    ...extra,
  };
}

/**
 * Cuts a unit's spans at clean-text offsets (ascending). Uses raw offsets so markup
 * between the cut points stays with one of the parts and nothing is lost.
 */
export function splitAt(ctx: Ctx, spans: readonly Span[], r: Rendered, cleanCuts: readonly number[]): Span[][] {
  const end = spans.length ? (spans[spans.length - 1] as Span).end : 0;
  const raws = cleanCuts.map((c) => rawAt(r, c, end));
  return cutSpans(ctx.text, spans, raws);
}

/** Offset of `trimmed` text positions in the untrimmed render (units store trimmed text). */
export function leadingSpace(s: string): number {
  return s.length - s.trimStart().length;
}

