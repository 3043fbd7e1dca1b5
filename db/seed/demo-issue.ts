import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { acceptImportWork } from "@/db/queries/accept-import";
import { saveArticle, transitionArticle } from "@/db/queries/article-workflow";
import { ensureImportWork } from "@/db/queries/import-work";
import { insertImportOfBytes } from "@/db/queries/imports";
import { insertPdfImport } from "@/db/queries/pdf-imports";
import { setIssuePages } from "@/db/queries/issues";
import { markNotificationsRead } from "@/db/queries/notifications";
import { getUserByEmail } from "@/db/queries/users";
import { articles, imports, issues, sections, users, type Article } from "@/db/schema";
import { attachCaptionToPhoto, withLeadPhoto } from "@/lib/article-body/photos";
import type { ArticleBody } from "@/lib/article-body/types";
import { unconfirmedMasthead } from "@/lib/desk/import-text";
import { ingest } from "@/lib/ingest";
import type { Segmentation } from "@/lib/ingest/types";
import { importPdf } from "@/lib/pdf/import";
import { acceptedArticles, fromSegmentation } from "@/lib/workbench";
import { firstRow } from "@/db/raw";
import { DEMO_PHOTOS } from "./demo-photos";
import { typesetDemoPage } from "./demo-print";

export const DEMO_ISSUE_DATE = "2024-03-08";

/**
 * The two real sample pages. The front page is imported as its raw text; the feature page as a
 * print PDF typeset at seed time from its own text (db/seed/demo-print.ts), so the demo shows both
 * the text view and the printed page (数字报). The feature page has no masthead of its own, so it
 * is told where it belongs.
 */
const PAGES = [
  { file: "rongchang-2024-03-08-p1.md", page: 1, pageName: "要闻", section: "news", source: "text" },
  { file: "rongchang-feature-page.txt", page: 3, pageName: "专题", section: "features", source: "pdf" },
] as const;

type Actor = { id: number; role: "admin" | "editor" | "reviewer"; email: string };

/** An import of the page: its raw text through the engine, or a PDF typeset from that text through the PDF importer. */
async function importDemoPage(sample: (typeof PAGES)[number], editor: Actor): Promise<{ importId: number; proposal: Segmentation }> {
  const bytes = fs.readFileSync(path.join(process.cwd(), "db", "demo", sample.file));
  const reading = ingest(bytes, { page: sample.page, date: DEMO_ISSUE_DATE });
  const masthead = unconfirmedMasthead(reading, { issueDate: DEMO_ISSUE_DATE, pageNumber: sample.page, pageName: sample.pageName });
  if (sample.source === "text") {
    const item = await insertImportOfBytes({ bytes, proposal: reading, masthead, fileName: sample.file, createdById: editor.id });
    return { importId: item.id, proposal: reading };
  }
  const pdf = await typesetDemoPage({ reading, date: DEMO_ISSUE_DATE, page: sample.page, pageName: sample.pageName });
  const read = await importPdf(new Uint8Array(pdf));
  const page = read.pages[0];
  if (!page) throw new Error("the demo PDF has no page");
  const { imports: made } = await insertPdfImport({
    bytes: new Uint8Array(pdf),
    fileName: sample.file.replace(/\.\w+$/, ".pdf"),
    pageCount: read.pageCount,
    actor: editor,
    pages: [{ number: page.number, width: page.width, height: page.height, proposal: page.segmentation, masthead, alone: page.alone, images: page.images }],
  });
  const item = made[0];
  if (!item) throw new Error("the demo PDF made no import");
  return { importId: item.id, proposal: page.segmentation };
}

/** The demo issue prints four pages; the samples are pages 1 and 3, so the other two are marked, not left missing. */
const DEMO_PAGE_COUNT = 4;

export async function demoIssueExists(): Promise<boolean> {
  return firstRow(await getDb().select({ id: issues.id }).from(issues).where(eq(issues.date, DEMO_ISSUE_DATE)).limit(1)) !== undefined;
}

/** The article's body with the demo photos meant for it (DEMO_PHOTOS), or null when it gets none. */
function bodyWithDemoPhotos(article: Article, page: number, photoIds: ReadonlyMap<string, number>): ArticleBody | null {
  let body = article.body;
  for (const photo of DEMO_PHOTOS) {
    const id = photoIds.get(photo.key);
    if (id === undefined || photo.page !== page || !article.title.startsWith(photo.titleStart)) continue;
    if (photo.attachTo) body = attachCaptionToPhoto(body, photo.attachTo, id) ?? body;
    if (photo.lead) body = withLeadPhoto(body, id, photo.leadCaption);
  }
  return body === article.body ? null : body;
}

/**
 * Imports both samples (the front page's text, the feature page as a PDF), accepts them as an editor, places the demo photos
 * (their media ids by DEMO_PHOTOS key, when given), and has a reviewer approve and publish them:
 * a new user sees a real paper at once, with pictures, complete and honest about the pages it does
 * not have (marked not digitised). Does nothing if the issue exists.
 */
export async function seedDemoIssue({ photoIds = new Map() }: { photoIds?: ReadonlyMap<string, number> } = {}): Promise<number> {
  const db = getDb();
  if (await demoIssueExists()) return 0;
  const editor = await getUserByEmail({ email: "editor@folio.local" });
  const reviewer = await getUserByEmail({ email: "reviewer@folio.local" });
  if (!editor || !reviewer) throw new Error("seed the demo users first");
  const editorActor = { id: editor.id, role: editor.role, email: editor.email };
  const reviewerActor = { id: reviewer.id, role: reviewer.role, email: reviewer.email };
  let published = 0;
  for (const sample of PAGES) {
    const item = await importDemoPage(sample, editorActor);
    const proposal = item.proposal;
    const work = await ensureImportWork({ importId: item.importId, doc: () => fromSegmentation(proposal) });
    const outcome = await acceptImportWork({
      importId: item.importId,
      baseVersion: work.version,
      accepted: acceptedArticles(work.doc),
      masthead: proposal.masthead,
      person: editorActor,
      confirmed: new Set(),
      skipHeld: false,
    });
    if (!outcome.ok) throw new Error(`demo accept failed: ${outcome.reason}`);
    const section = firstRow(await db.select().from(sections).where(eq(sections.slug, sample.section)));
    for (const a of await db.select().from(articles).where(eq(articles.importId, item.importId))) {
      await db.update(articles).set({ sectionId: section?.id ?? null }).where(eq(articles.id, a.id));
      let version = a.version;
      const withPhotos = bodyWithDemoPhotos(a, sample.page, photoIds);
      if (withPhotos) {
        const saved = await saveArticle({ id: a.id, baseVersion: version, changes: { body: withPhotos }, note: "配图", actor: editorActor, ip: null });
        if (!saved.ok) throw new Error(`demo photos failed for article ${a.id}: ${saved.reason}`);
        version = saved.article.version;
      }
      for (const [action, actor] of [
        ["submit", editorActor],
        ["approve", reviewerActor],
        ["publish", reviewerActor],
      ] as const) {
        const step = await transitionArticle({ id: a.id, baseVersion: version, action, actor, ip: null });
        if (!step.ok) throw new Error(`demo ${action} failed for article ${a.id}: ${step.reason}`);
        version = step.article.version;
      }
      published += 1;
    }
    await db.update(imports).set({ status: "accepted" }).where(eq(imports.id, item.importId));
  }
  const issue = firstRow(await db.select({ id: issues.id }).from(issues).where(eq(issues.date, DEMO_ISSUE_DATE)));
  if (issue) {
    const have = new Set<number>(PAGES.map((p) => p.page));
    const statuses = new Map(
      Array.from({ length: DEMO_PAGE_COUNT }, (_, i) => i + 1)
        .filter((n) => !have.has(n))
        .map((n) => [n, "not_digitised" as const]),
    );
    await setIssuePages({ issueId: issue.id, pageCount: DEMO_PAGE_COUNT, statuses, actor: { id: editor.id, email: editor.email } });
  }
  // The demo paper was made before anyone signed in: its notices are history, not news.
  for (const user of (await db.select({ id: users.id }).from(users))) await markNotificationsRead({ userId: user.id });
  return published;
}
