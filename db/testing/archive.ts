import "server-only";
import { getDb } from "@/db";
import { insertArticle, type NewArticle, type RevisionInfo } from "@/db/queries/articles";
import { insertIssueWithPages, type NewIssue } from "@/db/queries/issues";

export type ArchivePage = { number: number; name: string | null; articles: Omit<NewArticle, "issueId" | "pageId" | "position">[] };
export type ArchiveIssue = { issue: NewIssue; pages: ArchivePage[] };

/**
 * Issues with their pages and articles (each with its first revision) in one transaction: an
 * archive for benchmarks and tests without going through imports. A page's articles are in
 * print order. Returns how many articles were written.
 */
export async function insertArchive(archive: readonly ArchiveIssue[], info: RevisionInfo): Promise<number> {
  let written = 0;
  await getDb().transaction(async (tx) => {
    for (const { issue: values, pages } of archive) {
      const { issue, pages: rows } = await insertIssueWithPages(
        tx,
        values,
        pages.map((p) => ({ number: p.number, name: p.name })),
      );
      for (const [p, page] of pages.entries()) {
        for (const [position, article] of page.articles.entries()) {
          await insertArticle(tx, { ...article, issueId: issue.id, pageId: rows[p]?.id ?? null, position }, info);
          written += 1;
        }
      }
    }
  });
  return written;
}
