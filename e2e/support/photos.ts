import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { count, desc, eq } from "drizzle-orm";
import { media } from "../../db/schema";
import type { MediaSummary } from "../../services/media/summary";
import { withDatabase } from "./database";

/** The run's media folder (media/ beside the test database). */
export function mediaDir(): string {
  return path.join(process.env.FOLIO_E2E_DIR!, "media");
}

/** Every file in the media folder, for "nothing was stored" checks. */
export function mediaFilesOnDisk(): string[] {
  const dir = mediaDir();
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => fs.statSync(path.join(dir, f)).isFile());
}

export async function mediaRowCount(): Promise<number> {
  const [row] = await withDatabase(async (db) => db.select({ n: count() }).from(media));
  return row?.n ?? 0;
}

export async function mediaRow(id: number) {
  const [row] = await withDatabase(async (db) => db.select().from(media).where(eq(media.id, id)));
  return row;
}

/** The newest photo uploaded under this file name. */
export async function mediaByFileName(fileName: string) {
  const [row] = await withDatabase(async (db) => db.select().from(media).where(eq(media.fileName, fileName)).orderBy(desc(media.id)).limit(1));
  return row;
}

/** Uploads a photo as the signed-in request context does (the route the upload form uses) and waits until it is ready. */
export async function uploadReadyPhoto(request: APIRequestContext, bytes: Buffer, name: string): Promise<MediaSummary> {
  const res = await request.post("/api/media", { data: bytes, headers: { "x-file-name": encodeURIComponent(name), "content-type": "application/octet-stream" } });
  if (res.status() !== 201 && res.status() !== 200) throw new Error(`upload of ${name}: ${res.status()} ${await res.text()}`);
  const { photo } = (await res.json()) as { photo: MediaSummary };
  for (let i = 0; i < 120; i++) {
    const now = (await (await request.get(`/api/media/${photo.id}`)).json()) as { photo: MediaSummary };
    if (now.photo.status === "ready") return now.photo;
    if (now.photo.status === "failed") throw new Error(`processing of ${name} failed`);
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${name} was not processed within a minute`);
}
