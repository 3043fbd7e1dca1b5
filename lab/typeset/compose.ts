import type { Dice } from "../random";
import { grid, type HouseStyle } from "../styles";
import { bandRule, columnRule, drawBriefsFrame, drawFiller, drawFoot, drawHead, type FurnitureKind, type PageInfo } from "./furniture";
import { Canvas, type Rect } from "./model";
import { moduleWidth, remainderBlocks, setModule, type ModuleOptions, type SetModule, type StoryPart } from "./story";

/**
 * Page make-up. The type area is cut into horizontal bands; each band into cells of
 * whole grid columns; each cell holds one story, or a stack of short stories, briefs and
 * fillers. Spans are chosen so that the stories of a band end near the same height;
 * what is left over is taken by bigger photos, another short item, an ad or a notice.
 * A story that does not fit is cut and jumps (下转) to a later page of the issue.
 * Every rectangle is decided here, so the truth knows each article's region exactly.
 */
export type StoryItem = { kind: "story"; part: StoryPart; opt: ModuleOptions; continuation: boolean };
export type BriefsItem = { kind: "briefs"; id: string; label: string; parts: StoryPart[] };
export type PageItem = StoryItem | BriefsItem;

export type Placement = {
  part: StoryPart;
  /** The module's rectangle on the page. */
  module: Rect;
  set: SetModule;
  /** The page the rest of the story jumps to. */
  jumpTo: number | null;
  /** Photo captions printed (the first n of the part's photos). */
  photos: number;
};

export type Continuation = { part: StoryPart; page: number };

export type ComposedPage = {
  canvas: Canvas;
  placements: Placement[];
  furniture: Map<string, FurnitureKind>;
  continuations: Continuation[];
  /** Items that did not fit, for the next page (or dropped on the last one). */
  deferred: PageItem[];
  /** Frames in content-stream order. */
  frameOrder: string[];
};

/** What is left of a cell under its stories: an ad, a public-service ad or notices. */
type FillerItem = { kind: "filler" };
type Cell = { cols: number; items: (PageItem | FillerItem)[] };
type Candidate = { cells: Cell[]; heights: number[]; h: number; cost: number };

const FILLER_MIN = 48;

export type PageSpec = {
  info: PageInfo;
  items: PageItem[];
  /** Later pages of the issue a cut story may continue on, nearest first (none already holding a continuation). */
  jumpTargets: number[];
  dice: Dice;
};

const BRIEF_PAD = 6;

/** Briefs are set in one column as wide as the box inside its padding. */
function briefOpt(style: HouseStyle, cols: number): ModuleOptions {
  return { photoAspect: 0.66, photoCols: 1, photoScale: 1, align: "left", colWidth: moduleWidth(style, cols) - 2 * BRIEF_PAD };
}

function briefHeights(item: BriefsItem, style: HouseStyle, cols: number): number[] {
  const opt = briefOpt(style, cols);
  return item.parts.map((p) => setModule(p, style, { x: 0, y: 0, w: opt.colWidth as number, h: Infinity }, 1, opt, null).used);
}

function briefsHeight(item: BriefsItem, style: HouseStyle, cols: number): number {
  return BRIEFS_LABEL + briefHeights(item, style, cols).reduce((s, h) => s + h + 4, 0) + BRIEF_PAD;
}

const BRIEFS_LABEL = 32;

function naturalOf(item: PageItem | FillerItem, style: HouseStyle, cols: number, cache: Map<string, number>): number {
  if (item.kind === "filler") return FILLER_MIN;
  const id = item.kind === "story" ? item.part.id : item.id;
  const key = `${id}|${cols}|${item.kind === "story" ? item.opt.photoScale : 1}`;
  let h = cache.get(key);
  if (h === undefined) {
    h = item.kind === "story" ? setModule(item.part, style, { x: 0, y: 0, w: moduleWidth(style, cols), h: Infinity }, cols, item.opt, null).used : briefsHeight(item, style, cols);
    cache.set(key, h);
  }
  return h;
}

function minCols(item: PageItem | FillerItem, style: HouseStyle): number {
  if (item.kind === "filler") return 1;
  if (item.kind === "briefs") return Math.min(2, style.page.columns);
  const chars = item.part.blocks.reduce((s, b) => s + b.text.length, 0);
  if (item.part.photos.length && style.page.columns >= 6) return 2;
  return chars < 500 ? 1 : 2;
}

/** Notices fill small spaces, public-service ads middling ones, display ads any. */
function fillerKind(height: number, d: Dice): "ad" | "psa" | "notice" {
  const kinds: ("ad" | "psa" | "notice")[] = height < 280 ? ["ad", "psa", "notice"] : height < 450 ? ["ad", "psa"] : ["ad"];
  return d.pick(kinds);
}

/** Ways to split `total` columns into `n` spans, each at least its minimum. */
function compositions(total: number, mins: number[]): number[][] {
  if (mins.length === 1) return total >= (mins[0] as number) ? [[total]] : [];
  const out: number[][] = [];
  const restMin = mins.slice(1).reduce((a, b) => a + b, 0);
  for (let s = mins[0] as number; s <= total - restMin; s++) for (const rest of compositions(total - s, mins.slice(1))) out.push([s, ...rest]);
  return out;
}

export function composePage(spec: PageSpec): ComposedPage {
  const { info, dice: d } = spec;
  const style = info.issue.style;
  const { gutter } = grid(style);
  const C = style.page.columns;
  const pitch = style.body.pitch;
  const canvas = new Canvas();
  const furniture = new Map<string, FurnitureKind>();
  const top = drawHead(canvas, info, d);
  const bottom = drawFoot(canvas, info, d);
  const left = style.page.side;
  const bandGap = Math.round(pitch * 0.9);
  const minBand = pitch * 7;
  const cache = new Map<string, number>();
  const placements: Placement[] = [];
  const continuations: Continuation[] = [];
  const deferred: PageItem[] = [];
  // The e-paper stamp closes every story of a style that prints one (a cut story's first part loses it with the rest of its text).
  const stamp = style.stamp ? style.stamp(info.issue.paper.name, info.issue.date, info.page) : null;
  const queue: PageItem[] = spec.items.map((it) => (it.kind === "story" && stamp ? { ...it, part: { ...it.part, stampLine: stamp } } : it));
  let fillerCount = 0;
  let y = top;
  let first = true;

  // Whether what is left to place needs more room than the page has left (spans of two columns, roughly).
  const overfull = () => queue.reduce((s, it) => s + naturalOf(it, style, Math.min(2, C), cache) * Math.min(2, C), 0) > (bottom - y) * C;
  const heightOf = (cell: Cell): number => cell.items.reduce((s, it, i) => s + naturalOf(it, style, cell.cols, cache) + (i ? bandGap : 0), 0);
  const cuttable = (item: PageItem | FillerItem) => item.kind === "story" && (spec.jumpTargets.length > 0 || item.continuation);

  while (queue.length > 0) {
    const remaining = bottom - y;
    if (remaining < minBand) break;
    const candidates: Candidate[] = [];
    const consider = (cells: Cell[], bias: number) => {
      const heights = cells.map(heightOf);
      const h = Math.max(...heights);
      const waste = cells.reduce((s, c, i) => s + c.cols * (h - (heights[i] as number)), 0) / (C * h);
      let cost = waste + bias + d.float() * 0.06;
      if (h > remaining) {
        // Only a story can be cut, and only one that can continue somewhere. Cutting is
        // what a full page calls for; on a page with room it would only move text away.
        const ok = cells.every((c, i) => (heights[i] as number) <= remaining || (c.items.length === 1 && cuttable(c.items[0] as PageItem) && remaining > pitch * 12));
        if (!ok) return;
        cost += (overfull() ? 0.3 : 1) + (h - remaining) / remaining;
      }
      if (h < pitch * 9) cost += 0.3;
      candidates.push({ cells, heights, h, cost });
    };
    const next = queue.slice(0, 3);
    const mins = next.map((it) => minCols(it, style));
    for (let n = 1; n <= Math.min(3, next.length, C >= 6 ? 3 : 2); n++) {
      for (const spans of compositions(C, mins.slice(0, n))) {
        const cells = spans.map((cols, i) => ({ cols, items: [next[i] as PageItem] }));
        // A full-width band for an ordinary story looks like a web page, not a newspaper.
        const lone = n === 1 && queue.length > 1 ? (next[0]?.kind === "story" && next[0].part.lead ? 0.15 : 0.5) : 0;
        consider(cells, lone);
      }
    }
    // The lead story with a rail of short items beside it.
    const lead = next[0];
    if (first && lead?.kind === "story" && lead.part.lead && C >= 6 && queue.length > 2) {
      const railCols = 2;
      const railItems: PageItem[] = [];
      const leadH = naturalOf(lead, style, C - railCols, cache);
      for (const it of queue.slice(1, 5)) {
        if (minCols(it, style) > railCols) break;
        railItems.push(it);
        if (heightOf({ cols: railCols, items: railItems }) >= leadH * 0.85) break;
      }
      if (railItems.length) consider([{ cols: C - railCols, items: [lead] }, { cols: railCols, items: railItems }], -0.05);
    }
    if (candidates.length === 0) {
      // Nothing fits in what is left of the page: the next item waits for the next page.
      deferred.push(queue.shift() as PageItem);
      continue;
    }
    candidates.sort((a, b) => a.cost - b.cost);
    const best = candidates[0] as Candidate;
    const used = new Set<PageItem | FillerItem>(best.cells.flatMap((c) => c.items));
    for (let i = queue.length - 1; i >= 0; i--) if (used.has(queue[i] as PageItem)) queue.splice(i, 1);
    let h = Math.min(best.h, remaining);
    // The last band, or one that leaves too little below it, runs to the foot of the page.
    if (queue.length === 0 || remaining - h - bandGap < minBand) {
      if (remaining - h < pitch * 30 || queue.length > 0) h = remaining;
    }

    // Spare height in a cell: another short item, bigger photos, then a filler.
    for (const cell of best.cells) {
      let slack = h - heightOf(cell);
      for (let k = 0; k < queue.length && slack > pitch * 6; k++) {
        const it = queue[k] as PageItem;
        if (minCols(it, style) > cell.cols) continue;
        const need = naturalOf(it, style, cell.cols, cache) + bandGap;
        if (need <= slack) {
          cell.items.push(it);
          queue.splice(k, 1);
          k--;
          slack -= need;
        }
      }
      const story = cell.items.find((it): it is StoryItem => it.kind === "story" && it.part.photos.length > 0);
      if (story && slack > pitch * 3) {
        let lo = 1;
        let hi = 2;
        for (let iter = 0; iter < 8; iter++) {
          const mid = (lo + hi) / 2;
          const trial = { ...story, opt: { ...story.opt, photoScale: mid } };
          const idx = cell.items.indexOf(story);
          const trialCell = { cols: cell.cols, items: cell.items.map((it, i) => (i === idx ? trial : it)) };
          if (heightOf(trialCell) <= h) lo = mid;
          else hi = mid;
        }
        story.opt = { ...story.opt, photoScale: lo };
        slack = h - heightOf(cell);
      }
      if (slack > FILLER_MIN + bandGap && h > FILLER_MIN * 2) cell.items.push({ kind: "filler" });
    }

    // Place the band.
    let x = left;
    best.cells.forEach((cell, ci) => {
      const w = moduleWidth(style, cell.cols);
      let cy = y;
      cell.items.forEach((it, k) => {
        const isLast = k === cell.items.length - 1;
        const cellBottom = y + h;
        if (it.kind === "filler") {
          // A filler takes what is left of the cell.
          const rect = { x, y: cy, w, h: cellBottom - cy };
          const owner = `f:filler-${++fillerCount}`;
          furniture.set(owner, drawFiller(canvas, rect, info, d, owner, fillerKind(rect.h, d)));
          return;
        }
        const natural = naturalOf(it, style, cell.cols, cache);
        const rectH = isLast ? cellBottom - cy : natural;
        const rect = { x, y: cy, w, h: rectH };
        if (it.kind === "briefs") placeBriefs(it, rect, cell.cols);
        else placeStory(it, rect, cell.cols);
        cy += rectH + bandGap;
      });
      if (ci > 0) columnRule(canvas, x - gutter / 2, y, y + h, `f:rules`);
      x += w + gutter;
    });
    y += h;
    if (y + bandGap < bottom) bandRule(canvas, style, y + bandGap / 2, "f:rules");
    y += bandGap;
    first = false;
  }
  // Space left at the foot of the page: an ad across the columns.
  if (bottom - y >= FILLER_MIN) {
    const owner = `f:filler-${++fillerCount}`;
    furniture.set(owner, drawFiller(canvas, { x: left, y, w: grid(style).typeWidth, h: bottom - y }, info, d, owner, fillerKind(bottom - y, d)));
  }
  deferred.push(...queue);
  for (const r of canvas.runs) if (r.role === "stamp") furniture.set(r.owner, "stamp");

  function placeStory(item: StoryItem, rect: Rect, cols: number): void {
    const part = item.part;
    let target: number | null = null;
    const fits = naturalOf(item, style, cols, cache) <= rect.h + 0.5;
    // One continuation to a page: a page given two long ones could not hold both.
    const free = spec.jumpTargets.filter((p) => !continuations.some((c) => c.page === p));
    if (!fits && free.length > 0) target = free[d.chance(0.7) ? 0 : Math.min(free.length - 1, d.int(0, 2))] as number;
    const set = setModule(part, style, rect, cols, item.opt, target !== null ? style.jumpTo(target) : null);
    canvas.absorb(set.canvas);
    placements.push({ part, module: rect, set, jumpTo: set.cut && target !== null ? target : null, photos: set.printedPhotos });
    if (set.cut && target !== null) {
      const rest: StoryPart = {
        id: `${part.id.replace(/~\d+$/, "")}~${(Number(/~(\d+)$/.exec(part.id)?.[1] ?? 1) + 1)}`,
        kind: "continuation",
        kicker: null,
        title: style.continuationTitle ? (part.title ?? null) : null,
        subtitle: null,
        byline: null,
        blocks: remainderBlocks(part, set.cut),
        photos: [],
        jumpFromLine: style.jumpFrom(info.page),
        stampLine: part.stampLine,
        lead: false,
      };
      continuations.push({ part: rest, page: target });
    }
  }

  function placeBriefs(item: BriefsItem, rect: Rect, cols: number): void {
    const owner = `f:briefs-${item.id}`;
    furniture.set(owner, "label");
    drawBriefsFrame(canvas, rect, item.label, owner);
    const opt = briefOpt(style, cols);
    const heights = briefHeights(item, style, cols);
    let by = rect.y + BRIEFS_LABEL;
    item.parts.forEach((p, i) => {
      const r = { x: rect.x + BRIEF_PAD, y: by, w: opt.colWidth as number, h: heights[i] as number };
      const set = setModule(p, style, r, 1, opt, null);
      canvas.absorb(set.canvas);
      placements.push({ part: p, module: r, set, jumpTo: null, photos: 0 });
      by += r.h + 4;
    });
  }

  return { canvas, placements, furniture, continuations, deferred, frameOrder: frameOrder(canvas, placements, style, d) };
}

/**
 * The order frames are drawn in, which is the order pdf.js and `pdftotext -raw` read:
 * furniture first or last, stories roughly in make-up order with some swapped, and in
 * some stories the headline drawn after the body, or the subheads collected at the end.
 */
function frameOrder(canvas: Canvas, placements: readonly Placement[], style: HouseStyle, d: Dice): string[] {
  const storyFrames: string[][] = [];
  const order = [...placements];
  for (let i = 0; i + 1 < order.length; i++) if (d.chance(0.2)) [order[i], order[i + 1]] = [order[i + 1] as Placement, order[i] as Placement];
  const subheadsApart = new Set<string>();
  for (const p of order) {
    const f = p.set.frames;
    const late = d.chance(style.headlineAfterBody);
    const apart = d.chance(style.subheadsAfterBody);
    if (apart) subheadsApart.add(f.subheads);
    storyFrames.push(late ? [f.photos, f.body, f.subheads, f.headline] : [f.headline, f.photos, f.body, f.subheads]);
  }
  // Subheads that are not separate frames are drawn with the body, in reading order.
  for (const r of canvas.runs) if (r.role === "heading" && !subheadsApart.has(r.frame)) r.frame = r.frame.replace(/\/subheads$/, "/body");
  const all = new Set<string>();
  for (const r of canvas.runs) all.add(r.frame);
  for (const s of canvas.shapes) all.add(s.frame);
  const stories = storyFrames.flat();
  const storySet = new Set(stories);
  const furniture = [...all].filter((f) => !storySet.has(f));
  return d.chance(0.7) ? [...furniture, ...stories] : [...stories, ...furniture];
}
