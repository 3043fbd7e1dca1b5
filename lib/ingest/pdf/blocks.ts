import { bottom, centerX, contains, median, overlap, right } from "./geometry";
import type { PdfLine } from "./lines";
import type { PageContent, PageImage, Rect } from "./types";

/**
 * Lines → blocks: runs of lines that read as one piece of the page. Body text is a column
 * segment (lines under each other at the same left edge, an indent allowed, in one face and
 * size, at the column's line pitch); lines set larger than the body form headline stacks
 * (several sizes allowed: 引题, 主题, 副题), smaller ones captions, credits and furniture.
 */
export type BlockKind = "stack" | "text" | "small" | "image";

export type LayoutBlock = Rect & {
  id: number;
  page: number;
  kind: BlockKind;
  lines: PdfLine[];
  image: PageImage | null;
};

/** The body text's face, size and pitch: what every other line is compared with. */
export type BodyStyle = { size: number; font: string; pitch: number };

const key = (n: number) => Math.round(n * 10) / 10;

export function bodyStyleOf(lines: readonly PdfLine[]): BodyStyle {
  const bySize = new Map<number, number>();
  const byFont = new Map<string, number>();
  for (const l of lines) {
    if (l.vertical) continue;
    bySize.set(key(l.size), (bySize.get(key(l.size)) ?? 0) + l.chars);
  }
  let size = 10;
  let most = -1;
  for (const [s, n] of bySize) if (n > most) [size, most] = [s, n];
  for (const l of lines) if (key(l.size) === size) byFont.set(l.font, (byFont.get(l.font) ?? 0) + l.chars);
  let font = "";
  most = -1;
  for (const [f, n] of byFont) if (n > most) [font, most] = [f, n];
  // The pitch: the usual distance between the baselines of body lines under each other.
  const body = lines.filter((l) => key(l.size) === size && l.font === font && !l.vertical);
  const steps: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const a = body[i] as PdfLine;
    for (let j = i + 1; j < body.length && j < i + 40; j++) {
      const b = body[j] as PdfLine;
      const d = b.baseline - a.baseline;
      if (d > size * 2.2) break;
      if (d > size * 0.9 && Math.abs(b.x - a.x) < size * 2.5) {
        steps.push(d);
        break;
      }
    }
  }
  return { size, font, pitch: steps.length ? median(steps) : size * 1.5 };
}

export type LineClass = "stack" | "text" | "small";

export function lineClass(l: PdfLine, body: BodyStyle): LineClass {
  if (l.size >= body.size * 1.12) return "stack";
  if (l.size <= body.size * 0.93) return "small";
  return "text";
}

/** A drawn rule lies between two lines (across their common columns). */
function ruleBetween(rules: readonly Rect[], x0: number, x1: number, y0: number, y1: number): boolean {
  return rules.some((r) => r.h < 3 && r.w > 10 && r.y >= y0 - 0.5 && r.y <= y1 + 0.5 && overlap(r.x, right(r), x0, x1) > 0.5 * (x1 - x0));
}

type Open = { kind: LineClass; lines: PdfLine[]; x: number; right: number };

/** A vertical rule runs between two pieces on one baseline. */
function ruleBeside(rules: readonly Rect[], x0: number, x1: number, y0: number, y1: number): boolean {
  return rules.some((r) => r.w < 3 && r.x >= x0 - 0.5 && r.x <= x1 + 0.5 && overlap(r.y, bottom(r), y0, y1) > 0);
}

function fitsStack(b: Open, l: PdfLine, rules: readonly Rect[]): boolean {
  const last = b.lines[b.lines.length - 1] as PdfLine;
  const em = Math.max(l.size, last.size);
  const gap = l.y - bottom(last);
  if (gap < -em * 0.2 || gap > em * 0.9) return false;
  const over = overlap(l.x, right(l), b.x, b.right);
  const aligned = Math.abs(l.x - b.x) < em || Math.abs(centerX(l) - (b.x + b.right) / 2) < em * 1.5 || Math.abs(right(l) - b.right) < em;
  if (!aligned && over < 0.3 * Math.min(l.w, b.right - b.x)) return false;
  return !ruleBetween(rules, Math.max(l.x, b.x), Math.min(right(l), b.right), bottom(last), l.y);
}

/**
 * Phrases of a headline set apart on one baseline ("传承文脉文运　激发创造创新") are one line:
 * same size, less than 2.5 ems apart, no rule between.
 */
export function joinPhrases(lines: readonly PdfLine[], body: BodyStyle, rules: readonly Rect[]): PdfLine[] {
  const out: PdfLine[] = [];
  const sorted = [...lines].sort((a, b) => a.baseline - b.baseline || a.x - b.x);
  for (const l of sorted) {
    const prev = out[out.length - 1];
    const em = l.size;
    if (
      prev &&
      !l.vertical &&
      !prev.vertical &&
      lineClass(l, body) === "stack" &&
      Math.abs(prev.size - l.size) < 0.5 &&
      Math.abs(prev.baseline - l.baseline) < em * 0.2 &&
      l.x - right(prev) > -em * 0.2 &&
      l.x - right(prev) < em * 2.5 &&
      !ruleBeside(rules, right(prev), l.x, l.y, bottom(l))
    ) {
      const x = Math.min(prev.x, l.x);
      const y = Math.min(prev.y, l.y);
      out[out.length - 1] = { ...prev, text: `${prev.text} ${l.text}`, x, y, w: Math.max(right(prev), right(l)) - x, h: Math.max(bottom(prev), bottom(l)) - y, bold: prev.bold && l.bold, chars: prev.chars + l.chars };
    } else out.push(l);
  }
  return out.sort((a, b) => a.y - b.y || a.x - b.x);
}

function fitsColumn(b: Open, l: PdfLine, body: BodyStyle, rules: readonly Rect[]): boolean {
  const last = b.lines[b.lines.length - 1] as PdfLine;
  if (l.font !== last.font || l.bold !== last.bold || Math.abs(l.size / last.size - 1) > 0.04) return false;
  const step = l.baseline - last.baseline;
  const pitch = b.kind === "text" ? Math.max(body.pitch, l.size * 1.2) : l.size * 1.5;
  if (step < l.size * 0.6 || step > pitch * 1.3) return false;
  const em = l.size;
  const over = overlap(l.x, right(l), b.x, b.right);
  if (over < 0.5 * Math.min(l.w, b.right - b.x)) return false;
  // Left edges agree, give or take a paragraph indent; or both lines are centred (a subhead).
  const leftOk = Math.abs(l.x - b.x) <= em * 2.6 || Math.abs(l.x - last.x) <= em * 0.6;
  const centred = Math.abs(centerX(l) - centerX(last)) < em;
  if (!leftOk && !centred) return false;
  if (right(l) > b.right + em * 2.6 && l.x > b.x + em * 0.6) return false;
  return !ruleBetween(rules, Math.max(l.x, b.x), Math.min(right(l), b.right), bottom(last), l.y);
}

/** Groups a page's lines into blocks, and adds its images as blocks of their own. */
export function blocksOf(content: PageContent, lines: readonly PdfLine[], body: BodyStyle): LayoutBlock[] {
  const rules = content.rules;
  const open: Open[] = [];
  const done: Open[] = [];
  for (const l of lines) {
    if (l.vertical) {
      done.push({ kind: lineClass(l, body), lines: [l], x: l.x, right: right(l) });
      continue;
    }
    const kind = lineClass(l, body);
    let best: Open | null = null;
    let bestGap = Infinity;
    for (let i = open.length - 1; i >= 0; i--) {
      const b = open[i] as Open;
      const last = b.lines[b.lines.length - 1] as PdfLine;
      // Blocks whose last line is far above are finished.
      if (l.y - bottom(last) > Math.max(body.pitch * 3, last.size * 3)) {
        done.push(b);
        open.splice(i, 1);
        continue;
      }
      if (b.kind !== kind) continue;
      const ok = kind === "stack" ? fitsStack(b, l, rules) : fitsColumn(b, l, body, rules);
      const gap = l.y - bottom(last);
      if (ok && gap < bestGap) [best, bestGap] = [b, gap];
    }
    if (best) {
      best.lines.push(l);
      best.x = Math.min(best.x, l.x);
      best.right = Math.max(best.right, right(l));
    } else open.push({ kind, lines: [l], x: l.x, right: right(l) });
  }
  done.push(...open);
  const blocks: LayoutBlock[] = [];
  for (const b of done) {
    const y = Math.min(...b.lines.map((l) => l.y));
    const yb = Math.max(...b.lines.map((l) => bottom(l)));
    blocks.push({ id: 0, page: content.number, kind: b.kind, lines: b.lines, image: null, x: b.x, y, w: b.right - b.x, h: yb - y });
  }
  for (const im of content.images) {
    // A tiny image is an ornament (a bullet, a logo dot), not a photo.
    if (im.w < body.size * 3 || im.h < body.size * 3) continue;
    blocks.push({ id: 0, page: content.number, kind: "image", lines: [], image: im, x: im.x, y: im.y, w: im.w, h: im.h });
  }
  blocks.sort((a, b) => a.y - b.y || a.x - b.x);
  blocks.forEach((b, i) => (b.id = i));
  return blocks;
}

/** Drawn frames worth reading as containers: around some blocks, not the whole page. */
export function framesOf(content: PageContent, blocks: readonly LayoutBlock[]): Rect[] {
  const pageArea = content.width * content.height;
  return content.boxes.filter((f) => f.w * f.h < pageArea * 0.8 && f.w > 20 && f.h > 20 && blocks.some((b) => b.kind !== "image" && contains(f, b, 1.5)));
}
