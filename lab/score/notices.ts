import { readFileSync } from "node:fs";
import path from "node:path";
import { breaksInsideSentences, MIN_BREAKS, readingNotices } from "@/lib/ingest/notices";
import { readPage } from "@/lib/ingest/page";
import type { PageEntry } from "../generate";
import { PAGE_FILES, type ExtractorName, type PageTruth } from "../truth";
import { alignPieces, pieceOf, truthStream } from "./align";

/**
 * How well the engine's `columns_read_across` notice (lib/ingest/notices.ts) tells the
 * inputs whose columns an extractor printed in turns. The truth says which: an input is
 * read across when, of its line ends inside a sentence (both lines long enough, a Han
 * character on each side, as the notice counts them), fewer than half go on in the truth
 * with the next line's first character. A page read column by column goes on at nearly
 * every one.
 */
export type NoticeCounts = { across: number; acrossFlagged: number; others: number; othersFlagged: number };

function readAcross(lines: readonly string[], aligned: readonly number[][]): boolean {
  const ends = breaksInsideSentences(lines);
  const known = ends.filter((i) => ((aligned[i] as number[]).at(-1) ?? -1) >= 0 && ((aligned[i + 1] as number[])[0] ?? -1) >= 0);
  const goOn = known.filter((i) => (aligned[i + 1] as number[])[0] === ((aligned[i] as number[]).at(-1) as number) + 1).length;
  return known.length >= MIN_BREAKS && goOn / known.length < 0.5;
}

export function noticeCounts(labDir: string, pages: readonly PageEntry[], extractors: readonly ExtractorName[]): Record<string, NoticeCounts> {
  const out: Record<string, NoticeCounts> = {};
  for (const entry of pages) {
    const dir = path.join(labDir, entry.dir);
    const truth = JSON.parse(readFileSync(path.join(dir, PAGE_FILES.truth), "utf8")) as PageTruth;
    const stream = truthStream(truth);
    for (const x of extractors) {
      const { reading, text } = readPage(readFileSync(path.join(dir, PAGE_FILES.text(x)), "utf8"));
      const lines = reading.lines.map((l) => l.text);
      const aligned = alignPieces(stream, reading.lines.map((l) => pieceOf(l.text, 0, l.text.length)));
      const flagged = readingNotices(reading, text).some((n) => n.code === "columns_read_across");
      const c = (out[x] ??= { across: 0, acrossFlagged: 0, others: 0, othersFlagged: 0 });
      if (readAcross(lines, aligned)) {
        c.across++;
        if (flagged) c.acrossFlagged++;
      } else {
        c.others++;
        if (flagged) c.othersFlagged++;
      }
    }
  }
  return out;
}
