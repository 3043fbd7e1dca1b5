import { PagePairs } from "./model/pairs";
import type { Reading, ReadLine } from "./reading";

/**
 * What the engine tells the editor about the text itself, beside its proposal: damage it
 * cannot repair, where a better input would serve them better than any correction.
 *
 * `columns_read_across`: an extractor that cuts the page into lines across side-by-side
 * columns (`pdftotext` without flags on tightly set pages, when the gutters are narrower
 * than it expects) prints the columns' lines in turns, each line of one story followed by
 * a line of the next column, so no reading of those lines gives the stories back. Text
 * read column by column breaks its lines inside words: where a line ends mid-sentence
 * (a Han character, no punctuation), its last character and the next line's first
 * usually make a pair of characters the page prints elsewhere too; across columns they
 * rarely do. On the lab's dev pages (every third, 1,319 inputs with 20 such line ends or
 * more, four extractors; the truth says which lines are read in turns): pages read
 * column by column join 40% of such line ends on average, pages read across 6%
 * (90th percentile 14%); under 12% flags 103 of the 122 pages read across and none of
 * the 1,197 others (under 20% would flag 121, but 16 others as well). A false notice
 * costs an editor's doubt, a missed one what they see anyway: the threshold favours
 * being right. Markdown is read a paragraph a line, so its line ends are not breaks
 * inside words, and a page with fewer line ends than `MIN_BREAKS` says too little.
 *
 * An issue's text holds several pages (`pdftotext` ends each with a form feed), and an
 * issue may have one tightly set page among columns read right: each page is judged alone,
 * with its own pairs, as the lab's single pages were, so an average over the issue does not
 * hide it, and the notice says which pages.
 */
export type Notice = {
  code: "columns_read_across";
  /** Of the line ends inside a sentence, the share whose two characters the page prints together elsewhere. */
  joined: number;
  /** How many such line ends the share is of. */
  breaks: number;
  /** The pages read across (1: the first), when the text holds more than one; the share and the count are theirs. */
  pages?: number[];
};

export const MIN_BREAKS = 20;
const MAX_JOINED = 0.12;
/** A line this short (a name, a label) says little about where its column goes on. */
const MIN_LINE = 8;

/** Han as the page's pairs count it (./model/pairs.ts). */
const isHan = (c: number) => c >= 0x3400 && c <= 0x9fff;

/** The line ends inside a sentence: each i where line i ends and line i + 1 starts with a Han character, both long enough. */
export function breaksInsideSentences(lines: readonly string[]): number[] {
  const out: number[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const a = lines[i] as string;
    const b = lines[i + 1] as string;
    if (a.length >= MIN_LINE && b.length >= MIN_LINE && isHan(a.charCodeAt(a.length - 1)) && isHan(b.charCodeAt(0))) out.push(i);
  }
  return out;
}

/** The text's pages, as runs of lines: a line is on the page of the form feeds before it. */
function pagesOf(text: string, lines: readonly ReadLine[]): ReadLine[][] {
  const feeds: number[] = [];
  for (let i = text.indexOf("\f"); i >= 0; i = text.indexOf("\f", i + 1)) feeds.push(i);
  if (feeds.length === 0) return [lines as ReadLine[]];
  const pages: ReadLine[][] = [];
  for (const l of lines) {
    // Lines read from columns (-layout) need not come in the text's order: count for each.
    const at = l.spans[0]?.start ?? 0;
    let page = 0;
    while (page < feeds.length && (feeds[page] as number) < at) page++;
    (pages[page] ??= []).push(l);
  }
  return pages;
}

/** One page's line ends inside a sentence, and how many of them join a pair the page prints elsewhere; null when too few to say. */
function judgePage(readLines: readonly ReadLine[]): { joined: number; breaks: number } | null {
  const lines = readLines.map((l) => l.text);
  // The line ends first: most inputs have too few to say anything, and need no pairs.
  const ends = breaksInsideSentences(lines);
  if (ends.length < MIN_BREAKS) return null;
  const pairs = new PagePairs(readLines);
  const joined = ends.filter((i) => {
    const a = lines[i] as string;
    return pairs.occurrences(a.charCodeAt(a.length - 1), (lines[i + 1] as string).charCodeAt(0)) > 0;
  }).length;
  return { joined, breaks: ends.length };
}

/** `text`: the normalized text the reading's spans point into (its form feeds part pages). */
export function readingNotices(reading: Reading, text: string): Notice[] {
  if (reading.format === "markdown") return [];
  const pages = pagesOf(text, reading.lines);
  let joined = 0;
  let breaks = 0;
  const across: number[] = [];
  pages.forEach((lines, k) => {
    const judged = lines ? judgePage(lines) : null;
    if (!judged || judged.joined / judged.breaks >= MAX_JOINED) return;
    across.push(k + 1);
    joined += judged.joined;
    breaks += judged.breaks;
  });
  if (across.length === 0) return [];
  return [{ code: "columns_read_across", joined: joined / breaks, breaks, ...(pages.length > 1 ? { pages: across } : {}) }];
}
