import { parseJumpLine } from "@/lib/ingest/jump";
import { labelsFromOwners, type LineOwner } from "@/lib/ingest/model/gold";
import type { Label, Role } from "@/lib/ingest/model/grammar";
import type { Reading } from "@/lib/ingest/reading";
import type { PageTruth } from "../truth";
import { alignPieces, pieceOf, truthStream, type TruthField } from "./align";

/**
 * The label each line of a lab page should get, from the page's truth: the line's
 * characters are aligned with the truth (./align.ts), the line takes the role of the
 * field most of them come from, and the first line of each article opens it. The raw
 * labels are then made well formed by decoding under the grammar with a score of 1 for
 * each line that keeps its label (½ for keeping its role), so that an article the
 * extractor printed in two places becomes what a linear reading can say about it.
 */
const FIELD_ROLE: Record<TruthField, Role> = {
  kicker: "K",
  title: "T",
  subtitle: "S",
  byline: "Y",
  paragraph: "P",
  lead: "P",
  heading: "H",
  caption: "X",
  furniture: "F",
};

type Raw = LineOwner;

export type GoldLines = { labels: Label[]; owners: number[] };

export function goldLabels(truth: PageTruth, reading: Reading): GoldLines {
  const stream = truthStream(truth);
  const pieces = reading.lines.map((l) => pieceOf(l.text, 0, l.text.length));
  const aligned = alignPieces(stream, pieces);
  const raw: Raw[] = aligned.map((places, i) => {
    const counts = new Map<string, { n: number; owner: number; field: TruthField; block: number; minOffset: number }>();
    for (const x of places) {
      if (x < 0) continue;
      const p = stream.places[x] as (typeof stream.places)[number];
      const key = `${p.owner}|${p.field}|${p.block}`;
      const c = counts.get(key);
      if (c) {
        c.n++;
        c.minOffset = Math.min(c.minOffset, p.offset);
      } else counts.set(key, { n: 1, owner: p.owner, field: p.field, block: p.block, minOffset: p.offset });
    }
    const text = (reading.lines[i] as Reading["lines"][number]).text;
    if (counts.size === 0) return { role: parseJumpLine(text) ? "J" : "F", owner: -1, block: "", start: true };
    const all = [...counts.values()];
    // A line that opens a paragraph (a byline run into it, or the end of the previous
    // paragraph before it) is that paragraph's first line; a line that starts inside a
    // paragraph continues it (a byline printed after its last sentence is split off).
    const opening = all.find((c) => (c.field === "paragraph" || c.field === "lead") && c.minOffset === 0);
    const firstPlace = places.find((x) => x >= 0);
    const first = firstPlace === undefined ? undefined : stream.places[firstPlace];
    const continuing = first && (first.field === "paragraph" || first.field === "lead") && first.offset > 0 ? all.find((c) => c.owner === first.owner && c.field === first.field && c.block === first.block) : undefined;
    const best = opening ?? continuing ?? all.reduce((a, b) => (b.n > a.n ? b : a));
    if (best.owner < 0) {
      const kind = stream.kinds[-1 - best.owner];
      return { role: kind === "masthead" ? "M" : "F", owner: -1, block: "", start: true };
    }
    return { role: FIELD_ROLE[best.field], owner: best.owner, block: `${best.owner}|${best.field}|${best.block}`, start: best.minOffset === 0 };
  });

  const owners: LineOwner[] = raw.map((r) => ({ role: r.role, owner: r.owner, block: r.block, start: r.start }));
  const labels = labelsFromOwners(reading.lines, owners);
  return { labels, owners: raw.map((r) => r.owner) };
}
