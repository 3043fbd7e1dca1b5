import type { ReadLine } from "../reading";

/**
 * A page's pairs of adjacent Han characters (within a line), which the labeller's
 * features compare across lines: a line wrapped mid-word leaves a pair across the break
 * that the page uses elsewhere; a title shares pairs with its own lead.
 *
 * Each distinct pair is numbered once per page (an open-addressing table of typed arrays:
 * no Set or Map per line), with how often it occurs and the lines it occurs in, so that
 * the questions the features ask cost a lookup or a binary search, not a scan of the text.
 */

const isHan = (c: number) => c >= 0x3400 && c <= 0x9fff;

/** A pair's number before it is numbered: first × 65536 + second (below 2³², never 0). */
const codeOf = (a: number, b: number) => a * 65536 + b;

export class PagePairs {
  /** Every line's pairs, as pair ids in the order they occur (with repeats): ids[idsFrom[j] … idsFrom[j + 1]). */
  private readonly ids: Int32Array;
  /** For each of those occurrences, the line of the same pair's occurrence before it (−1: none). */
  private readonly prevLine: Int32Array;
  private readonly idsFrom: Int32Array;
  /** How many times each pair occurs on the page. */
  private readonly count: Int32Array;
  /** The lines each pair occurs in, ascending: lines[linesFrom[id] … linesFrom[id + 1]). */
  private readonly linesFrom: Int32Array;
  private readonly lines: Int32Array;
  /** The open-addressing table: slot s holds a pair's code at 2s and its id at 2s + 1 (side by side: a probe reads one cache line). */
  private readonly table: Uint32Array;
  private readonly mask: number;
  /** 32 − log2(table size): `slot` keeps the hash's top bits. */
  private readonly shift: number;
  /** Scratch for `shareFound`: the last call that saw each pair. */
  private readonly seen: Int32Array;
  private calls = 0;

  constructor(readLines: readonly ReadLine[]) {
    let total = 0;
    for (const l of readLines) total += l.text.length;
    let size = 16;
    let shift = 28;
    while (size < total * 2) {
      size *= 2;
      shift--;
    }
    this.shift = shift;
    this.table = new Uint32Array(2 * size);
    this.mask = size - 1;
    const n = readLines.length;
    const ids = new Int32Array(total);
    const prevLine = new Int32Array(total);
    const idsFrom = new Int32Array(n + 1);
    const count = new Int32Array(total);
    let distinct = 0;
    let at = 0;
    // The line each pair was last seen in, as the lines are read.
    const lastSeen = new Int32Array(total);
    for (let j = 0; j < n; j++) {
      const t = (readLines[j] as ReadLine).text;
      let prev = -1;
      for (let i = 0; i < t.length; i++) {
        const c = t.charCodeAt(i);
        if (!isHan(c)) {
          prev = -1;
          continue;
        }
        if (prev >= 0) {
          const code = codeOf(prev, c);
          let id = this.find(code);
          if (id < 0) {
            id = distinct++;
            this.insert(code, id);
          }
          count[id] = (count[id] as number) + 1;
          prevLine[at] = count[id] === 1 ? -1 : (lastSeen[id] as number);
          lastSeen[id] = j;
          ids[at++] = id;
        }
        prev = c;
      }
      idsFrom[j + 1] = at;
    }
    this.ids = ids;
    this.prevLine = prevLine;
    this.idsFrom = idsFrom;
    this.count = count;
    // Lines per pair, each line once.
    const last = new Int32Array(distinct).fill(-1);
    const from = new Int32Array(distinct + 1);
    for (let j = 0; j < n; j++) {
      for (let k = idsFrom[j] as number; k < (idsFrom[j + 1] as number); k++) {
        const id = ids[k] as number;
        if (last[id] === j) continue;
        last[id] = j;
        from[id + 1] = (from[id + 1] as number) + 1;
      }
    }
    for (let id = 0; id < distinct; id++) from[id + 1] = (from[id + 1] as number) + (from[id] as number);
    const lines = new Int32Array(from[distinct] as number);
    const fill = from.slice(0, distinct);
    last.fill(-1);
    for (let j = 0; j < n; j++) {
      for (let k = idsFrom[j] as number; k < (idsFrom[j + 1] as number); k++) {
        const id = ids[k] as number;
        if (last[id] === j) continue;
        last[id] = j;
        lines[fill[id] as number] = j;
        fill[id] = (fill[id] as number) + 1;
      }
    }
    this.linesFrom = from;
    this.lines = lines;
    this.seen = new Int32Array(distinct).fill(-1);
  }

  // Fibonacci hashing: the product's high bits, which every bit of the code moves (its low
  // bits depend on the second character alone, so all pairs ending in one character collided).
  private slot(code: number): number {
    return Math.imul(code, 0x9e3779b1) >>> this.shift;
  }

  private find(code: number): number {
    const table = this.table;
    for (let s = this.slot(code); ; s = (s + 1) & this.mask) {
      const k = table[2 * s] as number;
      if (k === 0) return -1;
      if (k === code) return table[2 * s + 1] as number;
    }
  }

  private insert(code: number, id: number): void {
    let s = this.slot(code);
    while ((this.table[2 * s] as number) !== 0) s = (s + 1) & this.mask;
    this.table[2 * s] = code;
    this.table[2 * s + 1] = id;
  }

  /** How often the pair (a, b) of character codes occurs within the page's lines. */
  occurrences(a: number, b: number): number {
    if (!isHan(a) || !isHan(b)) return 0;
    const id = this.find(codeOf(a, b));
    return id < 0 ? 0 : (this.count[id] as number);
  }

  /** Does a line from `lo` to `hi` (inclusive) have pair `id`? */
  private within(id: number, lo: number, hi: number): boolean {
    let a = this.linesFrom[id] as number;
    let b = this.linesFrom[id + 1] as number;
    while (a < b) {
      const m = (a + b) >> 1;
      if ((this.lines[m] as number) < lo) a = m + 1;
      else b = m;
    }
    return a < (this.linesFrom[id + 1] as number) && (this.lines[a] as number) <= hi;
  }

  /** The share of line i's distinct pairs that lines lo … hi (inclusive) have. */
  shareFound(i: number, lo: number, hi: number): number {
    const call = this.calls++;
    let own = 0;
    let found = 0;
    for (let k = this.idsFrom[i] as number; k < (this.idsFrom[i + 1] as number); k++) {
      const id = this.ids[k] as number;
      if (this.seen[id] === call) continue;
      this.seen[id] = call;
      own++;
      if (lo <= hi && this.within(id, lo, hi)) found++;
    }
    return own === 0 ? 0 : found / own;
  }

  /**
   * The share of the distinct pairs of lines from … to (inclusive) that lines above … from − 1
   * have: how much the text from a line on shares its words with the text just above it.
   * One read a pair: a pair's first occurrence in the span is the one whose previous
   * occurrence is above the span, and the text above has it when that one is below `above`.
   */
  shareWithAbove(from: number, to: number, above: number): number {
    let own = 0;
    let found = 0;
    for (let k = this.idsFrom[from] as number; k < (this.idsFrom[to + 1] as number); k++) {
      const prev = this.prevLine[k] as number;
      if (prev >= from) continue;
      own++;
      if (prev >= above) found++;
    }
    return own === 0 ? 0 : found / own;
  }
}
