import { parseLeadingByline, parseStandaloneByline } from "./byline";
import { endsSentence, hanCount } from "./chars";
import { parseJumpLine, parseLeadingJump } from "./jump";
import type { ReadLine } from "./reading";

/**
 * Text that an extractor's own reading-order analysis cut into blocks (`pdftotext` without
 * flags: each block a column piece or a headline, blank lines between blocks) can put the
 * blocks in a wrong order: a headline drawn among another story's columns lands between
 * two pieces of one of its paragraphs (read as two paragraphs with a headline between
 * them), far from the story it heads, which then opens with its byline and no headline.
 * On the lab's dev pages, headline blocks out of place cost far more than column pieces
 * out of order (with the short blocks put where the truth has them, every line labelled
 * right reads strictF1 0.78 instead of 0.65; with every block in place, 0.79).
 *
 * This step decides the order in which the blocks are read, without moving a character
 * (every line keeps its raw spans, so the nothing-lost invariant holds as for any text):
 *
 * - A column piece that stops mid-sentence at its column's edge goes on in the next block
 *   when that is a piece of the same width that starts mid-paragraph (a full line, or a
 *   short one finishing a sentence: a paragraph's first line is two ems short), or in the
 *   first such piece past a few headline-like blocks, which are then read out of the
 *   sentence: before the next continued story that has no headline (its first line is
 *   上接…), else after the paragraph they interrupted. It goes on past a photo's caption
 *   set between the two pieces as well (a few lines not of the column that finish their
 *   sentence or end with the credit), read after the story's pieces.
 * - A story that opens with its byline (本报讯…, 新华社…电, 本报记者…) with no headline over
 *   it takes the nearest headline-like block a few blocks before it that heads nothing
 *   where it stands (the block under it starts mid-paragraph), with any one- or two-line
 *   blocks right above that (its kicker).
 *
 * - A headline of two short phrases on one line (four to nine characters each) comes out
 *   as two blocks: the first phrase printed as the first line of the story's first piece,
 *   the second as a block of its own among the story's columns (between two pieces of a
 *   sentence, or over a caption); the second is read right after the first.
 *
 * - A headline-like block goes to the story whose lead shares most of its pairs of Han
 *   characters (a headline sums up its lead in the lead's words), when that lead shares
 *   more of them than the story under it does: where the page's headline blocks come out
 *   far from their stories, or a stack's subtitle far from its title.
 *
 * Chosen by what the text's form says, not by knowing the extractor: text of another form
 * (a paragraph a block, Markdown, side by side) reads as it is.
 *
 * Tried and left out: chaining a piece that stops mid-sentence to a piece further away
 * whose first character makes a word with its last one (a pair of characters the page
 * prints elsewhere): about half of such links were wrong, and the figures did not move.
 */
const isByline = (t: string) => !!(parseStandaloneByline(t) || parseLeadingByline(t));

type Block = {
  lines: ReadLine[];
  /** The column's width in ems: most of its lines are this wide. */
  width: number;
  /** Several lines wrapped at the column's width. */
  body: boolean;
  /** Stops mid-sentence at the column's edge. */
  openEnd: boolean;
  /** Starts with a full-width line: the middle of a paragraph. */
  openStart: boolean;
};

/** How many blocks back a story opening with its byline looks for its stranded headline. */
const CLAIM_REACH = 8;
/** How many blocks back a headline's stranded second phrase looks for its first. */
const PHRASE_REACH = 6;
/** The most characters of a headline's first phrase (two phrases share one line). */
const PHRASE_CHARS = 9;

const MID_SENTENCE = /[\u3400-\u9fff\uf900-\ufaff，、A-Za-z0-9]$/u;

/**
 * A line's width in ems as it was set: a Han character or a full-width mark fills one, a
 * Latin letter or digit half of one (a justified column's lines hold the same number of ems,
 * whatever mix of characters they have).
 */
function ems(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) continue;
    w += c < 0x80 ? 0.5 : 1;
  }
  return w;
}

const slack = (width: number) => Math.max(1.5, width * 0.1);
const fullWidth = (s: string, width: number) => Math.abs(ems(s) - width) <= slack(width);

function blockOf(lines: ReadLine[]): Block {
  const widths = lines.map((l) => ems(l.text)).sort((a, b) => a - b);
  const width = widths[widths.length >> 1] as number;
  const full = lines.filter((l) => fullWidth(l.text, width)).length;
  const body = lines.length >= 2 && full >= Math.max(2, lines.length * 0.6) && width >= 4;
  const first = (lines[0] as ReadLine).text;
  const last = (lines[lines.length - 1] as ReadLine).text;
  // The last line may be a paragraph's first, two ems in.
  const openEnd = body && lines.length >= 3 && MID_SENTENCE.test(last) && ems(last) >= width - Math.max(2.5, width * 0.1);
  const jump = parseJumpLine(first) ?? parseLeadingJump(first)?.jump;
  // A paragraph's middle (a full line) or its end (a short line that finishes a sentence).
  const openStart = body && !jump && (fullWidth(first, width) || (endsSentence(first) && ems(first) < width));
  return { lines, width, body, openEnd, openStart };
}

function blocksOf(lines: readonly ReadLine[]): Block[] {
  const runs: ReadLine[][] = [];
  for (const l of lines) {
    const cur = runs[runs.length - 1];
    if (!cur || l.blankBefore) runs.push([l]);
    else cur.push(l);
  }
  return runs.map(blockOf);
}

const sameColumn = (a: Block, b: Block) => Math.abs(a.width - b.width) <= slack(a.width);

/** A headline-like block: a few short lines, none a finished sentence, no jump line. */
function headlineLike(b: Block, width: number): boolean {
  if (b.lines.length > 3 || (b.body && sameColumn(b, { width } as Block))) return false;
  return b.lines.every((l) => !endsSentence(l.text) && !parseJumpLine(l.text) && ems(l.text) <= Math.max(width * 2.6, 20));
}

/**
 * A photo's caption set among a story's columns: a few lines that are not of the column
 * (shorter, or of another width) and finish their sentence or end with the photo's credit.
 */
function captionLike(b: Block, column: Block): boolean {
  const first = (b.lines[0] as ReadLine).text;
  if (b.lines.length > 4 || (b.body && sameColumn(b, column)) || fullWidth(first, column.width)) return false;
  const last = (b.lines[b.lines.length - 1] as ReadLine).text;
  return !parseJumpLine(first) && !isByline(first) && (endsSentence(last) || /(摄|供图)(（[^）]*）)?$/.test(last));
}

/**
 * A block right above another that can be its headline: headline-like, and not a photo's
 * credit (…摄, …供图) or an ad's marker (广告), which end what is above them.
 */
function headsBlock(b: Block, width: number): boolean {
  return headlineLike(b, width) && !/(摄|供图|广告)$/.test((b.lines[b.lines.length - 1] as ReadLine).text);
}

/** A block that opens a continued story with no headline: its first line is a 上接 jump. */
function opensContinuation(b: Block): boolean {
  const t = (b.lines[0] as ReadLine).text;
  const j = parseJumpLine(t) ?? parseLeadingJump(t)?.jump;
  return !!j && j.from !== null;
}

/**
 * Blocks cut by an extractor's reading order: several of them are column pieces that stop
 * mid-sentence (a paragraph broken at a column's foot), which a text whose blank lines
 * separate paragraphs hardly has.
 */
export function looksLikeColumnBlocks(lines: readonly ReadLine[]): boolean {
  const long = blocksOf(lines).filter((b) => b.lines.length >= 3);
  if (long.length < 4) return false;
  const broken = long.filter((b) => b.openEnd).length;
  return broken >= 3 && broken >= long.length * 0.25;
}

/**
 * A headline's phrase: a short line of words (four characters at least: shorter are names
 * and kickers like 一季度) that is no sentence, byline, subtitle, jump, credit or ad marker.
 */
function phraseLike(t: string, width: number): boolean {
  return (
    hanCount(t) >= 4 &&
    hanCount(t) >= t.length * 0.6 &&
    ems(t) <= Math.max(width * 2.6, 20) &&
    !endsSentence(t) &&
    !/[，、；：]$/.test(t) &&
    !/^[—-]/.test(t) &&
    !parseJumpLine(t) &&
    !isByline(t) &&
    !/^(本报|新华社|记者|通讯员)/.test(t) &&
    !/(摄|供图|广告)$/.test(t)
  );
}

/**
 * A story whose headline's first phrase pdftotext printed as the first line of its first
 * column piece (no blank line under it): a line well short of the column (a paragraph's
 * first line is two ems short) over a byline, or over the column's lines; not over another
 * headline line, nor a photo's caption (its credit …摄 ends it).
 */
function gluedHead(b: Block): boolean {
  if (b.lines.length < 2) return false;
  const head = (b.lines[0] as ReadLine).text;
  const second = (b.lines[1] as ReadLine).text;
  // A phrase is short (a title that fills its line alone is longer).
  if (!phraseLike(head, b.width) || hanCount(head) > PHRASE_CHARS || b.lines.some((l) => /摄$|摄（/.test(l.text))) return false;
  if (isByline(second)) return true;
  const column = blockOf(b.lines.slice(1));
  const headlineUnder = phraseLike(second, column.width) && ems(second) < column.width - 2.5 && hanCount(second) > 4;
  return column.body && ems(head) <= column.width * 0.7 && !headlineUnder;
}

/** A bare name of two or three characters (a commentary's author: 张天培, 雷　声). */
const authorName = (t: string) => /^[\u4e00-\u9fff](\s*[\u4e00-\u9fff]){1,2}$/u.test(t);

/**
 * A story's first piece that opens with its title (a line or two, no sentence) right over
 * its byline: pdftotext printed the title with the column under it.
 */
function titledPiece(b: Block): boolean {
  const at = b.lines.findIndex((l) => isByline(l.text));
  return at >= 1 && at <= 2 && b.lines.length > at + 1 && b.lines.slice(0, at).every((l) => !endsSentence(l.text) && !/[，、；：]$/.test(l.text) && hanCount(l.text) >= 4);
}

/**
 * A headline's phrase that pdftotext printed as a block of its own among its story's
 * columns: one line that heads nothing where it stands (the next piece, past a caption,
 * starts mid-paragraph).
 */
function strandedPhrase(blocks: Block[], h: number): boolean {
  const b = blocks[h] as Block;
  if (b.lines.length !== 1 || h === 0) return false;
  let u = h + 1;
  // A caption (a short block that ends its sentence) between the phrase and the piece.
  if (u < blocks.length && !(blocks[u] as Block).body && (blocks[u] as Block).lines.length <= 2 && endsSentence(((blocks[u] as Block).lines.at(-1) as ReadLine).text)) u++;
  const under = blocks[u];
  // One phrase: a line with a gap in it is a whole headline (or an ad's slogan).
  const t = (b.lines[0] as ReadLine).text;
  return !!under && under.openStart && !/\s/.test(t) && phraseLike(t, under.width);
}

/** Pairs of adjacent Han characters of a text (a headline's words, a lead's). */
function hanPairs(s: string): Set<string> {
  const out = new Set<string>();
  const han = s.replace(/[^\u3400-\u9fff\uf900-\ufaff]+/gu, "|");
  for (let i = 0; i + 1 < han.length; i++) if (han[i] !== "|" && han[i + 1] !== "|") out.add(han.slice(i, i + 2));
  return out;
}

/** The share of a headline's pairs found in a text. */
function shared(head: Set<string>, text: Set<string>): number {
  if (head.size === 0) return 0;
  let n = 0;
  for (const p of head) if (text.has(p)) n++;
  return n / head.size;
}

/** Characters of a story's lead compared with a headline. */
const LEAD_CHARS = 300;
/** Share of a headline's character pairs its lead must have (a third: a headline also has words of its own). */
const LEAD_SHARE = 0.3;
/** Share a kicker stranded far from a title printed over its byline must find in that story's lead. */
const KICKER_SHARE = 0.5;

/**
 * A headline sums up its story's lead in the lead's own words: a headline line stranded
 * elsewhere on the page (pdftotext reads a page's headline blocks in an order of their
 * own) shares many of its pairs of characters with the first sentences of the story it
 * heads, and fewer with the story it stands over. Where a story can open (a byline, or a
 * paragraph's first line that goes on from no piece and has no headline over it), it takes
 * the headline-like blocks whose pairs its lead has (a third of them at least, and more
 * than the lead of the story under them has: a subhead shares its section's words), each
 * going to the story whose lead has most of them, read right before that story (after a
 * headline it already has); a subtitle (——…) goes after the others. A headline wrapped on
 * two lines of one width is a headline still, and a commentary opens at its author's bare
 * name (张天培, over its first paragraph). A title printed over its byline in the story's
 * first piece takes only its kicker (one line of words, half its pairs in the lead), read
 * before the title.
 */
function claimByLead(
  blocks: Block[],
  s: { movable: (h: number) => boolean; before: Map<number, number[]>; placed: Set<number>; next: number[]; prev: number[] },
): void {
  const n = blocks.length;
  const textOf = (i: number) => (blocks[i] as Block).lines.map((l) => l.text).join("");
  // A story's lead: its block and the ones it goes on in.
  const lead = (i: number) => {
    let t = "";
    for (let k = i; k >= 0 && k < n && t.length < LEAD_CHARS; k = (s.next[k] as number) >= 0 ? (s.next[k] as number) : k + 1) {
      if (k !== i && headlineLike(blocks[k] as Block, (blocks[i] as Block).width)) break;
      t += textOf(k);
    }
    return hanPairs(t.slice(0, LEAD_CHARS));
  };
  // Where a story can open: a byline (under its headline or not), or a paragraph's first
  // line that goes on from no piece and has no headline over it.
  // Or a title printed over its byline in the story's first piece (no blank line between):
  // its kicker can be stranded elsewhere, read then before the title (a subtitle is not).
  const openers: number[] = [];
  const titled = new Set<number>();
  for (let k = 1; k < n; k++) {
    const b = blocks[k] as Block;
    if (s.before.has(k)) continue;
    const first = (b.lines[0] as ReadLine).text;
    // A commentary's author, a bare name over its first paragraph (a block of its own or
    // the piece's first line).
    if (authorName(first) && (b.lines.length === 1 ? k + 1 < n && (blocks[k + 1] as Block).body && !(blocks[k + 1] as Block).openStart : b.body)) {
      openers.push(k);
      continue;
    }
    if (b.body && (isByline(first) || (!b.openStart && (s.prev[k] as number) < 0 && !headlineLike(blocks[k - 1] as Block, b.width)))) openers.push(k);
    else if (titledPiece(b)) {
      openers.push(k);
      titled.add(k);
    }
  }
  if (openers.length === 0) return;
  const leads = new Map(openers.map((k) => [k, lead(k)]));
  const claims = new Map<number, number[]>();
  for (let h = 0; h < n; h++) {
    const hb = blocks[h] as Block;
    if (!s.movable(h) || (hb.body && hb.lines.length > 2) || hb.lines.length > 3 || !hb.lines.every((l) => !endsSentence(l.text) && !parseJumpLine(l.text) && !isByline(l.text))) continue;
    const pairs = hanPairs(textOf(h));
    if (pairs.size < 3) continue;
    // The story it stands over: the first block under it that is not headline-like.
    let u = h + 1;
    while (u < n && !(blocks[u] as Block).body) u++;
    const here = u < n ? shared(pairs, lead(u)) : 0;
    let best = -1;
    let bestShare = Math.max(LEAD_SHARE, here);
    // A kicker: one line of words (no date, number or address of a masthead, no source line
    // 《…》, no ad marker), six characters at least.
    const kt = textOf(h);
    const kicker = hb.lines.length === 1 && hanCount(kt) >= 6 && !/[0-9A-Za-z０-９]/.test(kt) && !/^[—-《]/.test(kt) && !/(广告|）)$/.test(kt);
    for (const k of openers) {
      if (k === u || (titled.has(k) && !kicker)) continue;
      const share = shared(pairs, leads.get(k) as Set<string>);
      if (share > bestShare && (!titled.has(k) || share >= KICKER_SHARE)) {
        best = k;
        bestShare = share;
      }
    }
    if (best < 0) continue;
    const list = claims.get(best) ?? [];
    list.push(h);
    claims.set(best, list);
  }
  for (const [k, heads] of claims) {
    const subtitle = (h: number) => (/^[—-]/.test(textOf(h)) ? 1 : 0);
    heads.sort((a, b) => subtitle(a) - subtitle(b) || a - b);
    for (const h of heads) s.placed.add(h);
    s.before.set(k, heads);
  }
}

/** The lines in the order the blocks are read (the same lines, each once). */
export function orderColumnBlocks(lines: readonly ReadLine[]): ReadLine[] {
  const blocks = blocksOf(lines);
  const n = blocks.length;
  const next = new Array<number>(n).fill(-1);
  const prev = new Array<number>(n).fill(-1);
  const chainStart = (i: number) => {
    while (prev[i] as number >= 0) i = prev[i] as number;
    return i;
  };
  const link = (i: number, j: number) => {
    next[i] = j;
    prev[j] = i;
  };
  const free = (i: number, j: number) => (next[i] as number) < 0 && (prev[j] as number) < 0 && chainStart(i) !== j && sameColumn(blocks[i] as Block, blocks[j] as Block);
  // Headline-like blocks lifted out of a sentence.
  const lifted: number[] = [];
  // 1. The next block goes on, or the first body block past a few headline-like ones.
  for (let i = 0; i < n; i++) {
    const a = blocks[i] as Block;
    if (!a.openEnd) continue;
    let j = i + 1;
    while (j < n && j - i <= 3 && (headlineLike(blocks[j] as Block, a.width) || captionLike(blocks[j] as Block, a))) j++;
    if (j < n && (blocks[j] as Block).openStart && free(i, j)) {
      link(i, j);
      for (let k = i + 1; k < j; k++) if (!captionLike(blocks[k] as Block, a)) lifted.push(k);
    }
  }
  // Blocks read before another one (a headline before the story it heads), and so not where they stand.
  const before = new Map<number, number[]>();
  const placed = new Set<number>();
  const movable = (h: number) => !placed.has(h) && (next[h] as number) < 0 && (prev[h] as number) < 0;
  // A lifted headline heads the next continued story that has none.
  for (const h of lifted) {
    if (!movable(h)) continue;
    for (let k = h + 1; k < n; k++) {
      const b = blocks[k] as Block;
      if (opensContinuation(b) && !before.has(k) && !headlineLike(blocks[k - 1] as Block, b.width)) {
        before.set(k, [h]);
        placed.add(h);
        break;
      }
    }
  }
  // A headline's second phrase, stranded among its story's columns, goes on from its first,
  // printed over the story's first piece: the nearest such head a few blocks before it,
  // not past another story's byline.
  const within = new Map<number, number[]>();
  for (let h = 1; h < n; h++) {
    if (!movable(h) || !strandedPhrase(blocks, h)) continue;
    for (let g = h - 1; g >= 0 && g >= h - PHRASE_REACH; g--) {
      const head = blocks[g] as Block;
      if (isByline((head.lines[0] as ReadLine).text)) break;
      if (!gluedHead(head)) continue;
      if (!within.has(g)) {
        within.set(g, [h]);
        placed.add(h);
      }
      break;
    }
  }
  // A stranded headline goes to the story whose lead shares most of its character pairs.
  claimByLead(blocks, { movable, before, placed, next, prev });
  // A story that opens with its byline and no headline over it takes a stranded headline.
  for (let k = 1; k < n; k++) {
    const b = blocks[k] as Block;
    const t = (b.lines[0] as ReadLine).text;
    if (!(parseStandaloneByline(t) || parseLeadingByline(t)) || before.has(k) || headsBlock(blocks[k - 1] as Block, b.width)) continue;
    for (let h = k - 2; h >= 0 && h >= k - CLAIM_REACH; h--) {
      if (!movable(h) || !headlineLike(blocks[h] as Block, b.width)) continue;
      // It heads nothing where it stands: the block under it starts mid-paragraph.
      if (!(blocks[h + 1] as Block).openStart && (prev[h + 1] as number) < 0) continue;
      let from = h;
      while (from > 0 && movable(from - 1) && headlineLike(blocks[from - 1] as Block, b.width) && (blocks[from - 1] as Block).lines.length <= 2) from--;
      const heads: number[] = [];
      for (let x = from; x <= h; x++) {
        heads.push(x);
        placed.add(x);
      }
      before.set(k, heads);
      break;
    }
  }
  const out: ReadLine[] = [];
  const done = new Uint8Array(n);
  const emit = (i: number) => {
    for (const h of before.get(i) ?? []) emitOne(h);
    emitOne(i);
  };
  const emitOne = (i: number) => {
    if (done[i]) return;
    done[i] = 1;
    const [first, ...rest] = (blocks[i] as Block).lines;
    out.push(first as ReadLine);
    for (const h of within.get(i) ?? []) emitOne(h);
    out.push(...rest);
  };
  for (let i = 0; i < n; i++) {
    if (done[i] || placed.has(i)) continue;
    if ((prev[i] as number) >= 0) continue; // read with the piece it goes on from
    for (let k = i; k >= 0; k = next[k] as number) emit(k);
  }
  // Every block is read once: a chain is never a loop, so none is left here; this is the net.
  for (let i = 0; i < n; i++) if (!done[i]) emit(i);
  return out;
}

/** How many lines of a block of side-by-side stories' columns hold its first printed row. */
const FIRST_ROW = 8;
/** The fewest lines of a block looked at for side-by-side stories: more than its first printed row (FIRST_ROW) holds. */
const SIDE_BY_SIDE_LINES = 12;
/** How many lines further a column line's next line can be printed (one a column between). */
const NEXT_REACH = 6;
/** Characters of a story's opening that are followed to compare with the headlines. */
const OPENING_CHARS = 60;
/** Share of a headline's character pairs the opening it is given must have (an opening's first 60 characters are few). */
const OPENING_SHARE = 0.12;
/** What an opening printed a line later in the first row weighs against a headline's share of pairs. */
const EARLIER = 0.1;
/** The most lines of a column followed from its opening. */
const COLUMN_LINES = 8;

/** A dateline or a byline a story opens with: 本报西宁5月10日电, 新华社北京5月18日电全, 本报记者… */
const opensWithByline = (t: string) => isByline(t) || /^(本报|新华社)[^，。]{0,14}电/.test(t);

/** A paragraph's first line: two ems short of the column (its part before a gap, when two columns' lines were joined). */
function paragraphFirst(t: string, width: number): boolean {
  const part = ems(t) > width * 1.6 && /\S \S/u.test(t) ? t.slice(0, t.search(/\S \S/u) + 1) : t;
  return Math.abs(ems(part) - (width - 2)) <= 0.6 || (/^[“「《]/u.test(part) && !endsSentence(part));
}

/** How many times the page prints a pair of Han characters (within a line). */
type PairCount = (a: string, b: string) => number;

/**
 * Han pairs counted on the page (within lines): a word broken across two lines is one the
 * page prints elsewhere too. Counted on first use (most pages have no side-by-side stories).
 */
function pairCounter(lines: readonly ReadLine[]): PairCount {
  let counts: Map<string, number> | null = null;
  return (a, b) => {
    if (!counts) {
      counts = new Map<string, number>();
      for (const l of lines) for (const p of hanPairs(l.text)) counts.set(p, (counts.get(p) ?? 0) + 1);
    }
    return counts.get(a + b) ?? 0;
  };
}

/**
 * The flat tabloid sets two or three stories side by side on one grid with no gutter its
 * extractor sees: `pdftotext` prints their headlines first, one block each, then every
 * column of every story in one block, line by line across the page (a line of story A's
 * first column, one of B's, one of A's second column…). Read as printed, the headlines
 * make one stack and the stories one body. The stories' first lines are in the block's
 * first printed row (every column starts at its top); each story opens with a dateline or
 * byline (本报西宁5月10日电) or a paragraph's first line (two ems short), and its column's
 * next line is printed a few lines further on: the first that goes on from it (a word
 * across the break that the page prints elsewhere, not a paragraph's first line after a
 * line that stops mid-sentence; the columns come round in turn, so as many lines on as
 * the last step). Each headline (a kicker ending in a dash or a subtitle opening with one
 * is its title's) takes the opening whose first sentences share most of its pairs of
 * characters (a headline sums up its lead), the earlier of two close ones (a story's first
 * column is left of its others, so printed first in the row), and is read right before it,
 * the opening's lines after it; the block's other lines are read after the last story's
 * opening, in the order printed. Two stories at least must be found so. No line is moved
 * or split: only the order in which they are read changes. Measured (every fifth dev page,
 * every line labelled from the truth): strictF1 0.752 → 0.760, stackExact 0.765 → 0.782;
 * pages 1, 6, 11, … 0.668 → 0.676; pages 2, 7, 12, … 0.713 → 0.712. Tried and not kept:
 * dealing the whole block's lines into 2–4 columns by the same cues (one wrong line sends
 * a column astray: 0.752 → 0.702, or 0.728 under side-by-side headlines only), openings
 * further down the block, a paragraph's last line as an opening, one story alone.
 */
export function readSideBySideStories(lines: ReadLine[]): ReadLine[] {
  const blocks = blocksOf(lines);
  const pairCount = pairCounter(lines);
  const out: ReadLine[] = [];
  // The first block not read yet.
  let i = 0;
  for (let j = 0; j < blocks.length; j++) {
    const group = sideBySide(blocks, j, i, pairCount);
    if (!group) continue;
    for (; i < group.from; i++) out.push(...(blocks[i] as Block).lines);
    // A running head among the headlines, and a headline given no opening, as printed.
    for (let k = group.from; k < j; k++) if (!group.read.has(k)) out.push(...(blocks[k] as Block).lines);
    for (const ls of group.reading) out.push(...ls);
    i = j + 1;
  }
  if (i === 0) return lines;
  for (; i < blocks.length; i++) out.push(...(blocks[i] as Block).lines);
  return out;
}

/** A body block's side-by-side stories: from its first headline block, the headline blocks given an opening, their reading. */
type SideBySide = { from: number; read: Set<number>; reading: ReadLine[][] };

/** The headlines over block `j` (none before block `first`) and the order its stories are read in, when `j` holds side-by-side stories. */
function sideBySide(blocks: Block[], j: number, first: number, pairCount: PairCount): SideBySide | null {
  const b = blocks[j] as Block;
  if (!b.body || b.lines.length < SIDE_BY_SIDE_LINES) return null;
  const { heads, from } = headlinesOver(blocks, j, first);
  const stacks = stacksOf(blocks, heads);
  if (stacks.length < 2) return null;
  const ls = b.lines;
  const openings = openingsOf(ls, b.width);
  if (openings.length < 2) return null;
  const columns = columnsOf(ls, openings, b.width, pairCount);
  const stackTexts = stacks.map((s) => s.flatMap((k) => (blocks[k] as Block).lines.map((l) => l.text)).join(""));
  const given = matchHeadlines(stackTexts, openings, columns, ls);
  if (given.size < 2) return null;
  const read = new Set<number>();
  const reading: ReadLine[][] = [];
  const matched = stacks.map((_, h) => h).filter((h) => given.has(h));
  matched.forEach((h, n) => {
    const col = columns.get(given.get(h) as number) as number[];
    for (const x of col) read.add(x);
    const body = col.map((x) => ls[x] as ReadLine);
    // The last story's opening is followed by the block's other lines, as printed.
    if (n === matched.length - 1) body.push(...ls.filter((_, x) => !read.has(x)));
    // Each story's lines are read as a block of their own: copies with a blank line before
    // the first alone (the lines given stay as they are).
    reading.push(
      (stacks[h] as number[]).flatMap((k) => (blocks[k] as Block).lines),
      body.map((l, k) => ({ ...l, blankBefore: k === 0 })),
    );
  });
  return { from, read: new Set(matched.flatMap((h) => stacks[h] as number[])), reading };
}

/**
 * The headline blocks right above block `j` (none before block `first`), and the first
 * block of the lot: a running head printed among them (a line with the date) is passed
 * over, read where it stands.
 */
function headlinesOver(blocks: Block[], j: number, first: number): { heads: number[]; from: number } {
  const width = (blocks[j] as Block).width;
  const heads: number[] = [];
  let from = j;
  for (let k = j - 1; k >= first; k--) {
    const h = blocks[k] as Block;
    const t = (h.lines[0] as ReadLine).text;
    if (h.lines.length === 1 && /\d{4}年\d{1,2}月\d{1,2}日/.test(t)) {
      from = k;
      continue;
    }
    if (h.lines.length > 4 || !h.lines.every((l) => phraseLike(l.text, width) || /^[—-]/.test(l.text) || /[—-]$/.test(l.text))) break;
    heads.unshift(k);
    from = k;
  }
  return { heads, from };
}

/**
 * Headline blocks as stories' stacks: pdftotext prints one story's stack as several blocks,
 * a kicker ending in a dash over its title, a subtitle opening with one under it.
 */
function stacksOf(blocks: Block[], heads: readonly number[]): number[][] {
  const stacks: number[][] = [];
  for (const h of heads) {
    const last = stacks[stacks.length - 1];
    const prev = last?.[last.length - 1];
    const dash = prev !== undefined && prev === h - 1 && (/[—-]$/.test(((blocks[prev] as Block).lines.at(-1) as ReadLine).text) || /^[—-]/.test(((blocks[h] as Block).lines[0] as ReadLine).text));
    if (last && dash) last.push(h);
    else stacks.push([h]);
  }
  return stacks;
}

/** Where a story can open: a line of the block's first printed row (every column starts at its top) that opens with a dateline or byline, or a paragraph's first line. */
function openingsOf(ls: readonly ReadLine[], width: number): number[] {
  const openings: number[] = [];
  for (let k = 0; k < Math.min(FIRST_ROW, ls.length); k++) {
    const t = (ls[k] as ReadLine).text;
    if (opensWithByline(t) || paragraphFirst(t, width)) openings.push(k);
  }
  return openings;
}

/**
 * Every opening's column (see followColumn), datelines and bylines first: theirs is the
 * surest column, and a line goes to the first column that reaches it (none takes another
 * opening or a line an earlier column took).
 */
function columnsOf(ls: readonly ReadLine[], openings: readonly number[], width: number, pairCount: PairCount): Map<number, number[]> {
  const isOpening = new Set(openings);
  const used = new Set<number>();
  const byline = (c: number) => opensWithByline((ls[c] as ReadLine).text);
  const columns = new Map<number, number[]>();
  for (const c of [...openings.filter(byline), ...openings.filter((c) => !byline(c))]) {
    const col = followColumn(ls, c, width, (d) => used.has(d) || isOpening.has(d), pairCount);
    for (const x of col) used.add(x);
    columns.set(c, col);
  }
  return columns;
}

/**
 * An opening's column, followed down the block until it holds a lead's first sentences
 * (what a headline is compared with): the columns' lines are printed in turn across the
 * page, so each of its lines is a few lines under the one before (see nextInColumn).
 */
function followColumn(ls: readonly ReadLine[], c: number, width: number, taken: (d: number) => boolean, pairCount: PairCount): number[] {
  const col = [c];
  let chars = hanCount((ls[c] as ReadLine).text);
  let step = 0;
  while (chars < OPENING_CHARS && col.length < COLUMN_LINES) {
    const at = col[col.length - 1] as number;
    const next = nextInColumn(ls, at, step, width, taken, pairCount);
    if (next < 0) break;
    step = next - at;
    col.push(next);
    chars += hanCount((ls[next] as ReadLine).text);
  }
  return col;
}

/**
 * The line that goes on from line `at` of a column, a few lines further on (the other
 * columns' lines between), or -1. It is no line `taken`, no dateline or byline; after a
 * finished sentence a paragraph's first line (or a full one), mid-sentence anything but a
 * paragraph's first line. Of those, the one that scores most: the reporter's name in
 * brackets under a dateline (…电, then （记者…）) 3, as many lines on as the last `step`
 * (the columns come round in turn) 2, a word across the break that the page prints
 * elsewhere 1; the nearest of equals.
 */
function nextInColumn(ls: readonly ReadLine[], at: number, step: number, width: number, taken: (d: number) => boolean, pairCount: PairCount): number {
  const cur = (ls[at] as ReadLine).text;
  const ended = endsSentence(cur);
  let next = -1;
  let best = -Infinity;
  for (let d = at + 1; d < ls.length && d <= at + NEXT_REACH; d++) {
    if (taken(d)) continue;
    const t = (ls[d] as ReadLine).text;
    if (opensWithByline(t) || (ended ? !paragraphFirst(t, width) && !fullWidth(t, width) : paragraphFirst(t, width))) continue;
    const word = !ended && /[\u3400-\u9fff]$/u.test(cur) && pairCount(cur.slice(-1), t.slice(0, 1)) > 0;
    const reporter = /电$/.test(cur) && /^[（(]/.test(t);
    const score = (reporter ? 3 : 0) + (word ? 1 : 0) + (d - at === step ? 2 : 0) - (d - at) * 0.01;
    if (score > best) {
      best = score;
      next = d;
    }
  }
  return next;
}

/**
 * Each headline stack's opening, by the stacks' text: the opening whose column shares most
 * of its pairs of characters (a headline sums up its lead), the best pairs given first, an
 * opening to one stack.
 */
function matchHeadlines(stackTexts: readonly string[], openings: readonly number[], columns: Map<number, number[]>, ls: readonly ReadLine[]): Map<number, number> {
  const candidates: { h: number; c: number; score: number }[] = [];
  stackTexts.forEach((stackText, h) => {
    const pairs = hanPairs(stackText);
    for (const c of openings) {
      const share = shared(pairs, hanPairs((columns.get(c) as number[]).map((x) => (ls[x] as ReadLine).text).join("")));
      // A story's first column is left of its others: of its openings in the first row, its
      // first line is printed first.
      if (share >= OPENING_SHARE) candidates.push({ h, c, score: share - c * EARLIER });
    }
  });
  candidates.sort((x, y) => y.score - x.score || x.h - y.h || x.c - y.c);
  const given = new Map<number, number>();
  const opened = new Set<number>();
  for (const { h, c } of candidates) {
    // (Columns share no line, columnsOf sees to it: an opening is one story's.)
    if (given.has(h) || opened.has(c)) continue;
    given.set(h, c);
    opened.add(c);
  }
  return given;
}
