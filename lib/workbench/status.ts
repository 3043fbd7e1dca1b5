import type { Span } from "@/lib/ingest";
import { articlesOf, binBlocks, blockText, trayBlocks, visibleChars } from "./doc";
import type { WorkbenchDoc, WorkbenchStatus } from "./types";

/**
 * The status line and the "accept" gate.
 *
 * - `blocks`: every block node in the document (articles, tray and bin);
 * - `unassignedChars` / `discardedChars`: non-whitespace characters (code points) of
 *   the tray's / bin's block texts;
 * - an article has a title when one of its blocks has role "title" and visible text;
 * - `doubts`: blocks and articles whose doubt is not null (tray and bin blocks always
 *   carry one until the editor clears it).
 */
export function workbenchStatus(doc: WorkbenchDoc): WorkbenchStatus {
  const articles = articlesOf(doc);
  const tray = trayBlocks(doc);
  const bin = binBlocks(doc);
  let blocks = tray.length + bin.length;
  let doubts = 0;
  let articlesWithoutTitle = 0;
  for (const a of articles) {
    blocks += a.content.length;
    if (a.attrs.doubt) doubts++;
    for (const b of a.content) if (b.attrs.doubt) doubts++;
    if (!a.content.some((b) => b.attrs.role === "title" && visibleChars(blockText(b)) > 0)) articlesWithoutTitle++;
  }
  for (const b of [...tray, ...bin]) if (b.attrs.doubt) doubts++;
  const unassignedChars = tray.reduce((n, b) => n + visibleChars(blockText(b)), 0);
  const discardedChars = bin.reduce((n, b) => n + visibleChars(blockText(b)), 0);
  return {
    articles: articles.length,
    blocks,
    discardedChars,
    unassignedChars,
    articlesWithoutTitle,
    doubts,
    canAccept: unassignedChars === 0 && articlesWithoutTitle === 0 && articles.length > 0,
  };
}

export type TintOwner = { kind: "article"; index: number; articleId: string } | { kind: "tray" } | { kind: "bin" } | { kind: "none" };

export type RawTint = { start: number; end: number; owner: TintOwner; blockId: string | null };

/**
 * Partitions [0, rawLength) into ordered runs for the raw pane: which article (by
 * position), the tray or the bin owns each character, and through which block.
 * "none" is the masthead, whitespace between a block's lines, and anything never
 * assigned. Where spans overlap (not expected) the first node in document order wins.
 * Spans are clipped to the raw text.
 */
export function rawTints(doc: WorkbenchDoc, rawLength: number): RawTint[] {
  const len = Math.max(0, Math.floor(rawLength));
  // Per character: index+1 into `claims` (0 = unowned). Typed array keeps a page cheap.
  const owner = new Int32Array(len);
  const claims: { owner: TintOwner; blockId: string }[] = [];
  const claim = (spans: readonly Span[], o: TintOwner, blockId: string) => {
    claims.push({ owner: o, blockId });
    const code = claims.length;
    for (const s of spans) {
      const end = Math.min(len, s.end);
      for (let i = Math.max(0, s.start); i < end; i++) if (owner[i] === 0) owner[i] = code;
    }
  };
  let index = 0;
  for (const n of doc.content) {
    if (n.type === "article") {
      const o: TintOwner = { kind: "article", index: index++, articleId: n.attrs.id };
      for (const b of n.content) claim(b.attrs.spans, o, b.attrs.id);
    } else {
      const o: TintOwner = { kind: n.type };
      for (const b of n.content ?? []) claim(b.attrs.spans, o, b.attrs.id);
    }
  }
  const runs: RawTint[] = [];
  let start = 0;
  for (let i = 1; i <= len; i++) {
    if (i < len && owner[i] === owner[start]) continue;
    const c = claims[(owner[start] as number) - 1];
    runs.push(c ? { start, end: i, owner: c.owner, blockId: c.blockId } : { start, end: i, owner: { kind: "none" }, blockId: null });
    start = i;
  }
  return runs;
}
