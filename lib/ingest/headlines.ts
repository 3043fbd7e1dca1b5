import { displayWidth } from "./chars";
import type { Doubt } from "./types";
import type { Unit } from "./units";

/** Phrases a kicker (引题) ends with: "…座谈会时指出", "…时强调". */
const KICKER_CUE = /(时指出|时强调|时表示|时要求|时提出|时说|时称|指出|强调|表示|要求)$/;
/** A subtitle (副题) often opens with a dash. */
const SUBTITLE_CUE = /^[—–-]{1,2}/;

export type Stack = {
  kicker: Unit | null;
  title: Unit;
  subtitles: Unit[];
  /** Lines above the kicker: page furniture collected into the stack. */
  extras: Unit[];
  doubts: Doubt[];
};

/**
 * Picks the title of a headline stack. Heading levels from the extraction are a
 * hint only: cue phrases beat them, then prominence (level) and length.
 */
export function resolveStack(lines: readonly Unit[]): Stack {
  const levels = lines.map((u) => u.level).filter((l) => l > 0);
  const maxLevel = levels.length ? Math.max(...levels) : 0;
  const minLevel = levels.length ? Math.min(...levels) : 0;
  const score = (u: Unit) =>
    displayWidth(u.text) / 2 +
    (u.level > 0 ? (maxLevel - u.level) * 3 : 0) -
    (KICKER_CUE.test(u.text) ? 100 : 0) -
    (SUBTITLE_CUE.test(u.text) ? 100 : 0);
  let t = 0;
  lines.forEach((u, i) => {
    if (score(u) > score(lines[t] as Unit)) t = i;
  });
  const title = lines[t] as Unit;
  const doubts: Doubt[] = [];
  if (title.level > minLevel && levels.length > 1) {
    doubts.push({
      kind: "heading_level",
      reason: `Chose "${title.text}" as the title although another line has a more prominent heading level`,
      detail: { code: "heading_level", params: { title: title.text } },
      confidence: 0.7,
      spans: title.spans,
    });
  }
  return {
    kicker: t > 0 ? (lines[t - 1] as Unit) : null,
    title,
    subtitles: lines.slice(t + 1),
    extras: lines.slice(0, Math.max(0, t - 1)),
    doubts,
  };
}

/**
 * Subheads collected together away from their sections ("A B" phrases of similar
 * length, three or more in a row). A headline stack is never this uniform.
 */
export function isParallelGroup(lines: readonly Unit[]): boolean {
  if (lines.length < 3) return false;
  const shapes = lines.map((u) => u.text.split(/\s+/));
  if (!shapes.every((p) => p.length === 2 && p.every((x) => x.length >= 3 && x.length <= 14))) return false;
  const lens = lines.map((u) => u.text.length);
  return Math.max(...lens) - Math.min(...lens) <= 8;
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  const t = s.replace(/[\s\p{P}]/gu, "");
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

/** Shared character bigrams between a heading and a section's opening text. */
export function overlap(heading: string, body: string): number {
  const h = bigrams(heading);
  const b = bigrams(body);
  let n = 0;
  for (const x of h) if (b.has(x)) n++;
  return n;
}
