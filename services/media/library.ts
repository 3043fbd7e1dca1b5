import "server-only";
import { createHash } from "node:crypto";
import path from "node:path";
import { insertMedia } from "@/db/queries/media";
import type { Media } from "@/db/schema";
import { captionAndCredit } from "@/lib/media/credit";
import { PHOTO_TEXT_LIMITS } from "@/lib/media/limits";
import { originalPath } from "@/lib/media/paths";
import { inspectPhoto } from "./inspect";
import { kickMediaJobs } from "./jobs";
import { mediaStore, type MediaStore } from "./store";

/** A file name as a person's computer called it: no folders, no control characters, not too long. */
export function cleanFileName(name: string | null | undefined): string | null {
  const base = path.basename(String(name ?? "").replace(/\\/g, "/"));
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return clean === "" ? null : [...clean].slice(0, PHOTO_TEXT_LIMITS.fileName).join("");
}

export type AddPhotoInput = {
  bytes: Buffer;
  fileName?: string | null;
  /** The caption as printed; a credit at its end ("……记者 张三 摄") is taken off into the credit. */
  caption?: string;
  credit?: string;
  alt?: string;
  uploadedById: number;
  store?: MediaStore;
};

/**
 * Adds a photo to the media library from its bytes: the one way in, for the upload route and for
 * importers (a PDF's pictures with their captions). The file is checked (PhotoRefused when it is
 * not a photo Folio takes; nothing is stored then), kept untouched as the original, recorded, and
 * queued for its sizes. The same file uploaded again is the photo already in the library.
 */
export async function addPhoto({ bytes, fileName, caption = "", credit, alt = "", uploadedById, store = mediaStore() }: AddPhotoInput): Promise<{ media: Media; duplicate: boolean }> {
  const photo = await inspectPhoto(bytes);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  await store.put(originalPath(sha256, photo.format), bytes);
  const texts = captionAndCredit({ caption: caption.slice(0, PHOTO_TEXT_LIMITS.caption), credit: credit?.slice(0, PHOTO_TEXT_LIMITS.credit) });
  const result = await insertMedia({
    sha256,
    format: photo.format,
    fileName: cleanFileName(fileName),
    bytes: bytes.length,
    width: photo.width,
    height: photo.height,
    takenAt: photo.takenAt,
    ...texts,
    alt: alt.trim().slice(0, PHOTO_TEXT_LIMITS.alt),
    uploadedById,
  });
  if (!result.duplicate) void kickMediaJobs(store);
  return result;
}
