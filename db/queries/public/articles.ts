import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { articles, issues, pages, sections } from "@/db/schema";
import type { ArticleBody } from "@/lib/article-body/types";
import { shareImage, type PublicPhoto } from "@/lib/media/picture";
import { isoDateInZone, type PublicArticle, type PublicPageRef } from "@/lib/public";
import { headIdOf, listPublishedPartsOfHeads } from "./chains";
import { listPublicPhotos } from "./photos";
import { toPublicIssue, type PublicIssueRow } from "./issues";
import { isHead, isPublished, PUBLISHED } from "./visibility";
import { firstRow } from "@/db/raw";

export type ArticleAvailability =
  | { kind: "published" }
  /** A later part of a published story: readers are sent to the head. */
  | { kind: "part"; headId: number }
  /** Was public and has been taken down (or its story has): 410. */
  | { kind: "gone" }
  /** Never public, or no such id: 404, so drafts do not reveal that they exist. */
  | { kind: "missing" };

type StateRow = { state: string; continuesId: number | null; firstPublishedAt: Date | null };

async function stateRow(id: number): Promise<StateRow | undefined> {
  return firstRow(await getDb()
    .select({ state: articles.state, continuesId: articles.continuesId, firstPublishedAt: articles.firstPublishedAt })
    .from(articles)
    .where(eq(articles.id, id)));
}

function ownAvailability(row: StateRow | undefined): "published" | "gone" | "missing" {
  if (!row) return "missing";
  if (row.state === PUBLISHED) return "published";
  return row.state === "unpublished" || row.firstPublishedAt !== null ? "gone" : "missing";
}

/** What the article URL should answer, from the article's state and, for a part, its head's. Cheap: used by proxy.ts. */
export async function getArticleAvailability({ id }: { id: number }): Promise<ArticleAvailability> {
  const row = await stateRow(id);
  const own = ownAvailability(row);
  if (own !== "published" || !row || row.continuesId === null) return { kind: own };
  const headId = await headIdOf(id);
  if (headId === null) return { kind: "missing" };
  const head = ownAvailability(await stateRow(headId));
  return head === "published" ? { kind: "part", headId } : { kind: head };
}

export type PublicArticlePart = {
  id: number;
  kicker: string | null;
  title: string;
  subtitle: string | null;
  pageId: number | null;
  pageNumber: number | null;
  pageName: string | null;
  body: ArticleBody;
  bodyText: string;
};

export type PublicArticleView = {
  /** The story as the lib/public helpers take it: pages and body text cover every published part. */
  article: PublicArticle;
  issue: PublicIssueRow | null;
  /** The head first, then its published parts in page order. */
  parts: PublicArticlePart[];
  /** The photos the parts' bodies place that readers may see, by media id. */
  photos: ReadonlyMap<number, PublicPhoto>;
  pageId: number | null;
  position: number;
};

export type PublicArticleLookup = { kind: "article"; view: PublicArticleView } | Exclude<ArticleAvailability, { kind: "published" }>;

/** A published story by its head id; a part id, an unpublished or unknown id say what to answer instead. */
export async function getPublicArticleById({ id }: { id: number }): Promise<PublicArticleLookup> {
  const availability = await getArticleAvailability({ id });
  if (availability.kind !== "published") return availability;
  const db = getDb();
  const row = firstRow(await db
    .select({ article: articles, issue: issues, pageNumber: pages.number, pageName: pages.name, section: sections })
    .from(articles)
    .leftJoin(issues, eq(issues.id, articles.issueId))
    .leftJoin(pages, eq(pages.id, articles.pageId))
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .where(and(eq(articles.id, id), isPublished)));
  if (!row) return { kind: "missing" };
  const a = row.article;

  const partRefs = (await listPublishedPartsOfHeads([a.id])).get(a.id) ?? [];
  const partRows =
    partRefs.length === 0
      ? []
      : (await db
          .select({
            id: articles.id,
            kicker: articles.kicker,
            title: articles.title,
            subtitle: articles.subtitle,
            pageId: articles.pageId,
            body: articles.body,
            bodyText: articles.bodyText,
          })
          .from(articles)
          .where(
            and(
              inArray(
                articles.id,
                partRefs.map((p) => p.id),
              ),
              isPublished,
            ),
          ));
  const parts: PublicArticlePart[] = [
    {
      id: a.id,
      kicker: a.kicker,
      title: a.title,
      subtitle: a.subtitle,
      pageId: a.pageId,
      pageNumber: row.pageNumber,
      pageName: row.pageName,
      body: a.body,
      bodyText: a.bodyText,
    },
    ...partRefs.flatMap((ref) => {
      const p = partRows.find((r) => r.id === ref.id);
      return p ? [{ ...p, pageNumber: ref.pageNumber, pageName: ref.pageName }] : [];
    }),
  ];

  const pageRefs: PublicPageRef[] = [];
  for (const p of parts) {
    if (p.pageNumber !== null && !pageRefs.some((r) => r.number === p.pageNumber)) pageRefs.push({ number: p.pageNumber, name: p.pageName });
  }
  const photos = await listPublicPhotos({ mediaIds: parts.flatMap((p) => p.body.content.flatMap((b) => (b.type === "photo" ? [b.attrs.mediaId] : []))) });
  const first = a.body.content[0];
  const lead = first?.type === "photo" && first.attrs.lead ? photos.get(first.attrs.mediaId) : undefined;
  const section = row.section && !row.section.hidden ? row.section : null;
  const publishedAt = a.firstPublishedAt ?? a.publishedAt ?? a.updatedAt;
  const article: PublicArticle = {
    id: a.id,
    kicker: a.kicker,
    title: a.title === "" ? null : a.title,
    subtitle: a.subtitle,
    byline: a.byline,
    source: a.source,
    reporters: a.reporters,
    photographers: a.photographers,
    sectionName: section?.name ?? null,
    sectionNameEn: section?.nameEn ?? null,
    sectionSlug: section?.slug ?? null,
    issueDate: row.issue?.date ?? isoDateInZone(publishedAt),
    pages: pageRefs,
    publishedAt,
    updatedAt: a.updatedAt,
    language: a.language,
    bodyText: parts.map((p) => p.bodyText).join("\n"),
    correction: a.correction?.trim() ? a.correction : null,
    image: lead ? shareImage(lead) : null,
  };
  return {
    kind: "article",
    view: { article, issue: row.issue ? toPublicIssue(row.issue) : null, parts, photos, pageId: a.pageId, position: a.position },
  };
}

export type AdjacentArticle = { id: number; kicker: string | null; title: string; subtitle: string | null; opening: string };

/** The published stories printed before and after this one on its page (parts of other stories are skipped). */
export async function getAdjacentArticlesOnPage({ articleId }: { articleId: number }): Promise<{ prev: AdjacentArticle | null; next: AdjacentArticle | null }> {
  const db = getDb();
  const self = firstRow(await db.select({ pageId: articles.pageId }).from(articles).where(eq(articles.id, articleId)));
  if (!self?.pageId) return { prev: null, next: null };
  const siblings = (await db
    .select({ id: articles.id, kicker: articles.kicker, title: articles.title, subtitle: articles.subtitle, opening: sql<string>`substr(${articles.bodyText}, 1, 60)` })
    .from(articles)
    .where(and(eq(articles.pageId, self.pageId), isPublished, isHead))
    .orderBy(asc(articles.position), asc(articles.id)));
  const index = siblings.findIndex((s) => s.id === articleId);
  if (index < 0) return { prev: null, next: null };
  return { prev: siblings[index - 1] ?? null, next: siblings[index + 1] ?? null };
}
