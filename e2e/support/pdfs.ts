import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import PDFDocument from "pdfkit";
import { buildIssue } from "../../lab/build-issue";
import type { CorpusArticle } from "../../lab/corpus";
import type { IssuePlan } from "../../lab/plan";

/*
 * PDFs for the stories: a whole issue typeset by the segmentation lab's typesetter from made-up
 * articles (as the lab makes its pages, without the corpus), and the bad ones an editor may
 * bring (encrypted, a scan, broken, too many pages), written to a temporary folder.
 */
const SENTENCES = "区里把这项工作列为今年的重点任务，各部门按照时间节点推进落实。记者在现场看到，工人们正在加紧施工，新修的道路已经初具规模。负责人介绍说，项目建成后将惠及周边三个镇街的两万多名群众。";

function article(page: number, seq: number, paragraphs: number, extra: Partial<CorpusArticle> = {}): CorpusArticle {
  return {
    paper: "荣昌报",
    date: "2031-05-07",
    page,
    pageName: "要闻",
    seq,
    kicker: null,
    title: `第${page}版测试稿件之${seq}`,
    subtitle: null,
    byline: "本报记者  张  三",
    body: Array.from({ length: paragraphs }, (_, k) => ({ role: "paragraph" as const, text: `${k + 1}.${SENTENCES.repeat(2 + (k % 2))}` })),
    url: `https://example.cn/${page}/${seq}`,
    ...extra,
  };
}

/** The caption printed under the photo of each page's second story. */
export function photoCaption(page: number): string {
  return `第${page}版的测试图片：新修的道路已经通车。`;
}

/** The titles printed on each page of the test issue, in print order. */
export const TEST_ISSUE = {
  date: "2031-05-07",
  pages: [1, 2, 3, 4].map((page) => ({
    page,
    titles: [1, 2, 3].map((seq) => `第${page}版测试稿件之${seq}`),
  })),
};

function dir(): string {
  const d = path.join(process.env.FOLIO_E2E_DIR ?? os.tmpdir(), "pdfs");
  fs.mkdirSync(d, { recursive: true });
  return d;
}

/** A four-page county-paper issue, one PDF of four pages (pdfunite would do; pdfkit pages are joined by poppler here). */
export async function testIssuePdf(): Promise<string> {
  const file = path.join(dir(), "test-issue.pdf");
  if (fs.existsSync(file)) return file;
  const plan: IssuePlan = {
    id: "county-weekly-2031-05-07-e2e",
    style: "county-weekly",
    split: "dev",
    sourcePaper: "荣昌报",
    date: TEST_ISSUE.date,
    paperIndex: 0,
    pages: TEST_ISSUE.pages.map(({ page }) => ({
      page,
      pageName: page === 1 ? "要闻" : "综合",
      sourcePage: page,
      articles: [
        article(page, 1, 6, { kicker: "区委区政府召开专题会议强调" }),
        // A photo with its caption: the lab draws a picture above the printed caption.
        { ...article(page, 2, 3), body: [...article(page, 2, 3).body, { role: "caption" as const, text: photoCaption(page) }] },
        article(page, 3, 2),
      ],
    })),
  };
  const built = await buildIssue(plan);
  const parts = built.pages.map((p, i) => {
    const f = path.join(dir(), `test-issue-p${i + 1}.pdf`);
    fs.writeFileSync(f, p.pdf);
    return f;
  });
  const { execFileSync } = await import("node:child_process");
  execFileSync("pdfunite", [...parts, file]);
  return file;
}

function writePdf(name: string, draw: (doc: PDFKit.PDFDocument) => void, options: PDFKit.PDFDocumentOptions = {}): Promise<string> {
  const file = path.join(dir(), name);
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: [400, 600], margin: 0, ...options });
    const out = fs.createWriteStream(file);
    doc.pipe(out);
    draw(doc);
    doc.end();
    out.on("finish", () => resolve(file));
    out.on("error", reject);
  });
}

/** Opens only with a password. */
export function encryptedPdf(): Promise<string> {
  return writePdf("encrypted.pdf", (doc) => doc.fontSize(20).text("Secret page", 40, 40), { userPassword: "secret", ownerPassword: "owner" });
}

/** A scanned page: a picture and no text layer. */
export function scannedPdf(): Promise<string> {
  // A small grey image as the "scan" (a 2×2 PNG drawn over the page).
  const png = Buffer.from("89504e470d0a1a0a0000000d49484452000000020000000208000000007b1a43ad0000000c4944415408d763f8ffff3f0005fe02fea7d6a2d50000000049454e44ae426082", "hex");
  return writePdf("scan.pdf", (doc) => {
    doc.image(png, 0, 0, { width: 400, height: 600 });
  });
}

/** Starts as a PDF, then stops. */
export async function brokenPdf(): Promise<string> {
  const whole = await writePdf("whole.pdf", (doc) => doc.fontSize(20).text("A page cut short", 40, 40));
  const bytes = fs.readFileSync(whole);
  const file = path.join(dir(), "broken.pdf");
  fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 3)));
  return file;
}

/** 65 pages: one more than an upload may hold. */
export function manyPagesPdf(): Promise<string> {
  return writePdf("65-pages.pdf", (doc) => {
    for (let i = 1; i <= 65; i++) {
      if (i > 1) doc.addPage();
      doc.fontSize(20).text(`Page ${i} of a long file`, 40, 40);
    }
  });
}
