import type { IngestHints, Segmentation } from "../types";
import { assemble } from "./assemble";
import { blocksOf, bodyStyleOf, framesOf, joinPhrases, type BodyStyle, type LayoutBlock } from "./blocks";
import { groupsOf, type Group } from "./groups";
import { linesOf, type PdfLine } from "./lines";
import { cutTree, readingOrder, type CutTree } from "./order";
import { labelGroups, type LabelledGroup } from "./roles";
import type { PageContent, PdfLayout } from "./types";

/**
 * The PDF importer's geometry layer: page content (text runs with positions and sizes,
 * images, rules, frames) → lines → blocks → reading order → groups → labelled groups →
 * the same Segmentation the text engine makes, plus `layout` (pages, every line's box,
 * images and the articles that hold them).
 *
 *   const seg = segmentPdf(await readPdf(bytes));   // lib/pdf/read.ts reads the PDF
 */
export type PageAnalysis = {
  content: PageContent;
  lines: PdfLine[];
  body: BodyStyle;
  /** Blocks in reading order. */
  blocks: LayoutBlock[];
  tree: CutTree | null;
  /** The geometric grouping: a headline stack and the blocks its region holds. */
  groups: Group[];
};

/**
 * Decides what each line of a page is and which story it belongs to. The default is the
 * geometric labeller (roles.ts); a learned one plugs in here with the same output.
 */
export type PdfLabeller = (page: PageAnalysis) => LabelledGroup[];

export const geometricLabeller: PdfLabeller = (p) => labelGroups(p.groups, { width: p.content.width, height: p.content.height, body: p.body });

export function analysePage(content: PageContent): PageAnalysis {
  const body = bodyStyleOf(linesOf(content));
  const lines = joinPhrases(linesOf(content), body, content.rules);
  const blocks = blocksOf(content, lines, body);
  const tree = cutTree(blocks, framesOf(content, blocks), content.rules);
  return { content, lines, body, blocks: readingOrder(tree), tree, groups: groupsOf(tree) };
}

export type PdfSegmentation = Segmentation & { layout: PdfLayout };

export function segmentPdf(pages: readonly PageContent[], hints: IngestHints = {}, labeller: PdfLabeller = geometricLabeller): PdfSegmentation {
  const labelled = pages.map((content) => {
    const analysis = analysePage(content);
    return { page: { number: content.number, width: content.width, height: content.height }, groups: labeller(analysis) };
  });
  return assemble(labelled, hints);
}

export type { PageContent, PageRect, Rect, TextRun, PageImage } from "./types";
export type { PdfLayout, LayoutLine, LayoutImage, PdfPageInfo } from "./types";
