import type { BlockRole, DoubtKind, HeadlineFields, ReasonDetail, SetAsideKind, Span } from "@/lib/ingest";

/**
 * The segmentation workbench's document, as Tiptap JSON. It is plain data so the
 * server can store it, validate it and turn it into articles without an editor.
 *
 *   doc      := article* tray bin
 *   article  := block+          attrs: ArticleAttrs
 *   tray     := block*          orphans the engine could not place (unassigned)
 *   bin      := block*          text explicitly discarded
 *   block    := text*           attrs: BlockAttrs (no marks)
 */
export const WORKBENCH_ROLES = [
  "kicker",
  "title",
  "subtitle",
  "rubric",
  "byline",
  "lead",
  "heading",
  "paragraph",
  "caption",
  "jump",
] as const satisfies readonly BlockRole[];

export type WorkbenchRole = (typeof WORKBENCH_ROLES)[number];

/**
 * `detail` is what the desk shows (a translated message with its values); `reason` is the
 * engine's English account, kept for logs. Working states saved before details existed lack it.
 */
export type BlockDoubt = { kind: DoubtKind | SetAsideKind; reason: string; detail?: ReasonDetail };

export type BlockAttrs = {
  /** Stable id so the raw pane can find the block, and autosaves can be compared. */
  id: string;
  role: WorkbenchRole;
  /** Offsets into the normalized raw text (`Segmentation.text`) this block came from. */
  spans: Span[];
  /** Engine confidence 0..1 (1 when the editor wrote or confirmed it). */
  confidence: number;
  /** Why the engine was unsure, shown beside the block until the editor resolves it. */
  doubt: BlockDoubt | null;
  /** In the bin: the id of the article the block was discarded from. */
  origin?: string | null;
  /** A caption attached to a photo of the media library: accepting makes it that photo's caption, text as printed. */
  mediaId?: number | null;
};

export type ArticleAttrs = {
  /** Stable across saves and re-accepts: links a workbench article to its draft article. */
  id: string;
  doubt: BlockDoubt | null;
};

export type TextNode = { type: "text"; text: string };
export type BlockNode = { type: "block"; attrs: BlockAttrs; content?: TextNode[] };
export type ArticleNode = { type: "article"; attrs: ArticleAttrs; content: BlockNode[] };
export type TrayNode = { type: "tray"; content?: BlockNode[] };
export type BinNode = { type: "bin"; content?: BlockNode[] };
/** Articles first, then exactly one tray and one bin (the editor schema enforces the order). */
export type WorkbenchDoc = { type: "doc"; content: (ArticleNode | TrayNode | BinNode)[] };

/** What the status line shows and what gates "accept". */
export type WorkbenchStatus = {
  articles: number;
  blocks: number;
  discardedChars: number;
  unassignedChars: number;
  articlesWithoutTitle: number;
  doubts: number;
  canAccept: boolean;
};

/** One article as the workbench hands it to "accept". */
export type AcceptedArticle = HeadlineFields & {
  key: string;
  jumpTo: number | null;
  jumpFrom: number | null;
  /** Article body as Tiptap JSON in the shape of lib/article-body. */
  body: unknown;
  rawSpans: Span[];
};
