/** Character pairs of a text, punctuation and spaces left out. */
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
