import "server-only";
import { and, asc, count, desc, eq, gte, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { anyTrue, containsText, instant } from "@/db/dialect";
import { firstRow } from "@/db/raw";
import { insertAuditEntry } from "@/db/queries/audit";
import { articlePhotos, articles, media, mediaFiles, users, type Article, type Media, type MediaFile } from "@/db/schema";
import { photosOfBody } from "@/lib/article-body/photos";
import type { ArticleBody } from "@/lib/article-body/types";
import type { PhotoFormat } from "@/lib/media/formats";
import type { ArticleState } from "@/lib/vocabulary";
import type { PhotoProblem } from "@/lib/workflow";

/* The media library: photos, the files made of them, and where articles place them. */

export type NewMedia = {
  sha256: string;
  format: PhotoFormat;
  fileName: string | null;
  bytes: number;
  width: number;
  height: number;
  takenAt: Date | null;
  caption: string;
  credit: string;
  photographers: string[];
  alt: string;
  uploadedById: number;
};

/**
 * A new photo, waiting for its sizes to be made; or, when the same file (by SHA-256) is already
 * in the library, that photo unchanged. The check and the insert are one statement, so two
 * uploads of one file at once still make one photo.
 */
export async function insertMedia(values: NewMedia): Promise<{ media: Media; duplicate: boolean }> {
  return getDb().transaction(
    async (tx) => {
      const inserted = firstRow(await tx.insert(media).values(values).onConflictDoNothing({ target: media.sha256 }).returning());
      if (inserted) {
        await insertAuditEntry({ actorId: values.uploadedById, action: "media.upload", targetType: "media", targetId: inserted.id, detail: { fileName: values.fileName, bytes: values.bytes } }, tx);
        return { media: inserted, duplicate: false };
      }
      const existing = firstRow(await tx.select().from(media).where(eq(media.sha256, values.sha256)));
      if (!existing) throw new Error("media row vanished between insert and read");
      return { media: existing, duplicate: true };
    },
    { behavior: "immediate" },
  );
}

export async function getMediaById({ id }: { id: number }): Promise<Media | undefined> {
  return firstRow(await getDb().select().from(media).where(eq(media.id, id)));
}

export type MediaListItem = Pick<
  Media,
  "id" | "status" | "caption" | "credit" | "alt" | "width" | "height" | "focalX" | "focalY" | "fileName" | "format" | "takenAt" | "createdAt" | "version"
> & { uploadedByName: string; uses: number };

export type MediaSearch = {
  /** Words in the caption, credit, alt text or file name. */
  q?: string;
  /** Uploaded (or taken) on or after / before these days, YYYY-MM-DD in Beijing time. */
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
};

/** Midnight of a YYYY-MM-DD day in Beijing (UTC+8), as the desk's people mean a date. */
const beijingDay = (day: string) => new Date(`${day}T00:00:00+08:00`);
const DAY_MS = 24 * 60 * 60 * 1000;

/** The library, newest first, found by words (every word must match) and by date taken or uploaded. */
export async function listMedia({ q, from, to, page = 1, pageSize = 48 }: MediaSearch): Promise<{ items: MediaListItem[]; total: number }> {
  const where: SQL[] = [];
  for (const word of (q ?? "").split(/\s+/).filter((w) => w !== "")) {
    where.push(or(containsText(media.caption, word), containsText(media.credit, word), containsText(media.alt, word), containsText(media.fileName, word)) as SQL);
  }
  const day = sql`coalesce(${media.takenAt}, ${media.createdAt})`;
  if (from) where.push(gte(day, instant(beijingDay(from))));
  if (to) where.push(lt(day, instant(new Date(beijingDay(to).getTime() + DAY_MS))));
  const condition = where.length ? and(...where) : undefined;
  const db = getDb();
  const total = firstRow(await db.select({ n: count() }).from(media).where(condition))?.n ?? 0;
  const items = await db
    .select({
      id: media.id,
      status: media.status,
      caption: media.caption,
      credit: media.credit,
      alt: media.alt,
      width: media.width,
      height: media.height,
      focalX: media.focalX,
      focalY: media.focalY,
      fileName: media.fileName,
      format: media.format,
      takenAt: media.takenAt,
      createdAt: media.createdAt,
      version: media.version,
      uploadedByName: users.name,
      // Aliased: drizzle writes a selected sql's columns unqualified.
      uses: sql<number>`(select count(distinct "ap"."article_id") from ${articlePhotos} "ap" where "ap"."media_id" = "media"."id")`,
    })
    .from(media)
    .innerJoin(users, eq(users.id, media.uploadedById))
    .where(condition)
    .orderBy(desc(media.createdAt), desc(media.id))
    .limit(pageSize)
    .offset((Math.max(1, page) - 1) * pageSize);
  return { items, total };
}

export type MediaUse = { articleId: number; title: string; state: ArticleState; lead: boolean };

/** Where a photo is placed: each article once, the lead placement first. */
export async function listMediaUses({ mediaId }: { mediaId: number }): Promise<MediaUse[]> {
  return getDb()
    .select({ articleId: articles.id, title: articles.title, state: articles.state, lead: anyTrue(articlePhotos.lead).mapWith(Boolean) })
    .from(articlePhotos)
    .innerJoin(articles, eq(articles.id, articlePhotos.articleId))
    .where(eq(articlePhotos.mediaId, mediaId))
    .groupBy(articles.id)
    .orderBy(desc(articles.updatedAt));
}

/** Which of these ids are not photos of the library (a body naming one is refused). */
export async function missingMediaIds({ ids }: { ids: readonly number[] }): Promise<number[]> {
  if (ids.length === 0) return [];
  const found = new Set((await getDb().select({ id: media.id }).from(media).where(inArray(media.id, [...new Set(ids)]))).map((r) => r.id));
  return [...new Set(ids)].filter((id) => !found.has(id));
}

export type MediaDetails = { caption: string; credit: string; photographers: string[]; alt: string; focalX: number; focalY: number };

export type MediaWriteOutcome =
  | { ok: true; media: Media }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "stale"; stale: { version: number; savedAt: Date } }
  | { ok: false; reason: "alt_in_use"; titles: string[] };

/** States in which readers have the story, or will without anyone looking again. */
const OUT_OR_GOING_OUT = ["published", "scheduled"] as const;

/** Caption, credit, alt text and focal point, at the version the editor started from, with its audit row. */
export function updateMediaDetails({
  id,
  baseVersion,
  details,
  actor,
  ip,
}: {
  id: number;
  baseVersion: number;
  details: MediaDetails;
  actor: { id: number; email: string };
  ip: string | null;
}): Promise<MediaWriteOutcome> {
  return getDb().transaction(
    async (tx) => {
      const current = firstRow(await tx.select().from(media).where(eq(media.id, id)));
      if (!current) return { ok: false, reason: "not_found" } as const;
      if (current.version !== baseVersion) return { ok: false, reason: "stale", stale: { version: current.version, savedAt: current.updatedAt } } as const;
      if (details.alt.trim() === "") {
        // Readers are shown a photo only with its alt text: taking it away would silently drop the
        // picture from a story that is out (or about to be), which nobody reviewed.
        const shownBy = await tx
          .selectDistinct({ title: articles.title })
          .from(articlePhotos)
          .innerJoin(articles, eq(articles.id, articlePhotos.articleId))
          .where(and(eq(articlePhotos.mediaId, id), inArray(articles.state, [...OUT_OR_GOING_OUT])));
        if (shownBy.length > 0) return { ok: false, reason: "alt_in_use", titles: shownBy.map((r) => r.title) } as const;
      }
      const updated = firstRow(
        await tx
          .update(media)
          .set({ ...details, version: current.version + 1, updatedAt: new Date() })
          .where(and(eq(media.id, id), eq(media.version, baseVersion)))
          .returning(),
      );
      if (!updated) return { ok: false, reason: "stale", stale: { version: current.version, savedAt: current.updatedAt } } as const;
      const changed = (Object.keys(details) as (keyof MediaDetails)[]).filter((k) => JSON.stringify(current[k]) !== JSON.stringify(details[k]));
      await insertAuditEntry({ actorId: actor.id, actorEmail: actor.email, action: "media.edit", targetType: "media", targetId: id, detail: { version: updated.version, changed }, ip }, tx);
      return { ok: true, media: updated } as const;
    },
    { behavior: "immediate" },
  );
}

/* ---------- the processing job ---------- */

/**
 * Takes the oldest photo waiting for its sizes, unless another process holds it (its lease has not
 * run out). One UPDATE … RETURNING, so two processes never take the same photo; a process that died
 * mid-job leaves a lease that runs out, and the photo is taken again.
 */
export async function claimMediaJob({ now = new Date(), leaseMs }: { now?: Date; leaseMs: number }): Promise<Media | undefined> {
  const db = getDb();
  const next = db
    .select({ id: media.id })
    .from(media)
    .where(and(eq(media.status, "processing"), or(isNull(media.processingUntil), lt(media.processingUntil, now))))
    .orderBy(asc(media.id))
    .limit(1);
  return firstRow(
    await db
      .update(media)
      .set({ processingUntil: new Date(now.getTime() + leaseMs), attempts: sql`${media.attempts} + 1` })
      .where(and(inArray(media.id, next), eq(media.status, "processing"), or(isNull(media.processingUntil), lt(media.processingUntil, now))))
      .returning(),
  );
}

export type NewMediaFile = Omit<MediaFile, "mediaId" | "createdAt" | "updatedAt">;

/** The photo's sizes are on disk: they are recorded and the photo is ready, together. */
export async function completeMediaJob({ id, files, now = new Date() }: { id: number; files: readonly NewMediaFile[]; now?: Date }): Promise<void> {
  await getDb().transaction(
    async (tx) => {
      for (const file of files) await tx.insert(mediaFiles).values({ ...file, mediaId: id, createdAt: now, updatedAt: now }).onConflictDoNothing();
      await tx.update(media).set({ status: "ready", failure: null, processingUntil: null, updatedAt: now }).where(eq(media.id, id));
    },
    { behavior: "immediate" },
  );
}

/** The photo could not be processed (the file does not decode): it stays in the library, marked, its original kept. */
export async function failMediaJob({ id, failure, now = new Date() }: { id: number; failure: string; now?: Date }): Promise<void> {
  await getDb().update(media).set({ status: "failed", failure, processingUntil: null, updatedAt: now }).where(eq(media.id, id));
}

/** Photos waiting for their sizes (for the bench and the health of the queue). */
export async function countMediaJobs(): Promise<number> {
  return firstRow(await getDb().select({ n: count() }).from(media).where(eq(media.status, "processing")))?.n ?? 0;
}

/** The files of one photo, smallest first. */
export async function listMediaFiles({ mediaId }: { mediaId: number }): Promise<MediaFile[]> {
  return getDb().select().from(mediaFiles).where(eq(mediaFiles.mediaId, mediaId)).orderBy(asc(mediaFiles.width), asc(mediaFiles.format));
}

/* ---------- an article's photos ---------- */

/** Rewrites the article's photo rows from its body: call in the transaction that writes the body. */
export async function writeArticlePhotos(db: DbOrTx, article: Pick<Article, "id" | "body">, now = new Date()): Promise<void> {
  await db.delete(articlePhotos).where(eq(articlePhotos.articleId, article.id));
  const photos = photosOfBody(article.body);
  if (photos.length === 0) return;
  await db
    .insert(articlePhotos)
    .values(photos.map((p, position) => ({ articleId: article.id, position, mediaId: p.mediaId, lead: p.lead, createdAt: now, updatedAt: now })));
}

/** What keeps an article's photos from readers: still processing, failed, or without alt text. */
export async function articlePhotoProblems(db: DbOrTx, { articleId }: { articleId: number }): Promise<PhotoProblem[]> {
  return (await photoProblemsOfArticles(db, { articleIds: [articleId] })).get(articleId) ?? [];
}

/** The same for many articles at once (an issue's pages), by article id; articles without a problem are absent. */
export async function photoProblemsOfArticles(db: DbOrTx, { articleIds }: { articleIds: readonly number[] }): Promise<Map<number, PhotoProblem[]>> {
  const out = new Map<number, PhotoProblem[]>();
  if (articleIds.length === 0) return out;
  const rows = await db
    .selectDistinct({ articleId: articlePhotos.articleId, mediaId: media.id, status: media.status, alt: media.alt })
    .from(articlePhotos)
    .innerJoin(media, eq(media.id, articlePhotos.mediaId))
    .where(inArray(articlePhotos.articleId, [...new Set(articleIds)]))
    .orderBy(asc(articlePhotos.articleId), asc(media.id));
  for (const r of rows) {
    const problem = problemOf(r);
    if (problem) out.set(r.articleId, [...(out.get(r.articleId) ?? []), { mediaId: r.mediaId, problem }]);
  }
  return out;
}

/**
 * The same for a body not yet written to `article_photos`: a published story's pending revision,
 * whose photos readers get only when it is published.
 */
export async function photoProblemsOfBody(db: DbOrTx, body: ArticleBody): Promise<PhotoProblem[]> {
  const ids = [...new Set(photosOfBody(body).map((p) => p.mediaId))];
  if (ids.length === 0) return [];
  const rows = await db.select({ mediaId: media.id, status: media.status, alt: media.alt }).from(media).where(inArray(media.id, ids)).orderBy(asc(media.id));
  return rows.flatMap((r) => {
    const problem = problemOf(r);
    return problem ? [{ mediaId: r.mediaId, problem }] : [];
  });
}

function problemOf(photo: { status: Media["status"]; alt: string }): PhotoProblem["problem"] | null {
  return photo.status !== "ready" ? photo.status : photo.alt.trim() === "" ? "no_alt" : null;
}

/** The desk's view of an article's photos: each placed photo with what the editor needs to see. */
export async function listArticlePhotos({ articleId }: { articleId: number }) {
  return getDb()
    .select({ position: articlePhotos.position, lead: articlePhotos.lead, media })
    .from(articlePhotos)
    .innerJoin(media, eq(media.id, articlePhotos.mediaId))
    .where(eq(articlePhotos.articleId, articleId))
    .orderBy(asc(articlePhotos.position));
}
