/**
 * The scorer's definitions, pure so they can be tested and reused by any tool that
 * wants figures comparable with ours (issue 12):
 *
 * - normalize: NFKC, every whitespace and zero-width character removed, curly quotes unified
 *   (“”„‟ → ", ‘’‚‛ → '), lowercased.
 * - A truth article matches a predicted one when their titles' character-bigram Jaccard
 *   similarity is ≥ 0.6, or the truth body's first 10 normalized characters occur in the
 *   first 80 of the predicted body. One-to-one, greedy in truth order: each truth article
 *   takes the best unmatched prediction (both criteria over title alone over body alone,
 *   then the higher title similarity, then the earlier prediction).
 * - articleF1 is the F1 of those matches over truth and predicted articles.
 * - strictF1 counts a match only when the title is close (≥ 0.6, when the truth has a
 *   title) and the truth body's first 8 characters occur within the first 60 of the
 *   predicted body.
 * - titleExact, stackExact (kicker, title and subtitle all equal) and bylineExact (equal,
 *   or the prediction is a non-empty part of the truth's byline) are shares of the truth
 *   articles, after normalizing; an unmatched truth article counts as not exact.
 * - charsAccounted is the share of the input's non-whitespace characters the engine
 *   placed somewhere (an article, the masthead, an orphan, a discard).
 *
 * Bodies are the text blocks without captions, joined; a missing field is "".
 */
export type ArticleFields = {
  kicker: string | null;
  title: string | null;
  subtitle: string | null;
  byline: string | null;
  /** Body text without captions (for the truth, at least its first few dozen characters). */
  body: string;
  /** A prediction's confidence (0..1), when the engine gives one. */
  confidence?: number;
};

export type Figures = {
  articleF1: number;
  strictF1: number;
  titleExact: number;
  stackExact: number;
  bylineExact: number;
  charsAccounted: number;
};

export const FIGURE_NAMES: readonly (keyof Figures)[] = ["articleF1", "strictF1", "titleExact", "stackExact", "bylineExact", "charsAccounted"];

/** Sums over pages; figures are computed from the sums (micro averages). */
export type Counts = {
  truth: number;
  predicted: number;
  matched: number;
  strict: number;
  titleExact: number;
  stackExact: number;
  bylineExact: number;
  chars: number;
  charsPlaced: number;
  /** Predicted articles the engine gave a confidence of at least SURE, and of them those strictly matched. */
  sure: number;
  sureRight: number;
};

/** The confidence calibration is reported at: of articles this sure, what share is right. */
export const SURE = 0.9;

export const TITLE_SIMILARITY = 0.6;

const CURLY_DOUBLE = /[\u201c\u201d\u201e\u201f]/g;
const CURLY_SINGLE = /[\u2018\u2019\u201a\u201b]/g;
// Whitespace, and the zero-width characters a reader cannot see either (a corpus title may open with
// U+200B; the PDF shows nothing there, so no extraction can give it back).
const INVISIBLE = /[\s\u200b-\u200d\u2060]+/gu;

export function normalize(s: string | null | undefined): string {
  if (!s) return "";
  return s.normalize("NFKC").replace(CURLY_DOUBLE, '"').replace(CURLY_SINGLE, "'").replace(INVISIBLE, "").toLowerCase();
}

function bigrams(s: string): Set<string> {
  const chars = [...s];
  if (chars.length === 1) return new Set(chars);
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(`${chars[i]}${chars[i + 1]}`);
  return out;
}

function jaccard(x: ReadonlySet<string>, y: ReadonlySet<string>): number {
  if (x.size === 0 || y.size === 0) return 0;
  let both = 0;
  for (const g of x) if (y.has(g)) both++;
  return both / (x.size + y.size - both);
}

/** Character-bigram Jaccard similarity of two normalized strings; 0 when either is empty. */
export function titleSimilarity(a: string | null | undefined, b: string | null | undefined): number {
  return jaccard(bigrams(normalize(a)), bigrams(normalize(b)));
}

/**
 * The first `n` characters of the normalized text, normalizing only as much of a long body
 * as needed (a page's bodies are compared many times).
 */
function normalizedHead(text: string, n: number): string {
  let take = n * 2;
  for (;;) {
    const head = [...normalize(text.slice(0, take))];
    if (head.length > n || take >= text.length) return head.slice(0, n).join("");
    take *= 2;
  }
}

/** Whether the truth body's first `n` normalized characters occur in the first `window` of the predicted body. */
export function bodyStartsIn(truthBody: string, predictedBody: string, n: number, window: number): boolean {
  const head = normalizedHead(truthBody, n);
  return head !== "" && normalizedHead(predictedBody, window).includes(head);
}

export type Match = { truth: number; predicted: number; similarity: number };

/** What matching compares, computed once per article. */
type Prepared = { bigrams: Set<string>; head10: string; head8: string; first80: string; first60: string };

function prepare(a: ArticleFields): Prepared {
  const head = [...normalizedHead(a.body, 80)];
  const first = (n: number) => head.slice(0, n).join("");
  return { bigrams: bigrams(normalize(a.title)), head10: first(10), head8: first(8), first80: first(80), first60: first(60) };
}

function matchPrepared(truth: readonly Prepared[], predicted: readonly Prepared[]): Match[] {
  const taken = new Set<number>();
  const matches: Match[] = [];
  truth.forEach((t, ti) => {
    let best: { p: number; rank: number; sim: number } | null = null;
    for (let pi = 0; pi < predicted.length; pi++) {
      if (taken.has(pi)) continue;
      const p = predicted[pi] as Prepared;
      const sim = jaccard(t.bigrams, p.bigrams);
      const byTitle = sim >= TITLE_SIMILARITY;
      const byBody = t.head10 !== "" && p.first80.includes(t.head10);
      if (!byTitle && !byBody) continue;
      const rank = byTitle && byBody ? 3 : byTitle ? 2 : 1;
      if (best === null || rank > best.rank || (rank === best.rank && sim > best.sim)) best = { p: pi, rank, sim };
    }
    if (best !== null) {
      taken.add(best.p);
      matches.push({ truth: ti, predicted: best.p, similarity: best.sim });
    }
  });
  return matches;
}

export function matchArticles(truth: readonly ArticleFields[], predicted: readonly ArticleFields[]): Match[] {
  return matchPrepared(truth.map(prepare), predicted.map(prepare));
}

/** Whether a match counts for strictF1: the title close (when the truth has one) and the body starting right. */
function strict(t: ArticleFields, tp: Prepared, pp: Prepared, m: Match): boolean {
  const titleClose = !normalize(t.title) || m.similarity >= TITLE_SIMILARITY;
  return titleClose && tp.head8 !== "" && pp.first60.includes(tp.head8);
}

/** The matches strictF1 counts. */
export function strictMatches(truth: readonly ArticleFields[], predicted: readonly ArticleFields[]): Match[] {
  const pt = truth.map(prepare);
  const pp = predicted.map(prepare);
  return matchPrepared(pt, pp).filter((m) => strict(truth[m.truth] as ArticleFields, pt[m.truth] as Prepared, pp[m.predicted] as Prepared, m));
}

export function bylineExact(truth: string | null, predicted: string | null): boolean {
  const t = normalize(truth);
  const p = normalize(predicted);
  return p === t || (p !== "" && t.includes(p));
}

export function emptyCounts(): Counts {
  return { truth: 0, predicted: 0, matched: 0, strict: 0, titleExact: 0, stackExact: 0, bylineExact: 0, chars: 0, charsPlaced: 0, sure: 0, sureRight: 0 };
}

/** Counts of one page: its truth, what the engine proposed, and the characters it placed. */
export function scorePage(truth: readonly ArticleFields[], predicted: readonly ArticleFields[], chars: { total: number; placed: number }): Counts {
  const c = emptyCounts();
  c.truth = truth.length;
  c.predicted = predicted.length;
  c.chars = chars.total;
  c.charsPlaced = chars.placed;
  const pt = truth.map(prepare);
  const pp = predicted.map(prepare);
  const strictlyRight = new Set<number>();
  for (const m of matchPrepared(pt, pp)) {
    const t = truth[m.truth] as ArticleFields;
    const p = predicted[m.predicted] as ArticleFields;
    const tp = pt[m.truth] as Prepared;
    c.matched++;
    if (strict(t, tp, pp[m.predicted] as Prepared, m)) {
      c.strict++;
      strictlyRight.add(m.predicted);
    }
    const same = (a: string | null, b: string | null) => normalize(a) === normalize(b);
    if (same(t.title, p.title)) c.titleExact++;
    if (same(t.title, p.title) && same(t.kicker, p.kicker) && same(t.subtitle, p.subtitle)) c.stackExact++;
    if (bylineExact(t.byline, p.byline)) c.bylineExact++;
  }
  predicted.forEach((p, i) => {
    if (p.confidence === undefined || p.confidence < SURE) return;
    c.sure++;
    if (strictlyRight.has(i)) c.sureRight++;
  });
  return c;
}

export function addCounts(into: Counts, c: Counts): Counts {
  for (const k of Object.keys(into) as (keyof Counts)[]) into[k] += c[k];
  return into;
}

export function figures(c: Counts): Figures {
  const share = (n: number, d: number) => (d === 0 ? 0 : n / d);
  return {
    articleF1: share(2 * c.matched, c.truth + c.predicted),
    strictF1: share(2 * c.strict, c.truth + c.predicted),
    titleExact: share(c.titleExact, c.truth),
    stackExact: share(c.stackExact, c.truth),
    bylineExact: share(c.bylineExact, c.truth),
    charsAccounted: share(c.charsPlaced, c.chars),
  };
}

/** The characters JavaScript's \s matches, by code (a regex per character was the scorer's slowest step). */
function isWhitespace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Of `text`, how many non-whitespace characters there are and how many the spans cover. */
export function charsPlaced(text: string, spans: readonly { start: number; end: number }[]): { total: number; placed: number } {
  const covered = new Uint8Array(text.length);
  for (const s of spans) covered.fill(1, Math.max(0, s.start), Math.min(text.length, s.end));
  let total = 0;
  let placed = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A surrogate pair is one character: count it at its first half.
    if (code >= 0xdc00 && code <= 0xdfff) continue;
    if (isWhitespace(code)) continue;
    total++;
    if (covered[i]) placed++;
  }
  return { total, placed };
}
