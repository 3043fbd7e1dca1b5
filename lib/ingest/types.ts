import type { Notice } from "./notices";
import type { HeadlineFields } from "@/lib/article-fields";
import type { PdfLayout } from "./pdf/types";

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
  | "unassigned"
  | "article_start"
  | "headline_role"
  | "line_role";

/**
 * A doubt's or a set-aside's reason as the desk shows it: a message code and the values it
 * names, translated there (workbenchEditor.reasons). `reason` says the same in English for the
 * CLI and logs; the desk never shows it, so no English reaches a Chinese interface.
 */
export const REASON_CODES = [
  "column_join",
  "fragment_elsewhere",
  "fragment_top",
  "leading_text_attached",
  "trailing_after_closing",
  "trailing_last_paragraph",
  "merged_names",
  "heading_placed",
  "heading_unmatched",
  "heading_level",
  "subhead_or_title",
  "rubric_reordered",
  "lead_box",
  "short_line_caption",
  "short_line_paragraph",
  "page_inferred",
  "second_rubric",
  "heading_above_stack",
  "lead_box_label",
  "layout_residue",
  "before_first_headline",
  "headline_without_article",
  "rubric_without_article",
  "duplicate_text",
  "duplicate_caption",
  "markup_only",
  "stray_letters",
  "image_reference",
  "vertical_label",
  "unassigned",
  // The PDF importer's (lib/ingest/pdf): furniture it recognises by its place and form.
  "source_stamp",
  "advertisement",
  "page_furniture",
  // The learned labeller's (lib/ingest/assemble.ts): its unsure decisions and what it built on them.
  "running_head",
  "furniture_unsure",
  "article_start",
  "headline_role",
  "line_role",
  "headline_split_kicker",
  "headline_split_subtitle",
  "headline_roles_by_words",
  "headline_joined_by_words",
  "headline_after_body",
  "fragment_above",
  "leading_text_starts",
  "unsure_unplaced",
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];
/** Values are short quotes from the page, counts and names: data, never English words. */
export type ReasonDetail = { code: ReasonCode; params?: Record<string, string | number> };

export type Doubt = { kind: DoubtKind; reason: string; detail: ReasonDetail; confidence: number; spans: Span[] };

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

// The headline and byline fields (and the copy helper) are declared with every other
// article field in lib/article-fields; the engine's articles carry the printed ones.
export type { HeadlineFields } from "@/lib/article-fields";
export { headlineFieldsOf } from "@/lib/article-fields";

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

export type SetAside = { kind: SetAsideKind; text: string; reason: string; detail: ReasonDetail; spans: Span[] };

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
  /** What the text itself says to the editor (./notices.ts); absent when nothing (and in proposals stored before them). */
  notices?: Notice[];
  /**
   * The model that labelled the lines: the lab model (paper null) or a paper's own, trained on
   * `pages` corrected pages. Absent when the PDF importer's geometric labeller read the page.
   */
  model?: { paper: string | null; pages: number | null };
  /** Read from a PDF: its pages, every printed line's box (spans → regions) and its images. */
  layout?: PdfLayout;
};

export type IngestHints = { page?: number; date?: string };

export type IngestOptions = {
  /** Internal: raise or lift the 5 MB limit (the benchmark needs 10 MB). */
  maxBytes?: number;
};

export type ErrorCode = "empty" | "too_large" | "binary" | "undecodable";
