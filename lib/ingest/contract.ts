import { headlineFieldsOf, type HeadlineFields, type Masthead, type Segmentation } from "./types";

export type ContractBodyRole = "paragraph" | "heading" | "lead" | "caption";

/** The public JSON other tools read (printed by `npm run ingest`). Keep it stable. */
export type ContractJson = {
  encoding: string;
  // The masthead minus what stays internal (printer, provenance spans).
  masthead: Omit<Masthead, "printer" | "fieldSpans"> | null;
  // Headline fields first, then body and jumps: the key order readers of the JSON see.
  articles: (HeadlineFields & {
    body: { role: ContractBodyRole; text: string }[];
    jumpTo: number | null;
    jumpFrom: number | null;
    confidence: number;
  })[];
  orphans: { text: string; reason: string }[];
  discarded: { text: string; reason: string }[];
};

const BODY_ROLES = new Set<string>(["paragraph", "heading", "lead", "caption"]);

export function toContractJson(seg: Segmentation): ContractJson {
  const m = seg.masthead;
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
    articles: seg.articles.map((a) => ({
      // Picked, not spread: an Article also carries blocks and doubts, which stay internal.
      ...headlineFieldsOf(a),
      body: a.blocks
        .filter((b) => BODY_ROLES.has(b.role))
        .map((b) => ({ role: b.role as ContractBodyRole, text: b.text })),
      jumpTo: a.jumpTo,
      jumpFrom: a.jumpFrom,
      confidence: a.confidence,
    })),
    orphans: seg.orphans.map((o) => ({ text: o.text, reason: o.reason })),
    discarded: seg.discarded.map((d) => ({ text: d.text, reason: d.reason })),
  };
}
