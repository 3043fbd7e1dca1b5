import { PagePairs } from "./model/pairs";
import type { Reading } from "./reading";

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
 */
export type Notice = {
  code: "columns_read_across";
  /** Of the line ends inside a sentence, the share whose two characters the page prints together elsewhere. */
  joined: number;
  /** How many such line ends the share is of. */
  breaks: number;
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

export function readingNotices(reading: Reading): Notice[] {
  if (reading.format === "markdown") return [];
  const lines = reading.lines.map((l) => l.text);
  // The line ends first: most inputs have too few to say anything, and need no pairs.
  const ends = breaksInsideSentences(lines);
  if (ends.length < MIN_BREAKS) return [];
  const pairs = new PagePairs(reading.lines);
  const joined = ends.filter((i) => {
    const a = lines[i] as string;
    return pairs.occurrences(a.charCodeAt(a.length - 1), (lines[i + 1] as string).charCodeAt(0)) > 0;
  }).length;
  const share = joined / ends.length;
  return share < MAX_JOINED ? [{ code: "columns_read_across", joined: share, breaks: ends.length }] : [];
}
