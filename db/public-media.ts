import Database from "better-sqlite3";
import { eq, getTableName, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/better-sqlite3";
import pg from "pg";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import type { RenditionFormat } from "@/lib/media/limits";
import { articlePhotos, articles, mediaFiles } from "./schema";

/*
 * Which photos readers may have, written once: here, without "server-only", because the server in
 * front of Next (scripts/serve.ts) reads it on its own connection, as it reads the public
 * generation (db/public-generation.ts); db/queries/public/ uses the same rule.
 */

/**
 * A photo is public while a published article places it: only then may a reader have its files
 * (checked on every request for one, so a withdrawn story's photos go with it). The inner tables
 * are aliased and the outer column named in full: drizzle writes columns of a selected `sql`
 * unqualified, and an unqualified "media_id" would be read as the inner table's own.
 */
export const photoIsPublic = (mediaId: AnySQLiteColumn) =>
  sql<number>`exists (select 1 from ${articlePhotos} "ap" join ${articles} "a" on "a"."id" = "ap"."article_id" where "ap"."media_id" = ${sql.raw(`"${getTableName(mediaId.table)}"."${mediaId.name}"`)} and "a"."state" = 'published')`;

/**
 * The format of a photo file a reader may have, by its name; undefined for a name that is not a
 * file, or the file of a photo no published story shows. Two index reads, a few microseconds.
 */
export function openPublicMediaReader(file: string, { busyTimeoutMs = 5000 }: { busyTimeoutMs?: number } = {}): { publicFormat: (name: string) => RenditionFormat | undefined; close: () => void } {
  const sqlite = new Database(file, { fileMustExist: true });
  sqlite.pragma("query_only = ON");
  // A read waits only while a restore or checkpoint holds the file; it blocks every request meanwhile.
  sqlite.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
  const statement = drizzle(sqlite)
    .select({ format: mediaFiles.format, public: photoIsPublic(mediaFiles.mediaId) })
    .from(mediaFiles)
    .where(eq(mediaFiles.name, sql.placeholder("name")))
    .prepare();
  return {
    publicFormat: (name) => {
      const row = statement.get({ name });
      return row?.public ? row.format : undefined;
    },
    close: () => sqlite.close(),
  };
}

/**
 * The same on PostgreSQL, on a small pool of its own (as the generation token's): one indexed read
 * of media_files and the article_photos index per photo file a reader asks for that is not cached.
 */
export function openPostgresPublicMediaReader(url: string): { publicFormat: (name: string) => Promise<RenditionFormat | undefined>; close: () => Promise<void> } {
  const pool = new pg.Pool({ connectionString: url, max: 4, application_name: "folio-public-media" });
  pool.on("error", (e) => console.error("postgres public media pool", e));
  const text =
    "SELECT f.format, EXISTS (SELECT 1 FROM article_photos ap JOIN articles a ON a.id = ap.article_id " +
    "WHERE ap.media_id = f.media_id AND a.state = 'published') AS public FROM media_files f WHERE f.name = $1";
  return {
    publicFormat: async (name) => {
      const { rows } = await pool.query<{ format: RenditionFormat; public: boolean }>({ name: "folio-public-media", text, values: [name] });
      const row = rows[0];
      return row?.public ? row.format : undefined;
    },
    close: () => pool.end(),
  };
}
