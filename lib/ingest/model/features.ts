import { BYLINE_ROLE_WORDS, parseLeadingByline, parseStandaloneByline, parseTrailingByline } from "../byline";
import { displayWidth, endsSentence, hanCount } from "../chars";
import { parseJumpLine, parseLeadingJump, parseTrailingJump } from "../jump";
import type { Reading, ReadLine } from "../reading";
import { PagePairs } from "./pairs";

/**
 * What the labeller knows about each line: named binary features, computed from the
 * line's own text and form, its neighbours', and the page's. They include today's rules
 * (byline and jump grammars, cue phrases, sentence ends, column widths) as evidence the
 * weights can trust or not, and stay paper-neutral: no feature names a paper, a person
 * or a date.
 */

const STAMP = /^《[^》]{2,12}》[（(]\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*第\s*\d+\s*版\s*[)）]$/;
const DATE = /\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[-./]\d{1,2}[-./]\d{1,2}/;
const WEEKDAY = /星期[一二三四五六日天]|周[一二三四五六日]/;
const PAGE_NO = /第\s*[0-9０-９一二三四五六七八九十]{1,3}\s*版|第\s*\d+\s*页|^\d{1,2}\s/;
const EDITOR = /责编|责任编辑|编辑|美编|校对|版式|审读|组版|值班/;
const EPAPER = /数字报|上一版|下一版|返回目录|PDF下载|电子版/;
const URL = /https?:\/\/|www\.|\.cn\b|\.com\b/;
const MASTHEAD = /主办|出版|准印证|总第\s*\d+\s*期|今日\s*\d+\s*版|农历|天气|邮发代号|连续出版物号|CN\s?\d{2}-\d{4}|免费赠阅|国内统一/;
const AD = /广告|热线|电话|地址|招聘|公告|遗失|声明作废|作废|优惠|咨询|订阅|欢迎/;
const KICKER_CUE = /(时指出|时强调|时表示|时要求|时提出|时说|时称|指出|强调|表示|要求)$/;
const SUBTITLE_CUE = /^[—–-]{1,2}/;
const PAREN_TAIL = /[（(][^（）()]{2,20}[)）]$/;
const NAME_ONLY = /^[\u3400-\u9fff]{2,4}$/;
const NUMBERED = /^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[.、．]\s?\D)/;
const CAPTION_CUE = /图为|摄[)）]?$|供图|资料图片|视觉中国|人民视觉|新华社发|图片来源|本报记者.{1,8}摄/;
const CREDIT = /[（(](新华社|本报|记者|通讯员|摄影).{0,16}[)）]$/;
const CLOSING = /(参加|出席|参与|陪同)[^，。；]{0,10}。$|[(（]完[)）]$/;
const LEAD_PREFIX = /^(核心提示|导语|编者按)[：:]/;
const STRAY = /^([A-Z])\1{0,2}$/;
// A byline's role words, and the credits printed without one (张三 摄, 文/张三, 图／李四).
const ROLE_WORD = new RegExp(`${BYLINE_ROLE_WORDS.join("|")}|摄|[文图][/／]`);
const NEWS_SOURCE = /^(本报讯|本报|新华社|中新社|人民日报|据新华社|[\u3400-\u9fff]{2,6}(日报|晚报|报|网)讯?)/;
const DATELINE = /^据?(新华社|中新社|本报)[\u3400-\u9fff]{0,8}\d{1,2}月\d{1,2}日电/;
// A dateline wrapped over two lines (新华社亚的斯亚贝巴5月 / 9日电（记者…）…): its head, and its tail.
const DATELINE_HEAD = /^据?(新华社|中新社|本报)[\u3400-\u9fff]{1,10}(\d{1,2}月?)?$/;
const DATELINE_TAIL = /^(\d{1,2}月)?\d{0,2}日?电/;
// An author by office rather than by name (新华社评论员, 本报评论员, 本报特约评论员).
const COMMENTATOR = /^(本报|新华社|[\u3400-\u9fff]{2,6}报)?(特约)?评论员$|^本报评论部$/;
const BULLET = /^[■●◆▲★□○◎•·]/;
const OPEN_QUOTE = /^[“"‘「『《（(【]/;

const bucket = (x: number, edges: readonly number[]): number => {
  let k = 0;
  while (k < edges.length && x >= (edges[k] as number)) k++;
  return k;
};
const LEN_EDGES = [2, 3, 4, 5, 7, 9, 11, 13, 16, 20, 25, 31, 41, 61, 101, 201];
const RATIO_EDGES = [0.15, 0.3, 0.45, 0.6, 0.75, 0.88, 0.96, 1.04, 1.15, 1.4, 2, 3];
// The other buckets' edges, made once rather than as an array literal on every line.
const INDENT_EDGES = [1, 2, 4, 6];
const INDENT_EDGES_SHORT = [1, 2, 4];
const JOIN_EDGES = [1, 2, 4];
const REL_EDGES = [0.3, 0.6, 0.85, 1.15, 1.6, 3];
const SINCE_HEAD_EDGES = [1, 2, 3, 5, 10, 30, 100];
const SIZE_EDGES = [0];
const SHIFT_EDGES = [0.6, 0.8, 0.92, 1.08, 1.25, 1.6];
const HL_REL_EDGES = [0.5, 0.8, 1.25, 2];
const AFFINITY_EDGES = [0.05, 0.15, 0.3, 0.5];
const COHESION_EDGES = [0.02, 0.05, 0.08, 0.12, 0.2];

function charClass(ch: string | undefined): string {
  if (!ch) return "none";
  const c = ch.codePointAt(0) as number;
  if (c >= 0x3400 && c <= 0x9fff) return "han";
  if (c >= 0x30 && c <= 0x39) return "dig";
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return "lat";
  if ("。！？；".includes(ch)) return "end";
  if ("，、：".includes(ch)) return "mid";
  if ("”’」』》）)】".includes(ch)) return "close";
  if ("“‘「『《（(【".includes(ch)) return "open";
  if ("—…-".includes(ch)) return "dash";
  return "oth";
}

/** Per line descriptors, computed once and shared by the line and its neighbours. */
type Shape = {
  /** The byline grammar reads the whole line as a byline; the jump grammar as a jump line (下转/上接). */
  ruleByline: boolean;
  ruleJump: { to: number | null; from: number | null } | null;
  /** A byline printed after the last sentence (the byline grammar's trailing form). */
  ruleTrailing: boolean;
  /** The tests that both the line's cue and its own features read (each run once). */
  roleWord: boolean;
  dateline: boolean;
  nameOnly: boolean;
  len: number;
  ratio: number;
  ends: boolean;
  headlineLike: boolean;
  byline: boolean;
  jump: boolean;
  blankBefore: boolean;
  level: number;
  lenB: number;
  ratioB: number;
  /** Display width (Han characters count 1). */
  width: number;
};

function shapeOf(l: ReadLine, column: number, width: number): Shape {
  const t = l.text;
  const len = t.length;
  const ratio = column > 0 ? width / column : 1;
  // A byline printed after the last sentence (…之果”。 文/赵敏) closes the paragraph.
  const trailing = len > 4 ? parseTrailingByline(t) : null;
  const ends = trailing ? true : endsSentence(t);
  // The grammars only fit short lines: a body line is not worth their regular expressions.
  const ruleByline = len <= 60 && parseStandaloneByline(t) !== null;
  const ruleJump = len <= 20 ? parseJumpLine(t) : null;
  const roleWord = ROLE_WORD.test(t);
  return {
    ruleByline,
    ruleJump,
    ruleTrailing: trailing !== null,
    roleWord,
    dateline: DATELINE.test(t),
    nameOnly: NAME_ONLY.test(t),
    len,
    ratio,
    ends,
    headlineLike: len >= 2 && len <= 40 && !/[。！？；]/.test(t) && !/[，、：:]$/.test(t),
    byline: ruleByline || (len <= 30 && roleWord && !/[。，]/.test(t)),
    jump: ruleJump !== null,
    blankBefore: l.blankBefore,
    level: l.level,
    lenB: bucket(len, LEN_EDGES),
    ratioB: bucket(ratio, RATIO_EDGES),
    width,
  };
}

/** The typical body line's width on this page: the 75th percentile of line widths (`widths`: each line's display width). */
function columnWidth(lines: readonly ReadLine[], widths: Float64Array): number {
  const ws: number[] = [];
  lines.forEach((l, j) => {
    if (l.text.length >= 4) ws.push(widths[j] as number);
  });
  if (ws.length === 0) return 0;
  ws.sort((a, b) => a - b);
  return ws[Math.floor(ws.length * 0.75)] as number;
}

const isHan = (c: number) => c >= 0x3400 && c <= 0x9fff;

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** The width in code units of the character at i / of the one ending at e. */
const widthAt = (t: string, i: number) => (isHigh(t.charCodeAt(i)) && i + 1 < t.length && isLow(t.charCodeAt(i + 1)) ? 2 : 1);
const widthBefore = (t: string, e: number) => (e >= 2 && isLow(t.charCodeAt(e - 1)) && isHigh(t.charCodeAt(e - 2)) ? 2 : 1);

/**
 * A line's first two and last two characters, as `[...t]` gives them (a surrogate pair is
 * one), and how many it has (3: three or more), without splitting the whole line into an
 * array of one-character strings (a tenth of what the engine allocated).
 */
function edgeChars(t: string): { first?: string; second?: string; penult?: string; last?: string; count: number } {
  const n = t.length;
  if (n === 0) return { count: 0 };
  const w0 = widthAt(t, 0);
  const first = t.slice(0, w0);
  if (w0 === n) return { first, last: first, count: 1 };
  const w1 = widthAt(t, w0);
  const second = t.slice(w0, w0 + w1);
  if (w0 + w1 === n) return { first, second, penult: first, last: second, count: 2 };
  const e = n - widthBefore(t, n);
  return { first, second, penult: t.slice(e - widthBefore(t, e), e), last: t.slice(e), count: 3 };
}

/**
 * How much a short line shares with the text around it: a title shares words with its
 * own lead. The share of its character pairs found in the next (or previous) 240
 * characters of running text.
 */
function affinity(lines: readonly ReadLine[], pairs: PagePairs, prose: Uint8Array, i: number, dir: 1 | -1): number {
  // The lines read: from the first line of running text (short lines right beside it are
  // skipped) until 240 characters are read. At most 60 lines away: a long run of short
  // lines (a list of names, a table) would otherwise make every line of it scan the whole
  // run, quadratic in its length.
  let first = -1;
  let last = -1;
  let chars = 0;
  for (let j = i + dir, seen = 0; j >= 0 && j < lines.length && chars < 240 && seen < 60; j += dir, seen++) {
    if (!prose[j] && chars === 0) continue;
    if (first < 0) first = j;
    last = j;
    chars += (lines[j] as ReadLine).text.length;
  }
  return first < 0 ? pairs.shareFound(i, 1, 0) : pairs.shareFound(i, Math.min(first, last), Math.max(first, last));
}

/**
 * How much the text from line i on shares its words with the text just above it: the share
 * of the character pairs of the next 120 characters found in the 240 before. A story that
 * opens with its body (its headline printed below it, or lost) shares few with the story
 * above: under 0.05 at three quarters of such openings on the lab's dev pages, against a
 * fifth of the paragraphs that go on with their own story. Null at the first line (nothing above).
 */
function cohesion(lines: readonly ReadLine[], pairs: PagePairs, i: number): number | null {
  let hi = i;
  for (let chars = 0; hi < lines.length && hi - i < 60; hi++) {
    chars += (lines[hi] as ReadLine).text.length;
    if (chars >= 120) break;
  }
  let lo = i;
  for (let chars = 0; lo > 0 && i - lo < 60 && chars < 240; ) chars += (lines[--lo] as ReadLine).text.length;
  if (lo === i) return null;
  return pairs.shareWithAbove(i, Math.min(hi, lines.length - 1), lo);
}

export type PageFeatures = string[][];

/** How many commas (，,) and sentence stops (。！？) a line has, counted without a regex's array of matches. */
function punctuation(t: string): { commas: number; stops: number } {
  let commas = 0;
  let stops = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 0xff0c || c === 0x2c) commas++;
    else if (c === 0x3002 || c === 0xff01 || c === 0xff1f) stops++;
  }
  return { commas, stops };
}

/** A line's cue: what it is by its own form, before the model weighs it. */
function cueOf(s: Shape): string {
  return s.jump ? "jump" : s.dateline ? "dateline" : s.byline ? "byline" : s.nameOnly ? "name" : s.headlineLike ? "headline" : s.ends ? "sentence" : "other";
}

/**
 * The page's kind of text: its format, and whether blank lines separate its blocks
 * (pdftotext's reading order does, -raw's and pdf.js's hardly ever: under 1.5% of lines).
 */
function pageKind(lines: readonly ReadLine[], format: string): string {
  let blank = 0;
  for (const l of lines) if (l.blankBefore) blank++;
  return `${format}/${blank > 0.015 * lines.length ? 1 : 0}`;
}

/**
 * What a feature's name carries besides its fixed text: a bucket, a flag (0/1), a cue, a
 * character (undefined past a line's end, named "undefined" as in any template literal).
 */
export type FeatureValue = string | number | undefined;

/** The name of a template feature: what the same template literal gives. */
export function featureName(strings: readonly string[], values: readonly FeatureValue[]): string {
  let name = strings[0] as string;
  for (let k = 0; k < values.length; k++) name += `${values[k]}${strings[k + 1]}`;
  return name;
}

/**
 * Where a page's features go, line by line: `line(i)` says the features that follow are
 * line i's. A feature is a plain name (add("bias")) or a tagged template
 * (add`len=${s.lenB}`) naming what the template literal would (`featureName`). Training
 * keeps the names (`pageFeatures`); reading a page scores each feature as it comes
 * (lib/ingest/model/model.ts `Scorer`), finding a template's by the template and its
 * values, so that no name is built, hashed or kept.
 */
export interface FeatureSink {
  line(i: number): void;
  add(name: string | TemplateStringsArray, ...values: FeatureValue[]): void;
}

/** Every line's feature names. */
export function pageFeatures(reading: Reading): PageFeatures {
  const out: PageFeatures = [];
  let f: string[] = [];
  visitFeatures(reading, {
    line: () => out.push((f = [])),
    add: (name, ...values) => f.push(typeof name === "string" ? name : featureName(name, values)),
  });
  return out;
}

/** Gives every line's features to `sink`, in line order. */
export function visitFeatures(reading: Reading, sink: FeatureSink): void {
  const { lines, format } = reading;
  const widths = Float64Array.from(lines, (l) => displayWidth(l.text));
  const column = columnWidth(lines, widths);
  const shapes = lines.map((l, j) => shapeOf(l, column, widths[j] as number));
  const pairs = new PagePairs(lines);
  // Running text, as `affinity` reads it: a long line, or one with a comma or a full stop.
  const prose = Uint8Array.from(lines, (l) => (l.text.length > 40 || /[。，]/.test(l.text) ? 1 : 0));
  const n = lines.length;
  // Does the break between line j and j + 1 fall inside a word the page uses elsewhere?
  const joins = lines.map((l, j) => {
    const nx = lines[j + 1];
    if (!nx || !l.text || !nx.text) return -1;
    const a = l.text.charCodeAt(l.text.length - 1);
    const b = nx.text.charCodeAt(0);
    if (!isHan(a) || !isHan(b)) return -1;
    return pairs.occurrences(a, b);
  });
  // Since the last line that looks like a headline (short, alone in its block): how many
  // lines, and whether a byline was printed in between (a second byline after a story's
  // text is often the next story's).
  const sinceHead = new Int32Array(n);
  const bylineSince = new Uint8Array(n);
  let lastHead = -1;
  let seenBy = false;
  for (let j = 0; j < n; j++) {
    sinceHead[j] = lastHead < 0 ? 9999 : j - lastHead;
    bylineSince[j] = seenBy ? 1 : 0;
    const sh = shapes[j] as Shape;
    if (sh.headlineLike && (lines[j] as ReadLine).blankBefore && sh.len >= 4 && !sh.byline) {
      lastHead = j;
      seenBy = false;
    } else if (sh.byline) seenBy = true;
  }
  // Runs of short lines of one length (subheads printed together).
  const parRun = new Int32Array(n);
  for (let j = 0; j < n; ) {
    let k = j;
    const sj = shapes[j] as Shape;
    if (sj.headlineLike && sj.len <= 16) {
      while (k + 1 < n && (shapes[k + 1] as Shape).headlineLike && Math.abs((shapes[k + 1] as Shape).len - sj.len) <= 2) k++;
    }
    for (let x = j; x <= k; x++) parRun[x] = k - j + 1;
    j = k + 1;
  }
  // The block of lines between blank lines each line is in.
  const blockStart = new Int32Array(n);
  const blockEnd = new Int32Array(n);
  for (let j = 0; j < n; j++) blockStart[j] = j > 0 && !(lines[j] as ReadLine).blankBefore ? (blockStart[j - 1] as number) : j;
  for (let j = n - 1; j >= 0; j--) blockEnd[j] = j < n - 1 && !(lines[j] as ReadLine).blankAfter ? (blockEnd[j + 1] as number) : j;
  // What kind of text the page is, beyond its format: extractors that separate blocks with
  // blank lines (pdftotext) or not (-raw, pdf.js) print the same article differently, so a
  // few evidence pairs are read per page kind.
  const kind = pageKind(lines, format);
  // Each line's cue (what the line is by its own form) for its neighbours to see.
  const cues = shapes.map(cueOf);
  // The column a line is printed in, seen from both sides: the widest of the three lines
  // before it and of it and the two after it. A story set in a column of another width than
  // the one above it starts there (hard-wrapped text wraps at its column's width).
  const widthBack = new Float64Array(n);
  const widthFwd = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    for (let k = Math.max(0, j - 3); k < j; k++) widthBack[j] = Math.max(widthBack[j] as number, (shapes[k] as Shape).width);
    for (let k = j; k < Math.min(n, j + 3); k++) widthFwd[j] = Math.max(widthFwd[j] as number, (shapes[k] as Shape).width);
  }
  // The page's byline convention: a form printed more than once on the page (本报记者…,
  // 新华社…电) is how this paper signs its stories.
  const formOf = (j: number): string | null => {
    const c = cues[j];
    if (c !== "byline" && c !== "dateline") return null;
    const t = (lines[j] as ReadLine).text;
    return `${c}|${t.slice(0, 2)}|${(shapes[j] as Shape).roleWord ? 1 : 0}`;
  };
  const forms = new Map<string, number>();
  for (let j = 0; j < n; j++) {
    const f = formOf(j);
    if (f) forms.set(f, (forms.get(f) ?? 0) + 1);
  }
  const add: FeatureSink["add"] = sink.add.bind(sink);
  // The line loop's helpers, made once rather than once a line: the features of a
  // neighbour, parallel short lines (below), what a neighbour is.
  const ctx = (tag: string, x: Shape | undefined) => {
    if (!x) {
      add`${tag}:none`;
      return;
    }
    add`${tag}:ratio=${x.ratioB}|end=${x.ends ? 1 : 0}`;
    add`${tag}:len=${x.lenB}`;
    if (x.headlineLike) add`${tag}:headlineLike`;
    if (x.byline) add`${tag}:byline`;
    if (x.jump) add`${tag}:jump`;
    if (x.level) add`${tag}:level=${x.level}`;
  };
  const par = (x: Shape | undefined, s: Shape) => !!x && x.headlineLike && s.headlineLike && Math.abs(x.len - s.len) <= 1 && s.len <= 16;
  const summary = (x: Shape | undefined) => (!x ? "none" : x.level ? `h${x.level}` : x.byline ? "byline" : x.headlineLike ? "headline" : x.ends ? "end" : "open");
  for (let i = 0; i < n; i++) {
    const l = lines[i] as ReadLine;
    const s = shapes[i] as Shape;
    const t = l.text;
    sink.line(i);
    add("bias");
    add`fmt=${format}`;
    const chars = edgeChars(t);
    const first = chars.first;
    const last = chars.last;

    add`len=${s.lenB}`;
    add`ratio=${s.ratioB}`;
    add`fmt=${format}|ratio=${s.ratioB}|end=${s.ends ? 1 : 0}`;
    add`fmt=${format}|len=${s.lenB}`;
    add`end=${s.ends ? 1 : 0}`;
    add`first=${charClass(first)}`;
    add`last=${charClass(last)}`;
    add`first1=${first ?? ""}`;
    add`last1=${last ?? ""}`;
    if (chars.count >= 2) {
      add`first2=${chars.first}${chars.second}`;
      add`last2=${chars.penult}${chars.last}`;
    }
    const { commas, stops } = punctuation(t);
    add`commas=${Math.min(commas, 3)}`;
    add`stops=${Math.min(stops, 3)}`;
    const spaced = /\s/.test(t);
    if (spaced) add`space|len=${s.lenB}`;
    // (Phrases need a space: most lines have none, and are not worth the second expression.)
    if (spaced && /[\u3400-\u9fff]\s+[\u3400-\u9fff]/.test(t) && !/[，。]/.test(t)) add("phrases");
    if (hanCount(t) === 0) add("noHan");
    if (s.headlineLike) add`headlineLike|ratio=${s.ratioB}`;
    if (l.blankBefore) add("blankBefore");
    if (l.blankAfter) add("blankAfter");
    if (l.blankBefore && l.blankAfter) add("blankAround");
    add`indent=${bucket(l.indent, INDENT_EDGES)}`;
    add`fmt=${format}|indent=${bucket(l.indent, INDENT_EDGES)}|blank=${l.blankBefore ? 1 : 0}`;
    if (format === "markdown") {
      add`level=${l.level}`;
      // Pieces of one heading line (./stack-line.ts: a flat stack printed on one line): a
      // piece that goes on from the one before it on the same row is one stack with it.
      if (i > 0 && (lines[i - 1] as ReadLine).row === l.row) add`samePrintedLine|level=${l.level}`;
      if ((lines[i + 1] as ReadLine | undefined)?.row === l.row) add`samePrintedLineNext|level=${l.level}`;
      if (l.bold) add("bold");
      if (l.hardBreak) add("hardBreak");
      if (/^[-*+>]\s/.test(t)) add("mdList");
      if (/^!\[/.test(t)) add("mdImage");
    }
    if (l.geometry) {
      // A PDF importer's lines: font size relative to the page's body size does the work
      // that markdown heading levels do for text.
      add`size=${bucket(l.geometry.fontSize, SIZE_EDGES)}`;
      if (l.geometry.bold) add("geoBold");
    }

    // Rules as evidence.
    if (s.ruleByline) add("rule:byline");
    if (parseLeadingByline(t)) add("rule:leadByline");
    if (s.ruleTrailing) add("rule:trailByline");
    if (s.roleWord) add`roleWord|len=${Math.min(s.lenB, 9)}`;
    if (NEWS_SOURCE.test(t)) add("newsSource");
    if (s.dateline) add("dateline");
    if (BULLET.test(t)) add`bullet|len=${Math.min(s.lenB, 9)}`;
    const jump = s.ruleJump;
    if (jump) add(jump.to ? "rule:jumpTo" : "rule:jumpFrom");
    if (parseLeadingJump(t)) add("rule:leadJump");
    if (parseTrailingJump(t)) add("rule:trailJump");
    if (STAMP.test(t)) add("stamp");
    if (DATE.test(t)) add`date|len=${Math.min(s.lenB, 9)}`;
    if (WEEKDAY.test(t)) add("weekday");
    if (PAGE_NO.test(t)) add`pageNo|len=${Math.min(s.lenB, 9)}`;
    if (EDITOR.test(t)) add`editor|len=${Math.min(s.lenB, 9)}`;
    if (EPAPER.test(t)) add("epaper");
    if (URL.test(t)) add("url");
    if (MASTHEAD.test(t)) add("masthead");
    if (AD.test(t)) add`ad|len=${Math.min(s.lenB, 9)}`;
    if (KICKER_CUE.test(t)) add("kickerCue");
    if (SUBTITLE_CUE.test(t)) add("subtitleCue");
    if (PAREN_TAIL.test(t)) add("parenTail");
    if (s.nameOnly) add("nameOnly");
    if (NUMBERED.test(t)) add`numbered|len=${Math.min(s.lenB, 9)}`;
    if (CAPTION_CUE.test(t)) add("captionCue");
    if (CREDIT.test(t)) add("credit");
    if (LEAD_PREFIX.test(t)) add("leadPrefix");
    if (STRAY.test(t)) add("stray");
    if (OPEN_QUOTE.test(t)) add("openQuote");
    if (/^[「【]/.test(t)) add("bracketOpen");
    if (chars.count === 1) add("oneChar");
    if (i < 3) add`top=${i}`;
    if (i >= n - 2) add("bottom");

    // Wrapped mid-word: the pair across the break occurs elsewhere on the page.
    const jn = joins[i] as number;
    const jp = i > 0 ? (joins[i - 1] as number) : -1;
    add`joinNext=${jn < 0 ? "na" : bucket(jn, JOIN_EDGES)}|hl=${s.headlineLike ? 1 : 0}`;
    add`joinPrev=${jp < 0 ? "na" : bucket(jp, JOIN_EDGES)}|hl=${s.headlineLike ? 1 : 0}`;

    // Neighbours.
    const p = shapes[i - 1];
    const q = shapes[i + 1];
    const p2 = shapes[i - 2];
    const q2 = shapes[i + 2];
    ctx("p1", p);
    ctx("n1", q);
    ctx("p2", p2);
    ctx("n2", q2);
    // Block of lines between blank lines (pdftotext separates blocks so): size and place in it.
    const bs = blockStart[i] as number;
    const be = blockEnd[i] as number;
    add`block=${Math.min(be - bs + 1, 5)}|at=${Math.min(i - bs, 3)}`;
    if (p) add`relP1=${bucket(s.len / Math.max(1, p.len), REL_EDGES)}|hl=${s.headlineLike && p.headlineLike ? 1 : 0}`;
    if (q) add`relN1=${bucket(s.len / Math.max(1, q.len), REL_EDGES)}|hl=${s.headlineLike && q.headlineLike ? 1 : 0}`;
    if (s.headlineLike && commas > 0) add("headlineComma");
    if (/\d{1,2}月\d{1,2}日/.test(t)) add`monthDay|len=${Math.min(s.lenB, 9)}`;
    if (p) {
      add`p1end=${p.ends ? 1 : 0}|ratio=${s.ratioB}|blank=${l.blankBefore ? 1 : 0}`;
      add`fmt=${format}|p1end=${p.ends ? 1 : 0}|p1ratio=${p.ratioB}|indent=${bucket(l.indent, INDENT_EDGES_SHORT)}`;
      if (p.headlineLike && s.headlineLike) add("p1&headline");
      const pl = lines[i - 1] as ReadLine;
      if (CLOSING.test(pl.text)) add("p1closing");
      if (Math.abs(p.ratio - s.ratio) < 0.05 && s.ratio > 0.8) add("sameWidthAsP1");
    }
    if (q) {
      add`n1blank=${q.blankBefore ? 1 : 0}|end=${s.ends ? 1 : 0}`;
      if (q.headlineLike && s.headlineLike) add("n1&headline");
    }
    add`sinceHead=${bucket(sinceHead[i] as number, SINCE_HEAD_EDGES)}|by=${bylineSince[i]}|cue=${s.byline ? "byline" : s.headlineLike ? "headline" : "other"}`;
    if ((parRun[i] as number) >= 2) add`parRun=${Math.min(parRun[i] as number, 4)}`;
    // Parallel short lines (subheads printed together): same length as a short neighbour.
    if (par(p, s) || par(q, s)) add`parallel|both=${par(p, s) && par(q, s) ? 1 : 0}`;
    // What this line is, seen with the lines around it.
    const cue = cues[i] as string;
    add`cue=${cue}|p1=${summary(p)}`;
    add`cue=${cue}|n1=${summary(q)}`;
    add`cue=${cue}|p1=${summary(p)}|n1=${summary(q)}`;
    // The neighbours' own cues (a dateline, a name, a jump line), two lines each way, and
    // the same read per page kind.
    const pc1 = cues[i - 1] ?? "none";
    const nc1 = cues[i + 1] ?? "none";
    add`cue=${cue}|pc1=${pc1}|nc1=${nc1}`;
    add`cue=${cue}|pc1=${pc1}|pc2=${cues[i - 2] ?? "none"}`;
    add`cue=${cue}|nc1=${nc1}|nc2=${cues[i + 2] ?? "none"}`;
    add`kind=${kind}|cue=${cue}|pc1=${pc1}|nc1=${nc1}|blank=${l.blankBefore ? 1 : 0}${q?.blankBefore ? 1 : 0}`;
    add`kind=${kind}|len=${s.lenB}|end=${s.ends ? 1 : 0}|blank=${l.blankBefore ? 1 : 0}`;
    add`kind=${kind}|ratio=${s.ratioB}|p1ratio=${p ? p.ratioB : "none"}|p1end=${p ? (p.ends ? 1 : 0) : "none"}`;
    // Wider context: a change of column width at this line, read with how the line above ends.
    if (p && (widthBack[i] as number) > 0) {
      const shift = bucket((widthFwd[i] as number) / (widthBack[i] as number), SHIFT_EDGES);
      add`colShift=${shift}|p1end=${p.ends ? 1 : 0}|kind=${kind}`;
      add`colShift=${shift}|cue=${cue}|pc1=${pc1}`;
    }
    const form = formOf(i);
    if (form) add`byForm=${(forms.get(form) as number) > 1 ? "repeat" : "once"}|cue=${cue}|p1=${summary(p)}|kind=${kind}`;
    if (DATELINE_HEAD.test(t) && DATELINE_TAIL.test(lines[i + 1]?.text ?? "")) add("datelineHead");
    if (i > 0 && DATELINE_TAIL.test(t) && DATELINE_HEAD.test((lines[i - 1] as ReadLine).text)) add("datelineTail");
    if (COMMENTATOR.test(t)) add`commentator|p1=${summary(p)}`;
    // Two headline-like lines in a row: one title wrapped, a kicker over its title, or the
    // title of one story under the last line of another's stack. How the line above ends
    // (——, ：, a closing bracket) and how this one begins tell them apart.
    if (p && p.headlineLike && s.headlineLike) {
      const pt = (lines[i - 1] as ReadLine).text;
      add`hlPair|plast=${charClass(pt[pt.length - 1])}|first=${charClass(first)}|blank=${l.blankBefore ? 1 : 0}`;
      add`hlPair|rel=${bucket(s.len / Math.max(1, p.len), HL_REL_EDGES)}|blank=${l.blankBefore ? 1 : 0}|kind=${kind}`;
      if (/——$|—$|：$|:$/.test(pt)) add("hlPair|p1kickerEnd");
    }
    // Where a paragraph may begin (after a sentence's end, a headline or a blank line): does
    // the text from here on go on with the words of the text above?
    if (p && (p.ends || p.headlineLike || l.blankBefore)) {
      const c = cohesion(lines, pairs, i);
      if (c !== null) {
        const cb = bucket(c, COHESION_EDGES);
        add`coh=${cb}|kind=${kind}`;
        add`coh=${cb}|p1=${summary(p)}|cue=${cue}`;
      }
    }
    if (s.headlineLike && s.len <= 40) {
      const fwd = affinity(lines, pairs, prose, i, 1);
      const back = affinity(lines, pairs, prose, i, -1);
      add`affFwd=${bucket(fwd, AFFINITY_EDGES)}`;
      add`affBack=${bucket(back, AFFINITY_EDGES)}`;
      add`affDir=${fwd > back + 0.1 ? "fwd" : back > fwd + 0.1 ? "back" : "same"}`;
    }
  }
}
