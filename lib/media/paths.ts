import { PHOTO_EXTENSIONS, type PhotoFormat } from "./formats";

/*
 * Where things live inside the media folder (MEDIA_DIR), relative to it. Every file is named by
 * its content, so a name never points at other bytes, a file is written once and never changed,
 * and copying the folder (backups, another machine) needs no bookkeeping beyond "is it there".
 * The first two hex digits make a subfolder, so no folder holds more than a few thousand files.
 *
 *   originals/ab/<sha256>.<ext>   the uploaded file as received (metadata and all): the archive
 *   files/ab/<name>               the sizes made for readers, without metadata (lib/media/urls.ts)
 */

export function originalPath(sha256: string, format: PhotoFormat): string {
  return `originals/${sha256.slice(0, 2)}/${sha256}.${PHOTO_EXTENSIONS[format]}`;
}

export function filePath(name: string): string {
  return `files/${name.slice(0, 2)}/${name}`;
}
