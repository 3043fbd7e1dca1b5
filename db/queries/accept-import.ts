import "server-only";
import { eq, inArray } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { insertAuditEntry } from "@/db/queries/audit";
import { editArticleIn } from "@/db/queries/article-workflow";
import { articleSnapshot, insertArticle } from "@/db/queries/articles";
import { getPendingRevision } from "@/db/queries/pending-revisions";
import { articleRevisions, articles, importWork, importWorkRevisions, imports, pages, sections, type Article, type Import } from "@/db/schema";
import { ensureIssueAndPage } from "@/db/queries/issues";
import { planAccept, type AcceptPlan, type ExistingArticle } from "@/lib/desk/accept-plan";
import { headlineFieldsOf, type Masthead } from "@/lib/ingest/types";
import type { Person } from "@/lib/workflow/types";
import { confirmDoubts } from "@/lib/workbench/doc";
import type { AcceptedArticle } from "@/lib/workbench/types";
import { firstRow, onlyRow } from "@/db/raw";

export type AcceptOutcome =
  | {
      ok: true;
      issueDate: string;
      pageNumber: number;
      created: number;
      updated: number;
      removed: number;
      /** Doubts still open at accept, now confirmed; the working state moved on to `version`. */
      confirmed: number;
      version: number;
      plan: AcceptPlan;
    }
  | { ok: false; reason: "stale"; version: number }
  | { ok: false; reason: "masthead" }
  | { ok: false; reason: "held"; plan: AcceptPlan };

/** Issue and page from the import's confirmed masthead; fills fields an earlier page left empty. */
async function upsertIssueAndPage(db: DbOrTx, item: Import, masthead: Masthead | null) {
  const made = await ensureIssueAndPage(db, {
    date: item.issueDate as string,
    pageNumber: item.pageNumber as number,
    pageName: item.pageName,
    known: {
      paper: item.paper ?? masthead?.paper ?? "",
      issueNo: item.issueNo,
      totalIssueNo: item.totalIssueNo,
      pageCount: item.pageCount,
      weekday: masthead?.weekday ?? null,
      lunarDate: masthead?.lunarDate ?? null,
    },
  });
  // A PDF import accepted for the page is its printed page (数字报) from now on.
  if (item.pdfFileId !== null && made.page.printImportId !== item.id) {
    made.page = onlyRow(await db.update(pages).set({ printImportId: item.id }).where(eq(pages.id, made.page.id)).returning());
  }
  return made;
}

/** What an earlier accept wrote, in the workbench's terms, to compare with what it would write now. */
function fieldsFromRow(a: Article): ExistingArticle["fields"] {
  const { sectionId: _section, ...snapshot } = articleSnapshot(a);
  return { ...snapshot, jumpTo: a.jumpToPage, jumpFrom: a.jumpFromPage };
}

async function existingArticlesOf(db: DbOrTx, importId: number): Promise<ExistingArticle[]> {
  return (await db
    .select()
    .from(articles)
    .where(eq(articles.importId, importId)))
    .filter((a) => a.importKey != null)
    .map((a) => ({
      id: a.id,
      key: a.importKey as string,
      state: a.state,
      untouched: a.lastEditedById == null,
      fields: fieldsFromRow(a),
    }));
}

function fieldsOf(a: AcceptedArticle) {
  return {
    ...headlineFieldsOf(a),
    // The articles.title column is not null: an untitled workbench article is stored as "".
    title: a.title ?? "",
    jumpToPage: a.jumpTo,
    jumpFromPage: a.jumpFrom,
    rawSpans: a.rawSpans,
    body: a.body as never,
  };
}

/**
 * Turns the workbench into the issue, its page and one draft per article, all or nothing.
 * Articles that moved on in review are changed only when the editor confirmed them.
 */
export function acceptImportWork({
  importId,
  baseVersion,
  accepted,
  masthead,
  person,
  confirmed,
  skipHeld,
}: {
  importId: number;
  baseVersion: number;
  accepted: AcceptedArticle[];
  masthead: Masthead | null;
  person: Person & { email: string };
  confirmed: ReadonlySet<number>;
  skipHeld: boolean;
}): Promise<AcceptOutcome> {
  return getDb().transaction(async (tx) => {
    const item = firstRow(await tx.select().from(imports).where(eq(imports.id, importId)));
    const work = firstRow(await tx.select().from(importWork).where(eq(importWork.importId, importId)));
    if (!item || !work) throw new Error(`import ${importId} has no working state`);
    if (work.version !== baseVersion) return { ok: false, reason: "stale", version: work.version } as const;
    if (!item.issueDate || item.pageNumber == null) return { ok: false, reason: "masthead" } as const;

    const plan = planAccept(accepted, await existingArticlesOf(tx, importId), confirmed);
    if (plan.held.length > 0 && !skipHeld) return { ok: false, reason: "held", plan } as const;

    const { issue, page } = await upsertIssueAndPage(tx, item, masthead);
    // A page named like a section (要闻) files its new articles there; the editor can change it.
    const section = item.pageName
      ? firstRow(await tx.select({ id: sections.id }).from(sections).where(eq(sections.name, item.pageName)))
      : undefined;
    const now = new Date();
    const note = `import #${importId}`;

    for (const { article, position } of plan.create) {
      await insertArticle(
        tx,
        {
          ...fieldsOf(article),
          state: "draft",
          issueId: issue.id,
          pageId: page.id,
          position,
          sectionId: section?.id ?? null,
          importId,
          importKey: article.key,
          authorId: person.id,
        },
        { kind: "import", note, authorId: person.id },
      );
    }
    for (const { id, article, position } of plan.update) {
      const current = firstRow(await tx.select().from(articles).where(eq(articles.id, id)));
      if (!current) continue;
      // Re-accepting an article in review is an edit like any other: it may start a new round; into
      // a published story it goes as its pending revision (readers keep the published text).
      await editArticleIn(tx, {
        current,
        revision: await getPendingRevision({ articleId: id }, tx),
        changes: { ...fieldsOf(article), issueId: issue.id, pageId: page.id, position },
        info: { kind: "import", note: `${note} (again)`, authorId: person.id },
        actor: person,
        now,
      });
      // Print order is layout, not text: it follows the page as a re-accept of an unchanged story does.
      if (current.state === "published" && current.position !== position) await tx.update(articles).set({ position }).where(eq(articles.id, id));
    }
    for (const { id, position } of plan.unchanged) {
      await tx.update(articles).set({ position }).where(eq(articles.id, id));
    }
    if (plan.remove.length > 0) {
      await tx.delete(articleRevisions).where(inArray(articleRevisions.articleId, plan.remove));
      await tx.delete(articles).where(inArray(articles.id, plan.remove));
    }
    await tx.update(imports).set({ status: "accepted", archivedAt: null, updatedAt: now }).where(eq(imports.id, importId));
    // Accepting is the editor's word on every doubt still open: the workbench shows them
    // confirmed from now on, and the state as it was is kept as a revision.
    const { doc, confirmed: confirmedDoubts } = confirmDoubts(work.doc);
    let version = work.version;
    if (confirmedDoubts > 0) {
      await tx.insert(importWorkRevisions).values({ importId, version: work.version, reason: "accept", doc: work.doc, savedById: work.savedById });
      version = work.version + 1;
      await tx.update(importWork).set({ doc, version, savedById: person.id, updatedAt: now }).where(eq(importWork.importId, importId));
    }
    await tx.update(importWork).set({ acceptedVersion: version }).where(eq(importWork.importId, importId));
    await insertAuditEntry(
      {
        actorId: person.id,
        actorEmail: person.email,
        action: "import.accept",
        targetType: "import",
        targetId: importId,
        detail: {
          issueDate: issue.date,
          page: page.number,
          created: plan.create.length,
          updated: plan.update.length,
          held: plan.held.map((h) => h.id),
          removed: plan.remove,
          confirmedDoubts,
        },
      },
      tx,
    );
    return {
      ok: true,
      issueDate: issue.date,
      pageNumber: page.number,
      created: plan.create.length,
      updated: plan.update.length,
      removed: plan.remove.length,
      confirmed: confirmedDoubts,
      version,
      plan,
    } as const;
  });
}
