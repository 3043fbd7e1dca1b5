import type { CorpusArticle } from "@/lab/corpus";
import type { IssuePlan } from "@/lab/plan";
import type { Segmentation } from "@/lib/ingest/types";

/**
 * A print PDF of a demo page, typeset at seed time from the demo's own text (a sample page as the
 * engine reads it) by the segmentation lab's typesetter (lab/typeset: pdfkit, Noto CJK), as 荣昌报's
 * county house style prints it. Nothing of the corpus is used or committed. The typesetter is a
 * development dependency, loaded only here, for the demo.
 */
function asCorpusArticle(a: Segmentation["articles"][number], date: string, page: number, pageName: string, seq: number): CorpusArticle {
  const body = a.blocks.flatMap((b): CorpusArticle["body"] => {
    if (b.role === "paragraph" || b.role === "lead") return [{ role: "paragraph", text: b.text }];
    if (b.role === "heading" || b.role === "caption") return [{ role: b.role, text: b.text }];
    return [];
  });
  return { paper: "荣昌报", date, page, pageName, seq, kicker: a.kicker, title: a.title ?? "", subtitle: a.subtitle, byline: a.byline, body, url: `demo:${page}:${seq}` };
}

export async function typesetDemoPage({ reading, date, page, pageName }: { reading: Segmentation; date: string; page: number; pageName: string }): Promise<Buffer> {
  const { buildIssue } = await import("@/lab/build-issue");
  const articles = reading.articles.filter((a) => a.title).map((a, i) => asCorpusArticle(a, date, page, pageName, i + 1));
  const plan: IssuePlan = {
    id: `demo-${date}-p${page}`,
    style: "county-weekly",
    split: "dev",
    sourcePaper: "荣昌报",
    date,
    // 荣昌报 is the county style's first paper.
    paperIndex: 0,
    pages: [{ page, pageName, sourcePage: page, articles }],
  };
  const built = await buildIssue(plan);
  const pdf = built.pages[0]?.pdf;
  if (!pdf) throw new Error("the demo page could not be typeset");
  return pdf;
}
