import { parseStandaloneByline, unmarkedByline } from "../byline";
import { hasSentencePunct, withoutSpaces } from "../chars";
import { parseJumpLine } from "../jump";
import { baseStackRoles } from "../model/base";
import { readStackWords, WORDS_DECIDE } from "../model/stack-roles";
import type { BlockRole, ReasonCode, SetAsideKind } from "../types";
import { lineClass, type BodyStyle, type LayoutBlock } from "./blocks";
import { bottom, median, overlap, right, union } from "./geometry";
import type { Group } from "./groups";
import type { PdfLine } from "./lines";
import type { PageImage } from "./types";

/**
 * The geometric labeller: what each line of a group is, from size, face, position and a
 * few printed forms (bylines, jump lines, stamps). A learned labeller can take its place
 * (see PdfLabeller in index.ts): it receives the same groups and returns the same items.
 */
export type ItemRole = BlockRole | "discard";

export type SetAsideWhy = { kind: SetAsideKind; code: ReasonCode; reason: string };

export type LabelledItem = {
  role: ItemRole;
  lines: PdfLine[];
  /** For discards: why, as a stable kind, the desk's message code and an English reason. */
  setAside?: SetAsideWhy;
};

export type LabelledGroup = {
  kind: "article" | "masthead" | "furniture";
  /** Why a group is furniture (shown to editors with the discarded text). */
  reason: SetAsideWhy | null;
  items: LabelledItem[];
  images: PageImage[];
};

export type PageGeometry = { width: number; height: number; body: BodyStyle };

const STAMP = /^《[^》]{1,24}》\s*[（(]\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*第?\s*\d{1,3}\s*版\s*[)）]$/;
const AD_MARK = /^(?:公益|分类)?广告$/;
const KICKER_CUE = /(——|—|：|:|时指出|时强调|时表示|时要求|时提出|时说|时称|指出|强调|表示|要求|签署|记者探访)$/;
const SUBTITLE_CUE = /^[—–－-]{1,2}/;
const TITLE_CUE = /[（(][^（）()]{2,16}[)）]$/;

const allLines = (g: Group) => [...(g.stack?.lines ?? []), ...g.blocks.flatMap((b) => b.lines)];

function isBodyLine(l: PdfLine, body: BodyStyle): boolean {
  return lineClass(l, body) === "text" && !l.bold;
}

/**
 * Parts of a stack: lines of one size that read as one piece. A line continues the line
 * above it when they share a baseline (two phrases), when the line above fills the width
 * (the text wrapped) or when they are set at the tight leading of a wrapped headline.
 */
function stackParts(lines: readonly PdfLine[], width: number): PdfLine[][] {
  const sorted = [...lines].sort((a, b) => a.baseline - b.baseline || a.x - b.x);
  const parts: PdfLine[][] = [];
  for (const l of sorted) {
    const part = parts[parts.length - 1];
    const prev = part?.[part.length - 1];
    const sameSize = prev !== undefined && Math.abs(l.size - prev.size) < 0.3;
    const sameLine = prev !== undefined && Math.abs(l.baseline - prev.baseline) < l.size * 0.3;
    // A line that ends as a kicker does (——, ：) or a line that opens as a subtitle does is a new part, however wide.
    const cue = prev !== undefined && (/(——|—|：|:)$/.test(prev.text) || SUBTITLE_CUE.test(l.text));
    const full = prev !== undefined && !cue && width > 0 && prev.w >= width - prev.size * 1.5;
    const tight = prev !== undefined && l.baseline - prev.baseline <= l.size * 1.36;
    if (part && (sameLine || (sameSize && !cue && (full || tight)))) part.push(l);
    else parts.push([l]);
  }
  return parts;
}

/** A part's text: lines on one baseline are phrases (a space between), wrapped lines join. */
const partText = (p: readonly PdfLine[]) => p.map((l, i) => (i > 0 && Math.abs(l.baseline - (p[i - 1] as PdfLine).baseline) < l.size * 0.3 ? ` ${l.text}` : l.text)).join("");

/**
 * Which part is the 主题: the largest; of two parts in one size (a flat stack), the one the
 * stack model (../model/stack-roles.ts) is sure of from their words; else by the printed cues.
 */
function titlePart(parts: readonly PdfLine[][]): number {
  const sizes = parts.map((p) => Math.max(...p.map((l) => l.size)));
  const top = Math.max(...sizes);
  const largest = parts.map((_, i) => i).filter((i) => (sizes[i] as number) >= top - 0.3);
  if (largest.length === 1) return largest[0] as number;
  if (parts.length === 2 && largest.length === 2) {
    const words = readStackWords(baseStackRoles(), partText(parts[0] as PdfLine[]), partText(parts[1] as PdfLine[]));
    if (words.right >= WORDS_DECIDE) return words.kickerOver ? 1 : 0;
  }
  const score = (i: number) => {
    const t = partText(parts[i] as PdfLine[]);
    let s = 0;
    if (KICKER_CUE.test(t)) s -= 10;
    if (SUBTITLE_CUE.test(t)) s -= 10;
    if (TITLE_CUE.test(t)) s += 5;
    if ((parts[i] as PdfLine[]).length > 1) s += 3;
    return s;
  };
  let best = largest[0] as number;
  for (const i of largest) if (score(i) > score(best)) best = i;
  // No cue either way: a kicker over the title is the commoner stack.
  if (largest.every((i) => score(i) === score(best)) && largest.length === 2) {
    const [a, b] = largest as [number, number];
    const ta = partText(parts[a] as PdfLine[]);
    const tb = partText(parts[b] as PdfLine[]);
    return /[，,]/.test(ta) && !/[，,]/.test(tb) ? b : tb.length >= ta.length * 0.7 ? b : a;
  }
  return best;
}

function stackItems(stack: LayoutBlock, width: number): LabelledItem[] {
  const parts = stackParts(stack.lines, width);
  const t = titlePart(parts);
  const items: LabelledItem[] = [];
  const before = parts.slice(0, t).flat();
  const after = parts.slice(t + 1).flat();
  if (before.length) items.push({ role: "kicker", lines: before });
  items.push({ role: "title", lines: parts[t] as PdfLine[] });
  if (after.length) items.push({ role: "subtitle", lines: after });
  return items;
}

function isByline(l: PdfLine): boolean {
  const t = l.text.trim();
  if (t.length > 50 || /[。！？]$/.test(t)) return false;
  return parseStandaloneByline(t) !== null;
}

/** Captions: small lines right under (or beside the foot of) a photo. */
function captionBlocks(blocks: readonly LayoutBlock[], body: BodyStyle): Set<LayoutBlock> {
  const out = new Set<LayoutBlock>();
  const images = blocks.filter((b) => b.kind === "image");
  for (const b of blocks) {
    if (b.kind !== "small" && b.kind !== "text") continue;
    const under = images.some((im) => b.y >= bottom(im) - 1 && b.y - bottom(im) < body.size * 2.5 && overlap(b.x, right(b), im.x, right(im)) > 0.5 * Math.min(b.w, im.w));
    if (under && (b.kind === "small" || b.lines.every((l) => l.font !== body.font))) out.add(b);
  }
  return out;
}

type BodyLine = { line: PdfLine; block: LayoutBlock };

/**
 * Body lines → paragraphs: a paragraph starts at an indented line or after a line that
 * stops short of its column; a column's first line continues the paragraph before.
 */
function paragraphs(lines: readonly BodyLine[], colWidth: number, em: number): PdfLine[][] {
  const out: PdfLine[][] = [];
  let cur: PdfLine[] = [];
  let prev: BodyLine | null = null;
  for (const bl of lines) {
    const left = bl.block.x;
    const indented = bl.line.x - left > em * 1.2;
    const prevShort = prev !== null && right(prev.line) < prev.block.x + colWidth - em * 1.5;
    if (cur.length && (indented || prevShort)) {
      out.push(cur);
      cur = [];
    }
    cur.push(bl.line);
    prev = bl;
  }
  if (cur.length) out.push(cur);
  return out;
}

function bodyItems(g: Group, geo: PageGeometry): { items: LabelledItem[]; images: PageImage[] } {
  const body = geo.body;
  const em = body.size;
  const captions = captionBlocks(g.blocks, body);
  const textBlocks = g.blocks.filter((b) => b.kind !== "image" && !captions.has(b));
  const wide = textBlocks.filter((b) => b.lines.length >= 3 && b.kind === "text").map((b) => b.w);
  const colWidth = wide.length ? median(wide) : Math.max(0, ...textBlocks.map((b) => b.w));
  const items: LabelledItem[] = [];
  const images = g.blocks.filter((b) => b.kind === "image").map((b) => b.image as PageImage);

  // Every line in reading order, with its block.
  const seq: BodyLine[] = textBlocks.flatMap((b) => b.lines.map((line) => ({ line, block: b })));
  const roles: (ItemRole | null)[] = seq.map(() => null);
  const reasons: (LabelledItem["setAside"] | undefined)[] = seq.map(() => undefined);
  const firstBody = seq.findIndex((s) => isBodyLine(s.line, body) && s.line.chars > 0);

  seq.forEach((s, i) => {
    if (roles[i] !== null) return;
    // The e-paper stamp, on one line or wrapped over two or three (even into the next column).
    for (let n = 1; n <= 3 && i + n <= seq.length; n++) {
      const joined = seq.slice(i, i + n).map((x) => x.line.text.trim()).join("");
      if (STAMP.test(joined)) {
        for (let k = i; k < i + n; k++) {
          roles[k] = "discard";
          reasons[k] = { kind: "furniture", code: "source_stamp", reason: "e-paper source stamp" };
        }
        return;
      }
    }
    if (parseJumpLine(s.line.text.trim())) roles[i] = "jump";
  });
  // A byline block of its own at the head of the body, in a face of its own, its names wrapped
  // over lines (■重庆日报全媒体记者 熊建 张 / 腾扬 王美华) or a name alone (朱成山).
  const head = seq[0]?.block;
  const headLines = head ? seq.filter((s) => s.block === head) : [];
  const headText = headLines.map((s) => s.line.text.trim()).join("");
  if (
    head &&
    headLines.length <= 3 &&
    headLines.every((s, k) => roles[k] === null && (s.line.font !== body.font || s.line.bold) && lineClass(s.line, body) === "text") &&
    !hasSentencePunct(headText.replace(/[（）()]/g, "")) &&
    (parseStandaloneByline(headText) !== null || /^[\u4e00-\u9fff·]{2,6}$/.test(withoutSpaces(unmarkedByline(headText))))
  ) {
    headLines.forEach((_, k) => (roles[k] = "byline"));
  }
  // A byline: at the head of the body, short, in a face of its own or in a printed form.
  for (let i = 0; i < seq.length && i <= Math.max(0, firstBody) + 1; i++) {
    const s = seq[i] as BodyLine;
    if (roles[i] !== null) continue;
    const l = s.line;
    const ownFace = l.font !== body.font || Math.abs(l.size - body.size) > 0.05;
    const short = l.w < colWidth * 0.75 || ownFace;
    if (short && !hasSentencePunct(l.text.replace(/[（）()]/g, "")) && (isByline(l) || (ownFace && !l.bold && l.chars <= 30 && lineClass(l, body) === "text"))) roles[i] = "byline";
    else break;
  }
  // Bylines printed after the text: （文/张三）, （记者 李四）.
  for (let i = seq.length - 1; i >= 0; i--) {
    const r = roles[i];
    if (r === "discard" || r === "jump") continue;
    const l = (seq[i] as BodyLine).line;
    if (r === null && /^[（(].*[)）]$/.test(l.text.trim()) && isByline(l)) roles[i] = "byline";
    break;
  }
  seq.forEach((s, i) => {
    if (roles[i] !== null) return;
    const l = s.line;
    if (lineClass(l, body) === "small") {
      // Small text inside a story that is no caption: a credit or a note, kept as a caption.
      roles[i] = "caption";
    } else if (l.bold) roles[i] = "heading";
    else if (l.font !== body.font && lineClass(l, body) === "text") roles[i] = "lead";
    else roles[i] = "paragraph";
  });

  // Runs of one role become items; paragraphs and leads are cut into paragraphs.
  let i = 0;
  while (i < seq.length) {
    const role = roles[i] as ItemRole;
    let j = i + 1;
    while (j < seq.length && roles[j] === role && role !== "jump") j++;
    const run = seq.slice(i, j);
    if (role === "paragraph" || role === "lead") {
      for (const p of paragraphs(run, colWidth, em)) items.push({ role, lines: p });
    } else if (role === "heading") {
      // Subhead lines under each other are one subhead; apart, they are two.
      let cur: PdfLine[] = [];
      for (const s of run) {
        const last = cur[cur.length - 1];
        if (last && s.line.y - bottom(last) > em * 1.2) {
          items.push({ role, lines: cur });
          cur = [];
        }
        cur.push(s.line);
      }
      if (cur.length) items.push({ role, lines: cur });
    } else items.push({ role, lines: run.map((s) => s.line), setAside: reasons[i] });
    i = j;
  }
  for (const b of g.blocks) if (captions.has(b)) items.push({ role: "caption", lines: b.lines });
  return { items, images };
}

/** Running text: lines in the body's face and size (a masthead's date lines are set otherwise, or are one line). */
function runningText(g: Group, body: BodyStyle): number {
  return g.blocks.flatMap((b) => b.lines).filter((l) => isBodyLine(l, body) && l.font === body.font).length;
}

/** Masthead or running head: the groups above the page's first story, with no running text. */
function isMastheadArea(g: Group, geo: PageGeometry, firstStoryTop: number): boolean {
  const lines = allLines(g);
  if (lines.length === 0) return false;
  const top = Math.min(...lines.map((l) => l.y));
  return top < geo.height * 0.25 && Math.max(...lines.map((l) => bottom(l))) <= firstStoryTop + 1 && runningText(g, geo.body) < 2;
}

const FURNITURE_LINE = /责编|责任编辑|校对|版式|美编|本版编辑|编辑[：:]|邮编|地址[：:]|印刷|定价|零售价|发行|热线/;

/** Labels a page's groups: stories, the masthead or running head, and furniture. */
export function labelGroups(groups: readonly Group[], geo: PageGeometry): LabelledGroup[] {
  const stories = groups.filter((g) => g.stack !== null && runningText(g, geo.body) >= 2);
  const firstStoryTop = stories.length ? Math.min(...stories.map((g) => (g.stack as LayoutBlock).y)) : geo.height;
  return groups.map((g): LabelledGroup => {
    const lines = allLines(g);
    const images = g.blocks.filter((b) => b.kind === "image").map((b) => b.image as PageImage);
    const furniture = (code: ReasonCode, reason: string): LabelledGroup => {
      const why: SetAsideWhy = { kind: "furniture", code, reason };
      return { kind: "furniture", reason: why, items: lines.length ? [{ role: "discard", lines, setAside: why }] : [], images };
    };
    if (lines.length === 0) return furniture("layout_residue", "image outside any story");
    if (isMastheadArea(g, geo, firstStoryTop)) return { kind: "masthead", reason: null, items: [{ role: "discard", lines }], images };
    if (lines.some((l) => AD_MARK.test(l.text.trim()))) return furniture("advertisement", "advertisement");
    const bodyChars = g.blocks.flatMap((b) => b.lines).filter((l) => isBodyLine(l, geo.body)).reduce((n, l) => n + l.chars, 0);
    if (g.stack && bodyChars < 20 && !g.blocks.some((b) => b.lines.some((l) => hasSentencePunct(l.text)))) {
      return furniture("headline_without_article", "headline or label with no article under it");
    }
    if (!g.stack && (bodyChars === 0 || !lines.some((l) => hasSentencePunct(l.text)) || lines.every((l) => FURNITURE_LINE.test(l.text)))) {
      return furniture("page_furniture", "page furniture (credits, imprint, notes outside any story)");
    }
    const { items, images: photos } = bodyItems(g, geo);
    return { kind: "article", reason: null, items: [...(g.stack ? stackItems(g.stack, Math.max(g.stack.w, union(g.blocks)?.w ?? 0)) : []), ...items], images: photos };
  });
}
