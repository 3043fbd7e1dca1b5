import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { isPhotoFormat } from "../lib/media/formats";
import { filePath, originalPath } from "../lib/media/paths";
import { MIGRATIONS_FOLDER } from "./connection";

/**
 * Backup and restore of the SQLite file, for scripts/db-backup.ts and scripts/db-restore.ts.
 * Not server-only: the CLIs and the tests call it directly. The SQL here is housekeeping
 * (pragmas, sqlite_master, row counts), not application queries.
 */

export type MaintenanceErrorCode = "missing" | "exists" | "corrupt" | "not_folio" | "newer_schema" | "live_source" | "in_use" | "media_missing" | "same" | "mismatch";

export class MaintenanceError extends Error {
  constructor(
    readonly code: MaintenanceErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "MaintenanceError";
  }
}

/** The tables that make a file a Folio database. */
const REQUIRED_TABLES = ["__drizzle_migrations", "users", "articles"] as const;
const COUNTED_TABLES = ["users", "articles", "article_revisions", "audit_log", "media"] as const;

export type DatabaseSummary = {
  /** Rows per table, for the operator to compare. */
  counts: Record<(typeof COUNTED_TABLES)[number], number>;
  /** Migrations applied in this file, and how many this code has that it lacks. */
  migrations: number;
  pendingMigrations: number;
};

/** YYYYMMDD-HHMMSS in the server's local time, as `date` shows it. */
export function timestamp(now: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
}

export function defaultBackupPath(databaseFile: string, now = new Date()): string {
  return path.join(path.dirname(path.resolve(databaseFile)), "backups", `folio-${timestamp(now)}.db`);
}

/** `when` of every migration this code ships (drizzle records it as created_at). */
function shippedMigrations(): number[] {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as { entries: { when: number }[] };
  return journal.entries.map((e) => e.when);
}

function fsyncPath(file: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, "r");
    fs.fsyncSync(fd);
  } catch {
    // Directories cannot be fsynced on every platform; the rename is still atomic.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function removeIfPresent(file: string): void {
  fs.rmSync(file, { force: true });
}

/**
 * Checks an unopened-by-anyone copy: SQLite's full integrity check, the Folio tables, and
 * a schema this code can run (not from a newer Folio). Throws MaintenanceError otherwise.
 */
export function inspectDatabaseFile(file: string, name = file): DatabaseSummary {
  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: true });
  } catch (e) {
    throw new MaintenanceError("corrupt", `${name} cannot be opened as SQLite (${e instanceof Error ? e.message : String(e)})`);
  }
  try {
    let integrity: string[];
    try {
      integrity = (db.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check);
    } catch (e) {
      throw new MaintenanceError("corrupt", `${name} is not a readable SQLite database (${e instanceof Error ? e.message : String(e)})`);
    }
    if (integrity.length !== 1 || integrity[0] !== "ok") {
      throw new MaintenanceError("corrupt", `${name} fails PRAGMA integrity_check: ${integrity.slice(0, 3).join("; ")}`);
    }
    const tables = new Set((db.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((r) => r.name));
    const missing = REQUIRED_TABLES.filter((t) => !tables.has(t));
    if (missing.length) throw new MaintenanceError("not_folio", `${name} is not a Folio database (no ${missing.join(", ")} table)`);
    const applied = (db.prepare("select created_at as at from __drizzle_migrations").all() as { at: number }[]).map((r) => Number(r.at));
    const shipped = shippedMigrations();
    const newest = Math.max(0, ...shipped);
    if (applied.some((at) => at > newest)) {
      throw new MaintenanceError("newer_schema", `${name} was migrated by a newer Folio than this one; upgrade Folio first`);
    }
    const lastApplied = Math.max(0, ...applied);
    const counts = Object.fromEntries(
      COUNTED_TABLES.map((t) => [t, tables.has(t) ? (db.prepare(`select count(*) as n from "${t}"`).get() as { n: number }).n : 0]),
    ) as DatabaseSummary["counts"];
    return { counts, migrations: applied.length, pendingMigrations: shipped.filter((w) => w > lastApplied).length };
  } finally {
    db.close();
  }
}

/* ---------- photos ---------- */

/**
 * Where a backup keeps its photos: a folder beside it, named after it (folio-20260301-020000.db →
 * folio-20260301-020000.media/), laid out as the media folder is (lib/media/paths.ts).
 */
export function mediaFolderOf(backupFile: string): string {
  const resolved = path.resolve(backupFile);
  return resolved.endsWith(".db") ? `${resolved.slice(0, -3)}.media` : `${resolved}.media`;
}

/** The media folder of a database when MEDIA_DIR is not set: media/ beside it (as lib/env.ts decides). */
export function defaultMediaDir(databaseFile: string): string {
  return path.join(path.dirname(path.resolve(databaseFile)), "media");
}

type NamedFile = { rel: string; hash: string };

/** The media files a database names: every photo's original and every size made of it, with the hash each name stands for. */
function mediaFilesNamedBy(file: string): NamedFile[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = new Set((db.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((r) => r.name));
    if (!tables.has("media")) return [];
    const originals = db.prepare("select sha256, format from media").all() as { sha256: string; format: string }[];
    const files = tables.has("media_files") ? (db.prepare("select name from media_files").all() as { name: string }[]) : [];
    return [
      ...originals.flatMap((o) => (isPhotoFormat(o.format) ? [{ rel: originalPath(o.sha256, o.format), hash: o.sha256 }] : [])),
      ...files.map((f) => ({ rel: filePath(f.name), hash: f.name.split(".")[0] ?? "" })),
    ];
  } finally {
    db.close();
  }
}

/** Whether a file is there and its content is what its name says (originals: the whole SHA-256; sizes: its first 32 hex digits). */
function intact(file: string, hash: string): boolean {
  if (!fs.existsSync(file)) return false;
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex").startsWith(hash);
}

/** A hard link when both folders are on one file system (media files are never changed, so they can share), else a copy. */
function linkOrCopy(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true, mode: 0o700 });
  try {
    fs.linkSync(from, to);
  } catch {
    fs.copyFileSync(from, to);
  }
}

/** The files of `named` that are absent from `dir` or whose content does not match their name. */
function damagedIn(dir: string, named: readonly NamedFile[]): NamedFile[] {
  return named.filter((n) => !intact(path.join(dir, n.rel), n.hash));
}

function mediaMissing(what: string, bad: readonly NamedFile[]): MaintenanceError {
  return new MaintenanceError("media_missing", `${what} lacks ${bad.length} photo file(s) the database names, or holds them damaged (first: ${bad[0]?.rel})`);
}

/** Copies named files from one media folder into another; files already there (same name, same content) are kept. */
function copyMediaFiles(named: readonly NamedFile[], fromDir: string, toDir: string): { files: number; bytes: number } {
  let bytes = 0;
  for (const n of named) {
    const from = path.join(fromDir, n.rel);
    const to = path.join(toDir, n.rel);
    bytes += fs.statSync(from).size;
    if (fs.existsSync(to) && intact(to, n.hash)) continue;
    fs.rmSync(to, { force: true });
    linkOrCopy(from, to);
  }
  return { files: named.length, bytes };
}

export type MediaSummary = { media: { folder: string | null; files: number; bytes: number } };

/** Leaves the file as one self-contained piece (no -wal beside it), as a copy should be. */
function makeSelfContained(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma("journal_mode = DELETE");
  } finally {
    db.close();
  }
  removeIfPresent(`${file}-wal`);
  removeIfPresent(`${file}-shm`);
}

/**
 * An online backup: SQLite's backup API from a separate connection, while the app keeps
 * serving and writing. All pages are copied in one step, which reads one snapshot inside
 * one read transaction: WAL readers do not block writers, and writers cannot restart a
 * single step (a backup in small steps starts over whenever another connection writes,
 * so under steady load it might never end). The copy is written beside the target,
 * checked with integrity_check, then renamed into place, so a target that exists is
 * always a complete, checked backup.
 *
 * The photos the copy names (originals and sizes) go into a folder beside it (mediaFolderOf),
 * each checked against the hash its name is; linked rather than copied where the file system
 * allows, since media files never change. The folder is in place before the database file is,
 * so a backup that exists restores its photos too. Photos uploaded after the snapshot are not
 * named by it and not needed; media files are never deleted, so every named one is there.
 */
export async function backupDatabase({
  source,
  target,
  busyTimeoutMs = 5000,
  mediaDir = defaultMediaDir(source),
}: {
  source: string;
  target: string;
  busyTimeoutMs?: number;
  mediaDir?: string;
}): Promise<DatabaseSummary & MediaSummary & { target: string; bytes: number }> {
  const from = path.resolve(source);
  const to = path.resolve(target);
  const mediaFolder = mediaFolderOf(to);
  if (!fs.existsSync(from)) throw new MaintenanceError("missing", `no database at ${from}`);
  if (fs.existsSync(to)) throw new MaintenanceError("exists", `${to} already exists; choose another name`);
  if (fs.existsSync(mediaFolder)) throw new MaintenanceError("exists", `${mediaFolder} already exists; choose another name`);
  fs.mkdirSync(path.dirname(to), { recursive: true, mode: 0o700 });
  const partial = `${to}.partial-${process.pid}`;
  const db = new Database(from, { fileMustExist: true });
  try {
    db.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
    await db.backup(partial, { progress: () => 0x7fffffff });
  } catch (e) {
    removeIfPresent(partial);
    throw e;
  } finally {
    db.close();
  }
  const mediaPartial = `${mediaFolder}.partial-${process.pid}`;
  try {
    makeSelfContained(partial);
    const summary = inspectDatabaseFile(partial, `the backup of ${from}`);
    const named = mediaFilesNamedBy(partial);
    const damaged = damagedIn(mediaDir, named);
    if (damaged.length > 0) throw mediaMissing(`the media folder ${mediaDir}`, damaged);
    const media = named.length > 0 ? copyMediaFiles(named, mediaDir, mediaPartial) : { files: 0, bytes: 0 };
    if (damagedIn(mediaPartial, named).length > 0) throw mediaMissing(`the backup's photo folder`, damagedIn(mediaPartial, named));
    // It holds password hashes and unpublished drafts.
    fs.chmodSync(partial, 0o600);
    fsyncPath(partial);
    if (named.length > 0) fs.renameSync(mediaPartial, mediaFolder);
    fs.renameSync(partial, to);
    fsyncPath(path.dirname(to));
    return { ...summary, media: { folder: named.length > 0 ? mediaFolder : null, ...media }, target: to, bytes: fs.statSync(to).size };
  } catch (e) {
    removeIfPresent(partial);
    removeIfPresent(`${partial}-wal`);
    removeIfPresent(`${partial}-shm`);
    fs.rmSync(mediaPartial, { recursive: true, force: true });
    throw e;
  }
}

/**
 * Takes the database for ourselves, or refuses. In WAL mode every open connection keeps a
 * shared lock on the file, even when idle, so EXCLUSIVE locking mode plus a read fails with
 * SQLITE_BUSY while a server (or any script) has the file open. A plain BEGIN EXCLUSIVE
 * would not do: it succeeds against an idle server, which would then keep writing to the
 * replaced file. The lock is held until the returned connection is closed.
 */
function lockExclusively(file: string, busyTimeoutMs: number): Database.Database {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
    db.pragma("locking_mode = EXCLUSIVE");
    db.exec("BEGIN EXCLUSIVE");
    db.prepare("select count(*) from sqlite_master").get();
    db.exec("COMMIT");
    return db;
  } catch (e) {
    db.close();
    if ((e as { code?: string }).code?.startsWith("SQLITE_BUSY")) {
      throw new MaintenanceError("in_use", `${file} is open in another process (is the Folio server running?); stop it and try again`);
    }
    throw e;
  }
}

/**
 * Replaces the database with a backup. Refuses a file that fails integrity_check, is not a
 * Folio database or comes from a newer Folio, and refuses while any process has the
 * database open. The file it replaces is kept as `<db>.before-restore-<time>`; the backup
 * is copied beside the database and renamed over it, so the database path always holds a
 * whole file.
 *
 * Photos: every file the backup names must be in its photo folder (mediaFolderOf) with the
 * content its name says, or the restore is refused before anything changes. They are put into
 * the media folder before the database is; files already there stay (the replaced database
 * may name them, and names are content, so none is overwritten with other bytes).
 */
export function restoreDatabase({
  source,
  target,
  now = new Date(),
  busyTimeoutMs = 1000,
  mediaDir = defaultMediaDir(target),
}: {
  source: string;
  target: string;
  now?: Date;
  busyTimeoutMs?: number;
  mediaDir?: string;
}): DatabaseSummary & MediaSummary & { previous: string | null } {
  const from = path.resolve(source);
  const to = path.resolve(target);
  if (!fs.existsSync(from)) throw new MaintenanceError("missing", `no backup at ${from}`);
  if (from === to) throw new MaintenanceError("exists", "the backup is the database itself");
  const wal = `${from}-wal`;
  if (fs.existsSync(wal) && fs.statSync(wal).size > 0) {
    throw new MaintenanceError("live_source", `${from} has a -wal file beside it (a live database?); copy it with npm run db:backup first`);
  }
  fs.mkdirSync(path.dirname(to), { recursive: true });
  const incoming = `${to}.restore-${process.pid}.tmp`;
  fs.copyFileSync(from, incoming);
  let summary: DatabaseSummary;
  let named: NamedFile[];
  const mediaFolder = mediaFolderOf(from);
  try {
    summary = inspectDatabaseFile(incoming, from);
    named = mediaFilesNamedBy(incoming);
    const damaged = damagedIn(mediaFolder, named);
    if (damaged.length > 0) throw mediaMissing(`the backup's photo folder ${mediaFolder}`, damaged);
    makeSelfContained(incoming);
    fs.chmodSync(incoming, 0o600);
    fsyncPath(incoming);
  } catch (e) {
    for (const f of [incoming, `${incoming}-wal`, `${incoming}-shm`]) removeIfPresent(f);
    throw e;
  }

  const restoreMedia = () => ({ folder: named.length > 0 ? mediaFolder : null, ...copyMediaFiles(named, mediaFolder, mediaDir) });

  if (!fs.existsSync(to)) {
    const media = restoreMedia();
    fs.renameSync(incoming, to);
    fsyncPath(path.dirname(to));
    return { ...summary, media, previous: null };
  }

  let lock: Database.Database;
  try {
    lock = lockExclusively(to, busyTimeoutMs);
  } catch (e) {
    removeIfPresent(incoming);
    throw e;
  }
  try {
    // Fold the WAL into the old file and leave WAL mode, so the kept copy is one whole file
    // and no -wal/-shm of the old database is left to be mistaken for the new one's.
    lock.pragma("wal_checkpoint(TRUNCATE)");
    lock.pragma("journal_mode = DELETE");
    let previous = `${to}.before-restore-${timestamp(now)}`;
    for (let n = 2; fs.existsSync(previous); n++) previous = `${to}.before-restore-${timestamp(now)}-${n}`;
    try {
      fs.linkSync(to, previous);
    } catch {
      fs.copyFileSync(to, previous);
    }
    const media = restoreMedia();
    removeIfPresent(`${to}-wal`);
    removeIfPresent(`${to}-shm`);
    removeIfPresent(`${to}-journal`);
    fs.renameSync(incoming, to);
    fsyncPath(path.dirname(to));
    return { ...summary, media, previous };
  } catch (e) {
    removeIfPresent(incoming);
    throw e;
  } finally {
    // Closing releases the lock on the old file; the path already names the restored one.
    lock.close();
  }
}
