/** [start, end) offsets into the normalized text (`Segmentation.text`). */
export type Span = { start: number; end: number };

export type Format = "markdown" | "plain";

export type Encoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "gb18030";

export type BlockRole =
  | "kicker"
  | "title"
  | "subtitle"
  | "rubric"
  | "byline"
  | "lead"
  | "heading"
  | "paragraph"
  | "caption"
  | "jump";

/** `text` is the cleaned, unwrapped text of `spans` (markup and line breaks removed). */
export type Block = { role: BlockRole; text: string; spans: Span[] };

/** Stable codes so the desk UI can translate the reason. */
export type DoubtKind =
  | "column_join"
  | "fragment_attached"
  | "leading_text_attached"
  | "trailing_headline"
  | "merged_names"
  | "heading_placed"
  | "heading_level"
  | "subhead_or_title"
  | "rubric_reordered"
  | "lead_box"
  | "duplicate_text"
  | "short_line"
  | "page_inferred"
  | "furniture"
  | "unassigned";

export type Doubt = { kind: DoubtKind; reason: string; confidence: number; spans: Span[] };

export type MastheadField =
  | "paper"
  | "publisher"
  | "printer"
  | "date"
  | "weekday"
  | "lunarDate"
  | "issueNo"
  | "totalIssueNo"
  | "pageCount"
  | "page"
  | "pageName"
  | "website"
  | "licence";

export type Masthead = {
  paper: string | null;
  publisher: string | null;
  /** Not part of the public contract (…出版). */
  printer: string | null;
  /** YYYY-MM-DD */
  date: string | null;
  weekday: string | null;
  lunarDate: string | null;
  issueNo: number | null;
  totalIssueNo: number | null;
  pageCount: number | null;
  page: number | null;
  pageName: string | null;
  website: string | null;
  licence: string | null;
  /** Where each field was read from (empty when it came from a hint or was inferred). */
  fieldSpans: Partial<Record<MastheadField, Span[]>>;
};

/**
 * The headline and byline fields of a story (眉题, 标题, 副题, 栏目, 署名, 来源 and the
 * names credited in the byline). Declared once: the engine, the workbench, the public
 * JSON contract and stored revisions all carry this set.
 */
export type HeadlineFields = {
  kicker: string | null;
  title: string | null;
  subtitle: string | null;
  rubric: string | null;
  byline: string | null;
  source: string | null;
  reporters: string[];
  correspondents: string[];
  photographers: string[];
};

/**
 * Copies exactly the headline fields, in this order, leaving out whatever else `a` carries
 * (blocks, confidence, ids): the sites that copy them emit JSON or store snapshots. The
 * title's type passes through, so a stored row's `string` stays `string`.
 */
export function headlineFieldsOf<T extends string | null>(a: HeadlineFields & { title: T }): HeadlineFields & { title: T } {
  return {
    kicker: a.kicker,
    title: a.title,
    subtitle: a.subtitle,
    rubric: a.rubric,
    byline: a.byline,
    source: a.source,
    reporters: a.reporters,
    correspondents: a.correspondents,
    photographers: a.photographers,
  };
}

export type Article = HeadlineFields & {
  blocks: Block[];
  jumpTo: number | null;
  jumpFrom: number | null;
  /** 0..1: the weakest decision that shaped this article. */
  confidence: number;
  doubts: Doubt[];
};

/** Stable codes for orphans and discards, next to the human reason. */
export type SetAsideKind =
  | "no_article"
  | "stray_letters"
  | "vertical_label"
  | "duplicate"
  | "furniture"
  | "unassigned";

export type SetAside = { kind: SetAsideKind; text: string; reason: string; spans: Span[] };

export type Segmentation = {
  /** Strings passed in directly report "utf-8". */
  encoding: Encoding;
  format: Format;
  /** Normalized text; every Span points into it. */
  text: string;
  masthead: Masthead | null;
  /** Every span of the masthead area (field spans are a subset). */
  mastheadSpans: Span[];
  articles: Article[];
  orphans: SetAside[];
  discarded: SetAside[];
  /** Decisions that belong to no article (masthead, orphans). */
  doubts: Doubt[];
};

export type IngestHints = { page?: number; date?: string };

export type IngestOptions = {
  /** Internal: raise or lift the 5 MB limit (the benchmark needs 10 MB). */
  maxBytes?: number;
};

export type ErrorCode = "empty" | "too_large" | "binary" | "undecodable";
