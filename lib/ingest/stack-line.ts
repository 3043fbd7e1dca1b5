import type { Span } from "./types";

/**
 * A headline stack printed on one line. A PDF-to-Markdown converter joins consecutive lines
 * of one size into one heading, so where a paper sets 引题, 主题 and 副题 in one size (an
 * evening tabloid's flat stacks) the whole stack arrives as one heading line:
 * `### 国家外汇管理局——4月我国外汇市场运行总体稳健`. One label per line cannot say that, so
 * such a line is read as pieces, each labelled on its own (a piece the labeller gives the
 * same role as its neighbour joins it again); only where the stack's own punctuation shows a
 * seam:
 * - at a dash `——` between two phrases: the dash is a piece of its own, because it belongs
 *   to the kicker (引题 end with ——) as often as to the subtitle (副题 open with it);
 * - before a quotation that closes the line or a clause of it after a long phrase
 *   (`德国肖特集团在华布局研发中心“在中国为全球市场开发产品”`): a 主题 often is a quotation,
 *   a 引题 is not. A short title with a quoted word (`我区举行“千年荣昌”沙龙活动`) stays whole;
 * - after a leader's words reported (`赵乐际在甘肃调研时强调围绕中心 依法履职`): …时强调,
 *   时指出, 时表示, 时要求, 时提出 end a 引题 (40 of the corpus's 1,189 kickers) and no title or
 *   subtitle of its 4,734 articles holds them.
 * Characters are never moved: the pieces are consecutive spans of the line.
 */
const DASH = "——";
/** A phrase on either side of a seam has at least this many characters (a stack's parts do). */
const MIN_PHRASE = 4;
/** A quotation opens a new part only after a phrase this long, on a line this long. */
const MIN_BEFORE_QUOTE = 8;
const MIN_STACK_LINE = 20;
const REPORTED_SPEECH = /时(?:强调|指出|表示|要求|提出)[：:]?/gu;

function phraseLength(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (!/[\s#*“”"'‘’，。、：；！？（）()—]/u.test(text[i] as string)) n++;
  return n;
}

/** The seams of a heading line's content [start, end), as raw offsets where a new piece starts. */
function seams(text: string, start: number, end: number): number[] {
  const cuts: number[] = [];
  if (phraseLength(text, start, end) < MIN_STACK_LINE) return cuts;
  for (let i = text.indexOf(DASH, start); i >= 0 && i + DASH.length <= end; i = text.indexOf(DASH, i + DASH.length)) {
    if (phraseLength(text, start, i) >= MIN_PHRASE && phraseLength(text, i + DASH.length, end) >= MIN_PHRASE) cuts.push(i, i + DASH.length);
  }
  for (const m of text.slice(start, end).matchAll(REPORTED_SPEECH)) {
    const at = start + (m.index as number) + m[0].length;
    if (!text.startsWith(DASH, at) && phraseLength(text, start, at) >= MIN_PHRASE && phraseLength(text, at, end) >= MIN_PHRASE) cuts.push(at);
  }
  for (let i = text.indexOf("“", start); i >= 0 && i < end; i = text.indexOf("“", i + 1)) {
    const close = text.indexOf("”", i);
    if (close < 0 || close >= end) break;
    const after = text[close + 1];
    const closesClause = close + 1 === end || after === "，" || after === "（" || after === " " || after === "—";
    const last = cuts.length ? (cuts[cuts.length - 1] as number) : start;
    if (closesClause && text[i - 1] !== " " && i > last && phraseLength(text, last, i) >= MIN_BEFORE_QUOTE) cuts.push(i);
  }
  return [...new Set(cuts)].sort((a, b) => a - b);
}

/** The spans a heading line is read as: the line itself, or its pieces at the stack's seams. */
export function stackPieces(text: string, line: Span): Span[] {
  const cuts = seams(text, line.start, line.end);
  if (cuts.length === 0) return [line];
  const out: Span[] = [];
  let from = line.start;
  for (const c of cuts) {
    if (c > from) out.push({ start: from, end: c });
    from = c;
  }
  if (line.end > from) out.push({ start: from, end: line.end });
  return out;
}
