import fs from "node:fs";
import path from "node:path";
import { normalize } from "../../lib/ingest";

type Span = { start: number; end: number };
export type CorrectedArticles = { blocks: { role: string; spans: Span[] }[] }[];

const ROOT = path.join(__dirname, "..", "..");
const FRONT_PAGE = path.join(ROOT, "db", "demo", "rongchang-2024-03-08-p1.md");
const CORRECTED = path.join(ROOT, "lab", "score", "samples", "rongchang-2024-03-08-p1.corrected.json");

/**
 * The front page of 荣昌报 as a paper the lab never saw would print it: every headline line
 * (kicker, title, subtitle) as plain text in 【】 brackets instead of a Markdown heading, and
 * its hand-made segmentation moved onto that text. The lab model reads such headlines
 * poorly; a paper's own model learns them from a few corrected pages.
 */
export function bracketedFrontPage(): { text: string; articles: CorrectedArticles } {
  const md = normalize(fs.readFileSync(FRONT_PAGE, "utf8"));
  const corrected = JSON.parse(fs.readFileSync(CORRECTED, "utf8")) as { articles: CorrectedArticles };
  const heads = new Set<number>();
  for (const a of corrected.articles) {
    for (const b of a.blocks) if (["kicker", "title", "subtitle"].includes(b.role) && md[b.spans[0]!.start] === "#") heads.add(b.spans[0]!.start);
  }
  const at = new Int32Array(md.length + 1);
  let out = "";
  let closing = false;
  for (let i = 0; i < md.length; i++) {
    if (heads.has(i)) {
      const mark = /^#+ /.exec(md.slice(i))![0].length;
      for (let k = 0; k < mark; k++) at[i + k] = out.length;
      out += "【";
      i += mark - 1;
      closing = true;
      continue;
    }
    if (md[i] === "\n" && closing) {
      out += "】";
      closing = false;
    }
    at[i] = out.length;
    out += md[i];
  }
  at[md.length] = out.length + (closing ? 1 : 0);
  if (closing) out += "】";
  // A headline's span ends at its line's end, where the closing bracket now is.
  const move = (s: Span): Span => ({ start: at[s.start]!, end: at[s.end]! });
  return { text: out, articles: corrected.articles.map((a) => ({ blocks: a.blocks.map((b) => ({ role: b.role, spans: b.spans.map(move) })) })) };
}
