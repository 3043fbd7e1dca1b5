import type { Doubt, ReasonDetail, Segmentation, SetAside, Span } from "@/lib/ingest";
import type { ArticleNode, BinNode, BlockDoubt, BlockNode, TextNode, TrayNode, WorkbenchDoc, WorkbenchRole } from "./types";

/** Below this engine confidence an article is flagged as a whole, not only its blocks. */
export const ARTICLE_DOUBT_BELOW = 0.6;

/**
 * Tiptap convention (ProseMirror's Node.toJSON): a node with no children has no
 * `content` key at all. We follow it everywhere so a freshly built document and one
 * saved by the editor compare equal: an empty block, tray or bin omits `content`.
 */
export function textContent(text: string): { content?: TextNode[] } {
  return text.length > 0 ? { content: [{ type: "text", text }] } : {};
}

const overlaps = (a: readonly Span[], b: readonly Span[]) =>
  // A span with start >= end covers nothing (the engine can emit such doubt spans).
  a.some((x) => x.start < x.end && b.some((y) => y.start < y.end && x.start < y.end && y.start < x.end));

/** The weakest doubt touching the block (ties: the first the engine reported). */
function weakestOverlapping(doubts: readonly Doubt[], spans: readonly Span[]): Doubt | null {
  let best: Doubt | null = null;
  for (const d of doubts) if (overlaps(d.spans, spans) && (!best || d.confidence < best.confidence)) best = d;
  return best;
}

function weakest(doubts: readonly Doubt[]): Doubt | null {
  let best: Doubt | null = null;
  for (const d of doubts) if (!best || d.confidence < best.confidence) best = d;
  return best;
}

const toBlockDoubt = (d: { kind: BlockDoubt["kind"]; reason: string; detail: ReasonDetail }): BlockDoubt => ({ kind: d.kind, reason: d.reason, detail: d.detail });

/**
 * Turns the engine's proposal into the workbench document:
 *
 * - article i → article node `a{i+1}`; its blocks keep the engine's reading order;
 * - every block gets a document-wide id `b1`, `b2`, … (articles, then tray, then bin);
 * - a block's confidence is the weakest doubt overlapping it, else its article's;
 *   that doubt (kind + reason) is shown beside it;
 * - an article below ARTICLE_DOUBT_BELOW carries its weakest doubt as a whole
 *   (null if the engine gave no doubt);
 * - orphans → tray, discards → bin, as paragraphs whose doubt says why. A tray block's
 *   confidence is 0 (the engine placed nothing), a bin block's is 1 (it chose to
 *   discard), unless a page-level doubt (`seg.doubts`) overlaps it;
 * - the masthead (`seg.mastheadSpans`) gets no node: it is confirmed on its own screen.
 *
 * An engine article with no blocks (not expected) gets one empty paragraph so article
 * indexes stay aligned with the engine's and the schema's `block+` holds.
 */
export function fromSegmentation(seg: Segmentation): WorkbenchDoc {
  let nextBlock = 1;
  const block = (role: WorkbenchRole, text: string, spans: readonly Span[], confidence: number, doubt: BlockDoubt | null): BlockNode => ({
    type: "block",
    attrs: { id: `b${nextBlock++}`, role, spans: spans.map((s) => ({ start: s.start, end: s.end })), confidence, doubt },
    ...textContent(text),
  });

  const articles: ArticleNode[] = seg.articles.map((a, i) => {
    const content = a.blocks.map((b) => {
      const d = weakestOverlapping(a.doubts, b.spans);
      return block(b.role, b.text, b.spans, d ? d.confidence : a.confidence, d ? toBlockDoubt(d) : null);
    });
    if (content.length === 0) content.push(block("paragraph", "", [], a.confidence, null));
    const w = a.confidence < ARTICLE_DOUBT_BELOW ? weakest(a.doubts) : null;
    return { type: "article", attrs: { id: `a${i + 1}`, doubt: w ? toBlockDoubt(w) : null }, content };
  });

  const setAside = (items: readonly SetAside[], confidence: number): BlockNode[] =>
    items.map((o) => {
      const d = weakestOverlapping(seg.doubts, o.spans);
      return block("paragraph", o.text, o.spans, d ? d.confidence : confidence, toBlockDoubt(o));
    });
  const trayBlocks = setAside(seg.orphans, 0);
  const binBlocks = setAside(seg.discarded, 1);
  const tray: TrayNode = trayBlocks.length > 0 ? { type: "tray", content: trayBlocks } : { type: "tray" };
  const bin: BinNode = binBlocks.length > 0 ? { type: "bin", content: binBlocks } : { type: "bin" };

  return { type: "doc", content: [...articles, tray, bin] };
}
