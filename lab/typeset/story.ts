import type { HouseStyle } from "../styles";
import { grid } from "../styles";
import { measure, type FontKey } from "./fonts";
import { breakParagraph } from "./linebreak";
import { Canvas, type Rect, type RunRole } from "./model";

/**
 * One story (or one part of a jumped story) set as a module: a rectangle of the page
 * grid with its headline stack across the top and its body in the grid's columns below,
 * photos with captions at the top of the body, as broadsheets are made up.
 */
export type StoryBlock = { role: "paragraph" | "heading" | "lead"; text: string };

export type StoryPart = {
  /** Truth id of this part. */
  id: string;
  kind: "story" | "brief" | "continuation";
  kicker: string | null;
  title: string | null;
  subtitle: string | null;
  /**
   * line: its own line above the body; inline: run into the first paragraph
   * (本报讯（…）3月7日，…); end: after the last paragraph.
   */
  byline: { text: string; placement: "line" | "inline" | "end" } | null;
  blocks: StoryBlock[];
  photos: { caption: string | null; seed: number }[];
  /** Printed first in a continued part: （上接第一版）. */
  jumpFromLine: string | null;
  stampLine: string | null;
  lead: boolean;
};

/** Layout choices the page planner makes for a module. */
export type ModuleOptions = {
  /** Photo height / width. */
  photoAspect: number;
  /** Grid columns one photo spans. */
  photoCols: number;
  /** Multiplies photo heights to absorb spare height. */
  photoScale: number;
  align: "center" | "left";
  /** Body column width when not the page grid's (the inside of a briefs box). */
  colWidth?: number;
};

type FlowLine =
  | {
      kind: "text";
      role: RunRole;
      font: FontKey;
      size: number;
      text: string;
      indent: number;
      width: number;
      justify: boolean;
      align: "left" | "center" | "right";
      /** Index into part.blocks and offsets into that block's text (null for bylines, jumps, stamps). */
      block: number | null;
      start: number;
      end: number;
    }
  | { kind: "blank" };

type HeadLine = { text: string; font: FontKey; size: number; role: RunRole; lineHeight: number };

export type SetModule = {
  canvas: Canvas;
  /** Frame ids in the order a make-up program would have created them. */
  frames: { headline: string; body: string; photos: string; subheads: string };
  /** The height the content needs (≤ the rectangle's). */
  used: number;
  /** Where the text was cut when it did not fit: the rest continues elsewhere. */
  cut: { block: number; offset: number } | null;
  /** The blocks as printed in this module (a cut block shortened). */
  printed: StoryBlock[];
  /** Photos printed (the first ones; a story has at most 2, a photo story 4). */
  printedPhotos: number;
  /** Whether the byline made it onto the page (a cut can leave an end byline out). */
  bylinePrinted: boolean;
  /** Lines were left over that no column could take (a bug in the planner if it happens). */
  overflow: boolean;
};

/** Splits a headline into lines and picks its size: one line if it can, else two, never past the width. */
export function fitHeadline(text: string, font: FontKey, size: number, minSize: number, width: number): { size: number; lines: string[] } {
  const explicit = text.split("\n").map((l) => l.trim().replace(/[ \u00a0]{2,}/g, "\u3000")).filter(Boolean);
  const fitsAll = (lines: string[], s: number) => lines.every((l) => measure(l, font, s) <= width);
  if (explicit.length > 1) {
    for (let s = size; s >= minSize; s -= 1) if (fitsAll(explicit, s)) return { size: s, lines: explicit };
    return { size: minSize, lines: explicit.flatMap((l) => breakParagraph(l, font, minSize, width).map((b) => b.text)) };
  }
  const one = explicit[0] ?? "";
  for (let s = size; s >= Math.max(minSize, size * 0.75); s -= 1) if (fitsAll([one], s)) return { size: s, lines: [one] };
  const parts = one.split("\u3000").filter(Boolean);
  for (let s = size; s >= minSize; s -= 1) {
    if (parts.length === 2 && fitsAll(parts, s)) return { size: s, lines: parts };
    const broken = breakParagraph(one, font, s, width).map((b) => b.text);
    if (broken.length <= 2) return { size: s, lines: broken };
  }
  return { size: minSize, lines: breakParagraph(one, font, minSize, width).map((b) => b.text) };
}

function headlineLines(part: StoryPart, style: HouseStyle, width: number): HeadLine[] {
  const h = style.headline;
  const out: HeadLine[] = [];
  if (part.kind === "brief") {
    if (part.title) {
      const f = fitHeadline(part.title, "sansBold", style.body.size * 1.25, style.body.size, width);
      for (const l of f.lines) out.push({ text: l, font: "sansBold", size: f.size, role: "title", lineHeight: f.size * 1.45 });
    }
    return out;
  }
  const titleBase = part.kind === "continuation" ? Math.max(h.min, h.normal * 0.8) : part.lead ? h.lead : h.normal;
  const title = part.title ? fitHeadline(part.title, h.titleFont, titleBase, h.min, width) : null;
  const deckSize = h.flat ? (title?.size ?? titleBase) : Math.max(style.body.size * 1.15, Math.round((title?.size ?? titleBase) * h.deckRatio));
  const deck = (text: string | null, role: RunRole) => {
    if (!text) return;
    const f = fitHeadline(text, h.deckFont, deckSize, h.flat ? h.min : style.body.size, width);
    for (const l of f.lines) out.push({ text: l, font: h.deckFont, size: f.size, role, lineHeight: f.size * 1.5 });
  };
  deck(part.kicker, "kicker");
  if (title) for (const l of title.lines) out.push({ text: l, font: h.titleFont, size: title.size, role: "title", lineHeight: title.size * 1.3 });
  deck(part.subtitle, "subtitle");
  return out;
}

function flowLines(part: StoryPart, style: HouseStyle, colWidth: number): FlowLine[] {
  const b = style.body;
  const lines: FlowLine[] = [];
  const plain = (text: string, role: RunRole, font: FontKey, size: number, align: "left" | "right" | "center") => {
    for (const l of breakParagraph(text, font, size, colWidth)) {
      lines.push({ kind: "text", role, font, size, text: l.text, indent: 0, width: l.width, justify: !l.last, align, block: null, start: 0, end: 0 });
    }
  };
  if (part.jumpFromLine) plain(part.jumpFromLine, "jump", b.font, b.size, "left");
  if (part.byline?.placement === "line") plain(part.byline.text, "byline", style.byline.font, style.byline.size, "left");
  part.blocks.forEach((block, i) => {
    if (block.role === "heading") {
      if (lines.length > 0) lines.push({ kind: "blank" });
      for (const l of breakParagraph(block.text, style.heading.font, b.size, colWidth)) {
        lines.push({ kind: "text", role: "heading", font: style.heading.font, size: b.size, text: l.text, indent: 0, width: l.width, justify: false, align: "center", block: i, start: l.start, end: l.end });
      }
      return;
    }
    // An inline byline is printed before the first paragraph's text, in the same lines.
    const prefix = i === 0 && part.byline?.placement === "inline" ? part.byline.text : "";
    const text = prefix + block.text;
    const font: FontKey = block.role === "lead" ? "sans" : b.font;
    for (const l of breakParagraph(text, font, b.size, colWidth, 2, b.hanging)) {
      const inBlockStart = Math.max(0, l.start - prefix.length);
      const inBlockEnd = Math.max(0, l.end - prefix.length);
      lines.push({
        kind: "text",
        role: l.end <= prefix.length ? "byline" : block.role === "lead" ? "lead" : "paragraph",
        font,
        size: b.size,
        text: l.text,
        indent: l.indent,
        width: l.width,
        justify: !l.last,
        align: "left",
        block: i,
        start: inBlockStart,
        end: inBlockEnd,
      });
    }
  });
  if (part.byline?.placement === "end") plain(`（${part.byline.text}）`, "byline", style.byline.font, b.size, "right");
  if (part.stampLine) plain(part.stampLine, "stamp", "sans", b.size * 0.85, "right");
  return lines;
}

type Photo = { rect: Rect; caption: string[]; captionTop: number; seed: number };

/** Photos at the top of the body; one that would reach below `bottom` (a module cut short) is left out, with those after it. */
function photoLayout(part: StoryPart, style: HouseStyle, x: number, top: number, bottom: number, cols: number, opt: ModuleOptions): { photos: Photo[]; colTops: number[] } {
  const { gutter } = grid(style);
  const colWidth = opt.colWidth ?? grid(style).colWidth;
  const colTops = Array.from({ length: cols }, () => top);
  const photos: Photo[] = [];
  const span = Math.min(cols, Math.max(1, opt.photoCols));
  const perRow = Math.max(1, Math.floor(cols / span));
  const maxPhotos = part.blocks.some((b) => b.role !== "heading") ? Math.min(2, perRow * 2) : Math.min(4, perRow * 2);
  for (const [n, p] of part.photos.slice(0, maxPhotos).entries()) {
    // Photos sit at the top right of the body, side by side, then in a second row.
    const slot = n % perRow;
    const firstCol = cols - span * (slot + 1);
    const colTop = Math.max(...colTops.slice(firstCol, firstCol + span));
    const w = span * colWidth + (span - 1) * gutter;
    const h = Math.round(w * opt.photoAspect * opt.photoScale);
    const rect = { x: x + firstCol * (colWidth + gutter), y: colTop, w, h };
    const caption = p.caption ? p.caption.split("\n").flatMap((t) => breakParagraph(t.trim(), style.caption.font, style.caption.size, w).map((l) => l.text)) : [];
    const captionTop = colTop + h + 4;
    const below = captionTop + caption.length * style.caption.pitch + style.body.pitch * 0.6;
    // Keep room for a few lines of text under the photo too.
    if (below + style.body.pitch * 3 > bottom) break;
    for (let c = firstCol; c < firstCol + span; c++) colTops[c] = below;
    photos.push({ rect, caption, captionTop, seed: p.seed });
  }
  return { photos, colTops };
}

/** Lines a set of columns holds down to `bottom`. */
function capacity(colTops: readonly number[], bottom: number, pitch: number): number[] {
  return colTops.map((t) => Math.max(0, Math.floor((bottom - t + 0.01) / pitch)));
}

function headlineHeight(lines: readonly HeadLine[], pitch: number): number {
  if (lines.length === 0) return 0;
  return lines.reduce((s, l) => s + l.lineHeight, 0) + pitch * 0.5;
}

/** Height the module needs when `cols` columns wide, with its columns balanced. */
export function naturalHeight(part: StoryPart, style: HouseStyle, cols: number, opt: ModuleOptions): number {
  return setModule(part, style, { x: 0, y: 0, w: moduleWidth(style, cols), h: Infinity }, cols, opt, null).used;
}

export function moduleWidth(style: HouseStyle, cols: number): number {
  const { colWidth, gutter } = grid(style);
  return cols * colWidth + (cols - 1) * gutter;
}

/**
 * Sets a part into `rect` (cols grid columns wide). Text that does not fit is cut at a
 * line, and `jumpLine` (下转第N版), if given, takes the module's last line. Otherwise the
 * columns are balanced; with an infinite height `used` is the natural height.
 */
export function setModule(part: StoryPart, style: HouseStyle, rect: Rect, cols: number, opt: ModuleOptions, jumpLine: string | null): SetModule {
  const { gutter } = grid(style);
  const colWidth = opt.colWidth ?? grid(style).colWidth;
  const pitch = style.body.pitch;
  const canvas = new Canvas();
  const frames = { headline: `${part.id}/headline`, body: `${part.id}/body`, photos: `${part.id}/photos`, subheads: `${part.id}/subheads` };
  const inset = 3;
  // Headline stack across the module.
  const head = headlineLines(part, style, rect.w);
  let y = rect.y + inset;
  for (const l of head) {
    const w = measure(l.text, l.font, l.size);
    const align = part.kind === "brief" ? "left" : opt.align;
    const x = align === "center" ? rect.x + (rect.w - w) / 2 : rect.x;
    canvas.text({ text: l.text, font: l.font, size: l.size, x, baseline: y + l.lineHeight * 0.5 + l.size * 0.38, owner: part.id, role: l.role, frame: frames.headline, color: l.role === "title" ? "#000000" : "#1a1a1a" });
    y += l.lineHeight;
  }
  const bodyTop = rect.y + inset + headlineHeight(head, pitch);
  const { photos, colTops } = photoLayout(part, style, rect.x, bodyTop, rect.y + rect.h, cols, opt);
  const lines = flowLines(part, style, colWidth);

  // How many lines each column takes: balanced for the natural height, full when cut.
  const bottomLimit = rect.y + rect.h;
  let counts: number[];
  let cut: SetModule["cut"] = null;
  let laid = lines.length;
  const total = lines.length;
  const full = capacity(colTops, bottomLimit, pitch);
  const fullSum = full.reduce((a, b) => a + b, 0);
  if (Number.isFinite(bottomLimit) && fullSum < total) {
    // Overflow: fill every column, keep the last slot for the jump line, cut the text there.
    laid = Math.max(0, fullSum - (jumpLine ? 1 : 0));
    // Do not leave a heading (or the blank before it) as the last thing in the module.
    while (laid > 0 && (lines[laid - 1]?.kind === "blank" || (lines[laid - 1] as { role?: string }).role === "heading")) laid--;
    const next = lines.slice(laid).find((l) => l.kind === "text" && l.block !== null);
    if (next && next.kind === "text" && next.block !== null) cut = { block: next.block, offset: next.start };
    counts = full;
  } else {
    // Balanced: the lowest bottom at which the columns hold every line.
    let bottom = Math.max(...colTops);
    for (let guard = 0; guard < 5000; guard++) {
      if (capacity(colTops, bottom, pitch).reduce((a, b) => a + b, 0) >= total) break;
      bottom += pitch / 4;
    }
    counts = capacity(colTops, bottom, pitch);
  }

  const laidLines = lines.slice(0, laid);
  if (jumpLine && cut) {
    laidLines.push({ kind: "text", role: "jump", font: style.body.font, size: style.body.size, text: jumpLine, indent: 0, width: measure(jumpLine, style.body.font, style.body.size), justify: false, align: "right", block: null, start: 0, end: 0 });
  }

  // Distribute the lines over the columns, left to right.
  let idx = 0;
  let bylinePrinted = false;
  let maxBottom = bodyTop;
  for (let c = 0; c < cols && idx < laidLines.length; c++) {
    const x = rect.x + c * (colWidth + gutter);
    const top = colTops[c] as number;
    const n = Math.min(counts[c] as number, laidLines.length - idx);
    for (let k = 0; k < n; k++) {
      const l = laidLines[idx++] as FlowLine;
      if (l.kind === "blank") continue;
      const slotTop = top + k * pitch;
      const baseline = slotTop + (pitch - l.size) / 2 + 0.88 * l.size;
      const avail = colWidth - l.indent;
      const chars = [...l.text].length;
      const spacing = l.justify && chars > 1 && l.width < avail ? (avail - l.width) / (chars - 1) : 0;
      // A justified line fills the measure whatever its alignment (a right-aligned byline that wraps).
      const lx = spacing > 0 || l.align === "left" ? x + l.indent : l.align === "right" ? x + colWidth - l.width : x + (colWidth - l.width) / 2;
      const frame = l.role === "heading" ? frames.subheads : frames.body;
      // The stamp is furniture printed inside the module: the truth keeps it out of the story.
      const owner = l.role === "stamp" ? `f:stamp:${part.id}` : part.id;
      canvas.text({ text: l.text, font: l.font, size: l.size, x: lx, baseline, spacing, owner, role: l.role, frame });
      if (l.role === "byline" || (l.block === 0 && part.byline?.placement === "inline")) bylinePrinted = true;
      maxBottom = Math.max(maxBottom, slotTop + pitch);
    }
  }
  for (const p of photos) {
    canvas.shape({ kind: "image", rect: p.rect, seed: p.seed, frame: frames.photos, owner: part.id });
    p.caption.forEach((text, i) => {
      const baseline = p.captionTop + i * style.caption.pitch + style.caption.size * 0.95;
      canvas.text({ text, font: style.caption.font, size: style.caption.size, x: p.rect.x, baseline, owner: part.id, role: "caption", frame: frames.photos });
    });
    maxBottom = Math.max(maxBottom, p.captionTop + p.caption.length * style.caption.pitch);
  }
  const used = Math.max(...colTops, maxBottom) - rect.y + inset;

  return { canvas, frames, used, cut, printed: printedBlocks(part, cut), printedPhotos: photos.length, bylinePrinted, overflow: idx < laidLines.length || (cut === null && laid < total) };
}

/** The blocks as printed: all of them, or those before the cut and the cut one up to it. */
function printedBlocks(part: StoryPart, cut: SetModule["cut"]): StoryBlock[] {
  if (!cut) return part.blocks;
  const out = part.blocks.slice(0, cut.block);
  const head = (part.blocks[cut.block] as StoryBlock).text.slice(0, cut.offset).trimEnd();
  if (head) out.push({ ...(part.blocks[cut.block] as StoryBlock), text: head });
  return out;
}

/** The rest of a cut part, to be continued on a later page. */
export function remainderBlocks(part: StoryPart, cut: NonNullable<SetModule["cut"]>): StoryBlock[] {
  const first = part.blocks[cut.block] as StoryBlock;
  const rest = first.text.slice(cut.offset).trimStart();
  return [...(rest ? [{ ...first, text: rest }] : []), ...part.blocks.slice(cut.block + 1)];
}
