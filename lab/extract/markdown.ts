import type { PdfItem } from "./pdfjs";

/**
 * A Markdown-like rendering of a PDF page in the manner of the front-page sample
 * (db/demo/rongchang-2024-03-08-p1.md), made from pdf.js items alone, as a PDF-to-
 * Markdown converter would: text in content-stream order; lines larger than the body
 * become #/##/### headings by how large they are among the page's headings (so a lead
 * story's kicker can outrank a small story's title: the levels are unreliable); bold
 * body-size lines become **bold**; lines that continue in the same column are joined
 * into a paragraph, and a paragraph that runs into the next column is broken there
 * (有|限公司); short lines in a row keep Markdown hard breaks; URLs become <autolinks>.
 */
type Line = { text: string; x: number; y: number; right: number; size: number; bold: boolean };

const mode = (values: number[]): number => {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = 0;
  let n = -1;
  for (const [v, c] of counts) if (c > n) [best, n] = [v, c];
  return best;
};

function linesOf(items: readonly PdfItem[]): Line[] {
  const lines: Line[] = [];
  let cur: Line | null = null;
  for (const it of items) {
    if (!it.str.trim()) {
      continue;
    }
    const size = Math.round(it.size * 10) / 10;
    if (cur && Math.abs(it.y - cur.y) < size * 0.3 && Math.abs(size - cur.size) < 0.2 && it.x >= cur.right - size && it.x - cur.right < size * 3) {
      cur.text += (it.x - cur.right > size * 0.6 ? " " : "") + it.str;
      cur.right = it.x + it.width;
      cur.bold &&= it.bold;
      continue;
    }
    cur = { text: it.str, x: it.x, y: it.y, right: it.x + it.width, size, bold: it.bold };
    lines.push(cur);
  }
  return lines;
}

const autolink = (s: string) => s.replace(/https?:\/\/[^\s<>，。）)]+/g, (u) => `<${u}>`);

export function markdownFromItems(items: readonly PdfItem[]): string {
  const lines = linesOf(items);
  if (lines.length === 0) return "";
  const body = mode(lines.flatMap((l) => Array.from({ length: Math.min(40, [...l.text].length) }, () => l.size)));
  const headingSizes = [...new Set(lines.filter((l) => l.size >= body * 1.25).map((l) => l.size))].sort((a, b) => b - a);
  const top = headingSizes[0] ?? body;
  const level = (size: number) => (size >= top * 0.85 ? 1 : size >= top * 0.6 ? 2 : 3);
  // The common line length of the body, to tell a full line (that continues) from a paragraph's last.
  const width = mode(lines.filter((l) => l.size === body).map((l) => Math.round((l.right - l.x) / body)));

  const blocks: string[] = [];
  let para: Line[] = [];
  let short: string[] = [];
  const flushPara = () => {
    if (para.length) blocks.push(para.map((l) => l.text).join(""));
    para = [];
  };
  const flushShort = () => {
    if (short.length) blocks.push(short.join("  \n"));
    short = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as Line;
    const prev = lines[i - 1];
    if (l.size >= body * 1.25) {
      flushPara();
      flushShort();
      // A headline set on two lines is one heading.
      const last = blocks[blocks.length - 1];
      const hashes = "#".repeat(level(l.size));
      if (prev && prev.size === l.size && l.y - prev.y < l.size * 1.8 && l.y > prev.y && last?.startsWith(`${hashes} `)) blocks[blocks.length - 1] = `${last}${l.text}`;
      else blocks.push(`${hashes} ${l.text}`);
      continue;
    }
    if (l.bold && Math.abs(l.size - body) < 0.5) {
      flushPara();
      flushShort();
      blocks.push(`**${l.text}**`);
      continue;
    }
    if (Math.abs(l.size - body) >= 0.5) {
      // Captions, credits, furniture: short lines kept as lines.
      flushPara();
      if (short.length && prev && Math.abs(l.y - prev.y) > l.size * 2.5) flushShort();
      short.push(autolink(l.text));
      continue;
    }
    flushShort();
    const last = para[para.length - 1];
    // Same paragraph: the next line of the same column, not indented, after a full line.
    const continues = last !== undefined && Math.abs(l.x - last.x) < body * 2.5 && l.y > last.y && l.y - last.y < body * 2 && l.x - last.x < body * 1.5 && (last.right - Math.min(l.x, last.x)) / body >= width - 1.5;
    if (!continues) flushPara();
    para.push(l);
  }
  flushPara();
  flushShort();
  return `${blocks.join("\n\n")}\n`;
}
