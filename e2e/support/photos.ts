import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { count, desc, eq } from "drizzle-orm";
import { media } from "../../db/schema";
import type { MediaSummary } from "../../services/media/summary";
import { withTestDb } from "./db";

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

export function mediaRowCount(): number {
  return withTestDb((db) => db.select({ n: count() }).from(media).get()!.n);
}

export function mediaRow(id: number) {
  return withTestDb((db) => db.select().from(media).where(eq(media.id, id)).get());
}

/** The newest photo uploaded under this file name. */
export function mediaByFileName(fileName: string) {
  return withTestDb((db) => db.select().from(media).where(eq(media.fileName, fileName)).orderBy(desc(media.id)).get());
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
