import fs from "node:fs";

/*
 * Folio's data folder holds password hashes, unpublished drafts and the session key: the live
 * database and its -wal/-shm files, auth-secret and backups/. Only the user Folio runs as may read
 * them, whatever the umask, as backups already were (db/maintenance.ts).
 */

/** Creates `dir` (and any missing parents) 0700. A folder that exists is left as it is: it may be a parent the administrator chose and shares. */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
}

/** Narrows an existing file to 0600 when group or others may read it; a missing file is nothing to do. */
export function keepPrivate(file: string): void {
  let mode: number;
  try {
    mode = fs.statSync(file).mode;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return;
    throw e;
  }
  if ((mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
}

/** Creates `file` empty and 0600 if it is missing (no moment when it is readable by others), else narrows it. */
export function ensurePrivateFile(file: string): void {
  fs.closeSync(fs.openSync(file, "a", 0o600));
  keepPrivate(file);
}
