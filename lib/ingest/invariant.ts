import { isWhite } from "./chars";
import type { Segmentation, Span } from "./types";

/** Characters that unwrapping and markdown cleaning may drop from a block's spans. */
const DROPPABLE = new Set(["#", "*", "_", "<", ">", "-", "+"]);

function allSpans(seg: Segmentation): { owner: string; spans: readonly Span[] }[] {
  const out: { owner: string; spans: readonly Span[] }[] = [{ owner: "masthead", spans: seg.mastheadSpans }];
  seg.articles.forEach((a, i) => a.blocks.forEach((b, j) => out.push({ owner: `article ${i} block ${j} (${b.role})`, spans: b.spans })));
  seg.orphans.forEach((o, i) => out.push({ owner: `orphan ${i}`, spans: o.spans }));
  seg.discarded.forEach((d, i) => out.push({ owner: `discarded ${i}`, spans: d.spans }));
  return out;
}

/**
 * Block text must be its spans' characters in order, minus markup and line-end hyphens. Compared
 * unit by unit (UTF-16), as the source is indexed: a character beyond the BMP is two units on both
 * sides (iterating the block by code point compared it whole with half of it, and reported text
 * lost that was not).
 */
function derivable(text: string, spans: readonly Span[], blockText: string): boolean {
  const src = spans.map((s) => text.slice(s.start, s.end)).join("");
  let i = 0;
  for (let k = 0; k < blockText.length; k++) {
    const ch = blockText[k] as string;
    if (isWhite(ch.charCodeAt(0))) continue;
    while (i < src.length && src[i] !== ch) {
      if (!isWhite(src.charCodeAt(i)) && !DROPPABLE.has(src[i] as string)) return false;
      i++;
    }
    if (i >= src.length) return false;
    i++;
  }
  for (; i < src.length; i++) if (!isWhite(src.charCodeAt(i)) && !DROPPABLE.has(src[i] as string)) return false;
  return true;
}

/**
 * The "nothing lost" promise as a check: spans are disjoint, cover every
 * non-whitespace character, and block texts come from their spans. Returns the
 * problems found (empty when the segmentation is sound).
 */
export function invariantProblems(seg: Segmentation, limit = 10): string[] {
  const problems: string[] = [];
  const { text } = seg;
  const owner = new Int32Array(text.length).fill(-1);
  const owners = allSpans(seg);
  owners.forEach((o, k) => {
    for (const s of o.spans) {
      if (s.start < 0 || s.end > text.length || s.start >= s.end) {
        problems.push(`${o.owner}: bad span [${s.start},${s.end})`);
        continue;
      }
      for (let i = s.start; i < s.end; i++) {
        const prev = owner[i] as number;
        if (prev >= 0 && problems.length < limit) {
          problems.push(`offset ${i} (${JSON.stringify(text[i])}) in both ${owners[prev]?.owner} and ${o.owner}`);
          break;
        }
        owner[i] = k;
      }
    }
  });
  for (let i = 0; i < text.length && problems.length < limit; i++) {
    if (owner[i] === -1 && !isWhite(text.charCodeAt(i))) {
      problems.push(`offset ${i} (${JSON.stringify(text.slice(i, i + 12))}) is not covered`);
    }
  }
  seg.articles.forEach((a, i) =>
    a.blocks.forEach((b) => {
      if (problems.length < limit && !derivable(text, b.spans, b.text)) {
        problems.push(`article ${i} ${b.role} text is not derivable from its spans: ${JSON.stringify(b.text.slice(0, 30))}`);
      }
    }),
  );
  for (const o of seg.orphans) if (o.kind === "unassigned" && problems.length < limit) problems.push(`unassigned text: ${JSON.stringify(o.text.slice(0, 30))}`);
  return problems;
}
