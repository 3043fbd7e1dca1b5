/**
 * For tests: a page's lines as an extractor prints two side-by-side columns read across,
 * one line of each in turn (what `lib/ingest/notices.ts` flags).
 */
export function readAcross(text: string): string {
  const lines = text.split("\n").filter((l) => l.trim() !== "");
  const half = Math.ceil(lines.length / 2);
  const out: string[] = [];
  for (let i = 0; i < half; i++) out.push(lines[i] as string, ...(lines[half + i] === undefined ? [] : [lines[half + i] as string]));
  return out.join("\n");
}
