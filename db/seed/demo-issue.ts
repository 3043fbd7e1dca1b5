import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { acceptImportWork } from "@/db/queries/accept-import";
import { transitionArticle } from "@/db/queries/article-workflow";
import { ensureImportWork } from "@/db/queries/import-work";
import { insertImportOfBytes } from "@/db/queries/imports";
import { setIssuePages } from "@/db/queries/issues";
import { markNotificationsRead } from "@/db/queries/notifications";
import { getUserByEmail } from "@/db/queries/users";
import { articles, imports, issues, sections, users } from "@/db/schema";
import { unconfirmedMasthead } from "@/lib/desk/import-text";
import { ingest } from "@/lib/ingest";
import { acceptedArticles, fromSegmentation } from "@/lib/workbench";
import { firstRow } from "@/db/raw";

export const DEMO_ISSUE_DATE = "2024-03-08";

/** The two real sample pages; the feature page has no masthead of its own, so it is told where it belongs. */
const PAGES = [
  { file: "rongchang-2024-03-08-p1.md", page: 1, pageName: "要闻", section: "news" },
  { file: "rongchang-feature-page.txt", page: 3, pageName: "专题", section: "features" },
] as const;

/** The demo issue prints four pages; the samples are pages 1 and 3, so the other two are marked, not left missing. */
const DEMO_PAGE_COUNT = 4;

/**
 * Imports both samples through the engine, accepts them as an editor, and has two reviewers
 * approve and publish them: a new user sees a real paper at once, complete and honest about
 * the pages it does not have (marked not digitised). Does nothing if the issue exists.
 */
export async function seedDemoIssue(): Promise<number> {
  const db = getDb();
  if (firstRow(await db.select().from(issues).where(eq(issues.date, DEMO_ISSUE_DATE)))) return 0;
  const editor = await getUserByEmail({ email: "editor@folio.local" });
  const reviewer = await getUserByEmail({ email: "reviewer@folio.local" });
  if (!editor || !reviewer) throw new Error("seed the demo users first");
  const editorActor = { id: editor.id, role: editor.role, email: editor.email };
  const reviewerActor = { id: reviewer.id, role: reviewer.role, email: reviewer.email };
  let published = 0;
  for (const sample of PAGES) {
    const bytes = fs.readFileSync(path.join(process.cwd(), "db", "demo", sample.file));
    const proposal = ingest(bytes, { page: sample.page, date: DEMO_ISSUE_DATE });
    const item = await insertImportOfBytes({
      bytes,
      proposal,
      masthead: unconfirmedMasthead(proposal, { issueDate: DEMO_ISSUE_DATE, pageNumber: sample.page, pageName: sample.pageName }),
      fileName: sample.file,
      createdById: editor.id,
    });
    const work = await ensureImportWork({ importId: item.id, doc: () => fromSegmentation(proposal) });
    const outcome = await acceptImportWork({
      importId: item.id,
      baseVersion: work.version,
      accepted: acceptedArticles(work.doc),
      masthead: proposal.masthead,
      person: editorActor,
      confirmed: new Set(),
      skipHeld: false,
    });
    if (!outcome.ok) throw new Error(`demo accept failed: ${outcome.reason}`);
    const section = firstRow(await db.select().from(sections).where(eq(sections.slug, sample.section)));
    for (const a of (await db.select().from(articles).where(eq(articles.importId, item.id)))) {
      await db.update(articles).set({ sectionId: section?.id ?? null }).where(eq(articles.id, a.id));
      let version = a.version;
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
    await db.update(imports).set({ status: "accepted" }).where(eq(imports.id, item.id));
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
