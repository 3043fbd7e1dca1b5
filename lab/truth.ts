import type { Split } from "./plan";
import type { StyleName } from "./styles";
import type { FurnitureKind } from "./typeset/furniture";
import type { Rect } from "./typeset/model";

/**
 * The truth of one generated page, written beside its PDF and raw texts as truth.json.
 * Articles are in the contract's shape (kicker, title, subtitle, byline, body, jumps)
 * plus where they are on the page. Coordinates are PDF points from the page's top-left
 * corner, y downwards (PDF's own y runs upwards: y_pdf = height − y − h).
 */
export const TRUTH_VERSION = 1;

export type TruthBodyBlock = { role: "paragraph" | "heading" | "lead" | "caption"; text: string };

export type TruthArticle = {
  /** Unique in the lab; parts of one jumped story share the id before "~" (…-a03, …-a03~2). */
  id: string;
  /** story; brief (one item of a boxed column of briefs); continuation (the part after 上接). */
  kind: "story" | "brief" | "continuation";
  kicker: string | null;
  title: string | null;
  subtitle: string | null;
  byline: string | null;
  /** As printed on this page, in reading order; captions after the text. */
  body: TruthBodyBlock[];
  /** The first and last 30 characters of the body text (captions left out). */
  bodyStarts: string;
  bodyEnds: string;
  jumpTo: number | null;
  jumpFrom: number | null;
  /** Tight box of everything printed for the article (em boxes of its lines, its photos). */
  box: Rect;
  /** The module the make-up gave it (the box plus any white space left in it). */
  module: Rect;
  /** The corpus article the text comes from. */
  source: { url: string; date: string; page: number; seq: number };
};

export type TruthFurniture = { id: string; kind: FurnitureKind; text: string; box: Rect };

export type TruthMasthead = {
  paper: string;
  date: string;
  weekday: string;
  lunarDate: string | null;
  issueNo: number;
  totalIssueNo: number;
  pageCount: number;
  publisher: string;
  website: string;
  licence: string;
};

export type PageTruth = {
  version: number;
  id: string;
  issueId: string;
  style: StyleName;
  split: Split;
  paper: string;
  date: string;
  page: number;
  pageCount: number;
  pageName: string;
  source: { paper: string; date: string; page: number };
  size: { width: number; height: number };
  /** Only on page 1. */
  masthead: TruthMasthead | null;
  articles: TruthArticle[];
  /** Text that must not become an article: mastheads, running heads, stamps, ads, notices, labels. */
  furniture: TruthFurniture[];
};

export const EXTRACTORS = ["pdftotext", "pdftotext-raw", "pdftotext-layout", "pdfjs", "markdown"] as const;
export type ExtractorName = (typeof EXTRACTORS)[number];

/** File names inside a page's folder. */
export const PAGE_FILES = {
  pdf: "page.pdf",
  truth: "truth.json",
  text: (x: ExtractorName) => (x === "markdown" ? "markdown.md" : `${x}.txt`),
};

const clip = (s: string, n: number, end: boolean) => {
  const chars = [...s.replace(/\s+/g, " ").trim()];
  return (end ? chars.slice(-n) : chars.slice(0, n)).join("");
};

/** A body's text as the scorer reads it: the text blocks without captions, joined. */
export function bodyText(blocks: readonly { role: string; text: string }[]): string {
  return blocks
    .filter((b) => b.role !== "caption")
    .map((b) => b.text)
    .join("");
}

export function bodyEnds(body: readonly TruthBodyBlock[]): { bodyStarts: string; bodyEnds: string } {
  const text = bodyText(body);
  return { bodyStarts: clip(text, 30, false), bodyEnds: clip(text, 30, true) };
}
