import type { Notice } from "./notices";
import type { PageRect, PdfPageInfo } from "./pdf/types";
import { articleRects, columnRuns, lineBoxes, regionRects } from "./pdf/regions";
import { headlineFieldsOf, type HeadlineFields, type Masthead, type Segmentation } from "./types";

export type ContractBodyRole = "paragraph" | "heading" | "lead" | "caption";

/** The public JSON other tools read (printed by `npm run ingest`). Keep it stable. */
export type ContractJson = {
  encoding: string;
  // The masthead minus what stays internal (printer, provenance spans).
  masthead: Omit<Masthead, "printer" | "fieldSpans"> | null;
  // Headline fields first, then body and jumps: the key order readers of the JSON see.
  articles: (HeadlineFields & {
    body: { role: ContractBodyRole; text: string; boxes?: PageRect[] }[];
    jumpTo: number | null;
    jumpFrom: number | null;
    confidence: number;
    /** Read from a PDF: the article's region (its lines and photos), in points from each page's top-left corner. */
    boxes?: PageRect[];
  })[];
  orphans: { text: string; reason: string }[];
  discarded: { text: string; reason: string }[];
  /** What the text itself says (lib/ingest/notices.ts), only when it says something: e.g. columns read across. */
  notices?: Notice[];
  /** Read from a PDF: its pages' sizes in points. */
  pages?: PdfPageInfo[];
  /** Read from a PDF: the pictures on its pages, the article each belongs to (an index) and its caption. */
  photos?: { boxes: PageRect[]; article: number | null; caption: string | null }[];
};

const BODY_ROLES = new Set<string>(["paragraph", "heading", "lead", "caption"]);

export function toContractJson(seg: Segmentation): ContractJson {
  const m = seg.masthead;
  const layout = seg.layout;
  const regions = articleRegions(seg);
  return {
    encoding: seg.encoding,
    masthead: m && {
      paper: m.paper,
      publisher: m.publisher,
      date: m.date,
      weekday: m.weekday,
      lunarDate: m.lunarDate,
      issueNo: m.issueNo,
      totalIssueNo: m.totalIssueNo,
      pageCount: m.pageCount,
      page: m.page,
      pageName: m.pageName,
      website: m.website,
      licence: m.licence,
    },
    articles: seg.articles.map((a, i) => ({
      // Picked, not spread: an Article also carries blocks and doubts, which stay internal.
      ...headlineFieldsOf(a),
      body: a.blocks
        .filter((b) => BODY_ROLES.has(b.role))
        .map((b) => ({ role: b.role as ContractBodyRole, text: b.text, ...(layout ? { boxes: columnRuns(lineBoxes(layout, b.spans)) } : {}) })),
      jumpTo: a.jumpTo,
      jumpFrom: a.jumpFrom,
      confidence: a.confidence,
      ...(regions ? { boxes: regions[i] as PageRect[] } : {}),
    })),
    orphans: seg.orphans.map((o) => ({ text: o.text, reason: o.reason })),
    discarded: seg.discarded.map((d) => ({ text: d.text, reason: d.reason })),
    ...(seg.notices?.length ? { notices: seg.notices } : {}),
    ...(layout
      ? {
          pages: layout.pages,
          photos: layout.images.map((im) => ({ boxes: [{ page: im.page, x: im.x, y: im.y, w: im.w, h: im.h }], article: im.article, caption: im.caption })),
        }
      : {}),
  };
}

/** Each article's region as rectangles that stay clear of the other articles' lines. */
function articleRegions(seg: Segmentation): PageRect[][] | null {
  const layout = seg.layout;
  if (!layout) return null;
  const rects = seg.articles.map((a, i) => articleRects(layout, a, i));
  return rects.map((mine, i) => regionRects(mine, rects.filter((_, k) => k !== i).flat()));
}
