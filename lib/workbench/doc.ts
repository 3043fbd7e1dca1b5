import type { ArticleNode, BinNode, BlockNode, TrayNode, WorkbenchDoc } from "./types";

/** Small readers shared by status, tints and accept (they tolerate a missing tray/bin). */

export function blockText(b: BlockNode): string {
  let s = "";
  for (const t of b.content ?? []) s += t.text;
  return s;
}

export function articlesOf(doc: WorkbenchDoc): ArticleNode[] {
  return doc.content.filter((n): n is ArticleNode => n.type === "article");
}

export function trayBlocks(doc: WorkbenchDoc): BlockNode[] {
  return doc.content.filter((n): n is TrayNode => n.type === "tray").flatMap((n) => n.content ?? []);
}

export function binBlocks(doc: WorkbenchDoc): BlockNode[] {
  return doc.content.filter((n): n is BinNode => n.type === "bin").flatMap((n) => n.content ?? []);
}

/** Non-whitespace characters, counted as code points (what the desk calls "characters"). */
export function visibleChars(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) continue; // second half of a surrogate pair
    if (!isSpace(c)) n++;
  }
  return n;
}

/** Same set as the regex `\s` (the status line runs on every keystroke, so no regex). */
function isSpace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x20 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * The document as accepted: accepting is the editor's word that every remaining doubt was
 * looked at, so each is cleared (the state before is kept as a revision by the caller).
 * Returns how many doubts that confirmed.
 */
export function confirmDoubts(doc: WorkbenchDoc): { doc: WorkbenchDoc; confirmed: number } {
  let confirmed = 0;
  const block = (b: BlockNode): BlockNode => {
    if (!b.attrs.doubt) return b;
    confirmed++;
    return { ...b, attrs: { ...b.attrs, doubt: null, confidence: 1 } };
  };
  const content = doc.content.map((n) => {
    if (n.type === "article") {
      if (n.attrs.doubt) confirmed++;
      return { ...n, attrs: { ...n.attrs, doubt: null }, content: n.content.map(block) };
    }
    return n.content ? { ...n, content: n.content.map(block) } : n;
  });
  return { doc: { ...doc, content }, confirmed };
}
