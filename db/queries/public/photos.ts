import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { firstRow } from "@/db/raw";
import { articlePhotos, media, mediaFiles } from "@/db/schema";
import type { RenditionFormat } from "@/lib/media/limits";
import type { PublicPhoto } from "@/lib/media/picture";
import { mediaFileUrl } from "@/lib/media/urls";
import { photoIsPublic } from "./visibility";

/* Photos as the reader site shows and serves them. */

export type ServableFile = { mediaId: number; format: RenditionFormat; bytes: number; public: boolean };

/** A file by its name, and whether a published article places its photo (so any reader may have it). */
export async function getMediaFile({ name }: { name: string }): Promise<ServableFile | undefined> {
  const row = firstRow(
    await getDb()
      .select({ mediaId: mediaFiles.mediaId, format: mediaFiles.format, bytes: mediaFiles.bytes, public: photoIsPublic(mediaFiles.mediaId) })
      .from(mediaFiles)
      .where(eq(mediaFiles.name, name)),
  );
  return row ? { ...row, public: Boolean(row.public) } : undefined;
}

/**
 * Photos as readers' pages show them, by id: only those ready, with alt text (a photo without one
 * is shown as its caption alone), each with its files.
 */
export async function listPublicPhotos({ mediaIds }: { mediaIds: readonly number[] }): Promise<Map<number, PublicPhoto>> {
  const out = new Map<number, PublicPhoto>();
  if (mediaIds.length === 0) return out;
  const db = getDb();
  const ids = [...new Set(mediaIds)];
  const rows = await db
    .select()
    .from(media)
    .where(and(inArray(media.id, ids), eq(media.status, "ready"), sql`trim(${media.alt}) <> ''`));
  if (rows.length === 0) return out;
  const files = await db
    .select()
    .from(mediaFiles)
    .where(
      inArray(
        mediaFiles.mediaId,
        rows.map((r) => r.id),
      ),
    );
  for (const m of rows) {
    out.set(m.id, {
      id: m.id,
      alt: m.alt.trim(),
      credit: m.credit.trim() || null,
      width: m.width,
      height: m.height,
      focalX: m.focalX,
      focalY: m.focalY,
      renditions: files
        .filter((f) => f.mediaId === m.id)
        .map((f) => ({ format: f.format, width: f.width, height: f.height, bytes: f.bytes, url: mediaFileUrl(f.name) })),
    });
  }
  return out;
}

/** The lead photos of these (published) articles, for lists of stories: ready for readers, by article id. */
export async function listLeadPhotos({ articleIds }: { articleIds: readonly number[] }): Promise<Map<number, PublicPhoto>> {
  const out = new Map<number, PublicPhoto>();
  if (articleIds.length === 0) return out;
  const leads = await getDb()
    .select({ articleId: articlePhotos.articleId, mediaId: articlePhotos.mediaId })
    .from(articlePhotos)
    .where(and(inArray(articlePhotos.articleId, [...new Set(articleIds)]), eq(articlePhotos.lead, true)));
  const photos = await listPublicPhotos({ mediaIds: leads.map((l) => l.mediaId) });
  for (const l of leads) {
    const photo = photos.get(l.mediaId);
    if (photo) out.set(l.articleId, photo);
  }
  return out;
}
