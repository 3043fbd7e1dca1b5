import type { Locator } from "@playwright/test";
import { openTestDb } from "./db";

/** The issue `npm run db:seed -- --demo` publishes: page 1 要闻 (8 stories) and page 3 专题 (1 story). */
export const DEMO_DATE = "2024-03-08";

export type ArticleState = "draft" | "in_review" | "changes_requested" | "approved" | "scheduled" | "published" | "unpublished";

export type ArrangedArticle = {
  state: ArticleState;
  title: string;
  paragraphs: string[];
  kicker?: string | null;
  subtitle?: string | null;
  byline?: string | null;
  language?: "zh-CN" | "en";
  /** Printed page (of the demo issue unless `issueDate` says otherwise); omitted: a web-only story. */
  page?: number;
  issueDate?: string;
  position?: number;
  sectionSlug?: string | null;
  publishedAt?: Date | null;
  firstPublishedAt?: Date | null;
  scheduledAt?: Date | null;
  unpublishedAt?: Date | null;
  unpublishReason?: string | null;
};

/** An issue with its pages, as accepting an import creates it (nothing on it is published yet). */
export function arrangeIssue(issue: { date: string; issueNo: number; totalIssueNo: number; pages: { number: number; name: string }[] }): void {
  const db = openTestDb();
  try {
    const { lastInsertRowid } = db
      .prepare("insert into issues (paper, date, issue_no, total_issue_no, page_count) values ('荣昌报', ?, ?, ?, 4)")
      .run(issue.date, issue.issueNo, issue.totalIssueNo);
    for (const p of issue.pages) db.prepare("insert into pages (issue_id, number, name) values (?, ?, ?)").run(lastInsertRowid, p.number, p.name);
  } finally {
    db.close();
  }
}

/**
 * Writes an article straight into the run's database, as the desk would have
 * left it in that state (body JSON and body_text agree; search_index follows
 * through its triggers). The author is the demo editor.
 */
export function arrangeArticle(a: ArrangedArticle): number {
  const db = openTestDb();
  try {
    const author = db.prepare("select id from users where email = 'editor@folio.local'").get() as { id: number };
    let issueId: number | null = null;
    let pageId: number | null = null;
    if (a.page !== undefined) {
      const row = db
        .prepare("select issues.id as issueId, pages.id as pageId from pages join issues on issues.id = pages.issue_id where issues.date = ? and pages.number = ?")
        .get(a.issueDate ?? DEMO_DATE, a.page) as { issueId: number; pageId: number } | undefined;
      if (!row) throw new Error(`issue ${a.issueDate ?? DEMO_DATE} has no page ${a.page}`);
      ({ issueId, pageId } = row);
    }
    const sectionId =
      a.sectionSlug == null ? null : ((db.prepare("select id from sections where slug = ?").get(a.sectionSlug) as { id: number } | undefined)?.id ?? null);
    if (a.sectionSlug != null && sectionId === null) throw new Error(`no section ${a.sectionSlug}`);
    const now = Date.now();
    const wasPublic = a.state === "published" || a.state === "unpublished";
    const publishedAt = a.publishedAt !== undefined ? a.publishedAt : wasPublic ? new Date(now) : null;
    const firstPublishedAt = a.firstPublishedAt !== undefined ? a.firstPublishedAt : publishedAt;
    const body = { type: "doc", content: a.paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) };
    const bodyText = a.paragraphs.join("\n");
    const ms = (d: Date | null | undefined) => (d ? d.getTime() : null);
    const result = db
      .prepare(
        `insert into articles (state, issue_id, page_id, position, section_id, kicker, title, subtitle, byline, body, body_text, char_count,
           language, author_id, submitted_at, scheduled_at, published_at, first_published_at, unpublished_at, unpublish_reason, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        a.state,
        issueId,
        pageId,
        a.position ?? 0,
        sectionId,
        a.kicker ?? null,
        a.title,
        a.subtitle ?? null,
        a.byline ?? null,
        JSON.stringify(body),
        bodyText,
        Array.from(bodyText.replace(/\s/g, "")).length,
        a.language ?? "zh-CN",
        author.id,
        a.state === "draft" ? null : now,
        ms(a.scheduledAt),
        ms(publishedAt),
        ms(firstPublishedAt),
        ms(a.unpublishedAt ?? (a.state === "unpublished" ? new Date(now) : null)),
        a.unpublishReason ?? (a.state === "unpublished" ? "测试撤下" : null),
        now,
        Math.max(now, ms(publishedAt) ?? 0),
      );
    return Number(result.lastInsertRowid);
  } finally {
    db.close();
  }
}

/**
 * Deletes arranged stories (never touched through the desk, so nothing refers to them; the
 * search index follows by trigger) and, optionally, an arranged issue: later specs that count
 * what is on a demo page then see the page as the seed left it.
 */
export function removeArranged({ articleIds, issueDate }: { articleIds: number[]; issueDate?: string }): void {
  const db = openTestDb();
  try {
    db.transaction(() => {
      for (const id of articleIds) db.prepare("delete from articles where id = ?").run(id);
      if (issueDate) {
        db.prepare("delete from pages where issue_id = (select id from issues where date = ?)").run(issueDate);
        db.prepare("delete from issues where date = ?").run(issueDate);
      }
    })();
  } finally {
    db.close();
  }
}

/** Ids of every story a reader may see: published heads (a jumped story's later parts are read through its head). */
export function publishedStoryIds(): number[] {
  const db = openTestDb();
  const rows = db.prepare("select id from articles where state = 'published' and continues_id is null order by id").all() as { id: number }[];
  db.close();
  return rows.map((r) => r.id);
}

/**
 * Headlines of the demo issue's page in print order, as the newsroom placed them. The demo
 * stories come first; other specs may place more published stories after them.
 */
export function publishedTitlesOnPage(pageNumber: number): string[] {
  const db = openTestDb();
  const rows = db
    .prepare(
      `select a.title from articles a join pages p on p.id = a.page_id join issues i on i.id = p.issue_id
       where i.date = ? and p.number = ? and a.state = 'published' and a.continues_id is null order by a.position, a.id`,
    )
    .all(DEMO_DATE, pageNumber) as { title: string }[];
  db.close();
  return rows.map((r) => r.title);
}

export function articleIdByTitle(title: string): number {
  const db = openTestDb();
  const row = db.prepare("select id from articles where title = ? and state = 'published' order by id limit 1").get(title) as { id: number } | undefined;
  db.close();
  if (!row) throw new Error(`no published article titled ${title}`);
  return row.id;
}

/** Article ids linked from the HTML or XML text (/articles/123 and /articles/123-some-slug). */
export function linkedArticleIds(text: string): number[] {
  return [...new Set([...text.matchAll(/\/articles\/(\d+)(?=[-"'<\s/?#]|$)/g)].map((m) => Number(m[1])))].sort((a, b) => a - b);
}

/** Whether `first` comes before `second` in document order (both must match one element). */
export async function comesBefore(first: Locator, second: Locator): Promise<boolean> {
  const other = await second.elementHandle();
  return first.evaluate((a, b) => (b ? (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 : false), other);
}
