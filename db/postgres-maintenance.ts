import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { MaintenanceError, timestamp } from "./maintenance";

/*
 * db:backup and db:restore on PostgreSQL (db/README.md): PostgreSQL's own pg_dump and pg_restore,
 * which the operator's server ships. Not server-only: the CLIs call it.
 */

const run = promisify(execFile);

/** The newest pg_dump/pg_restore on PATH or in Debian's folders (a client older than the server refuses to dump). */
function tool(name: "pg_dump" | "pg_restore"): string {
  const debian = fs.existsSync("/usr/lib/postgresql")
    ? fs
        .readdirSync("/usr/lib/postgresql")
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => path.join("/usr/lib/postgresql", v, "bin", name))
        .find((p) => fs.existsSync(p))
    : undefined;
  return debian ?? name;
}

export function defaultPostgresBackupPath(dataDir: string, now = new Date()): string {
  return path.join(dataDir, "backups", `folio-${timestamp(now)}.pgdump`);
}

/**
 * pg_dump's custom format (compressed, restorable table by table) of the whole database, one
 * consistent snapshot while Folio serves. Written beside the target, checked by reading its table
 * of contents back, set to 0600 (password hashes, unpublished drafts) and only then renamed, so a
 * backup file that exists is complete.
 */
export async function backupPostgres({ url, target }: { url: string; target: string }): Promise<{ target: string; bytes: number; tables: number }> {
  if (fs.existsSync(target)) throw new MaintenanceError("exists", `${target} exists already: choose a new name`);
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true, mode: 0o700 });
  const partial = `${target}.partial-${process.pid}`;
  try {
    await run(tool("pg_dump"), ["--format=custom", "--no-owner", `--file=${partial}`, `--dbname=${url}`]);
    fs.chmodSync(partial, 0o600);
    const { stdout } = await run(tool("pg_restore"), ["--list", partial], { maxBuffer: 64 * 1024 * 1024 });
    const tables = stdout.split("\n").filter((l) => / TABLE DATA /.test(l)).length;
    if (!/ TABLE DATA public articles /.test(stdout)) throw new MaintenanceError("not_folio", "the dump holds no articles table: is DATABASE_URL a Folio database?");
    fs.renameSync(partial, target);
    return { target, bytes: fs.statSync(target).size, tables };
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

/**
 * Replaces the database's contents with a backup in one transaction (all or nothing): every
 * Folio object is dropped and recreated from the dump. Stop the Folio processes first.
 */
export async function restorePostgres({ url, source }: { url: string; source: string }): Promise<void> {
  if (!fs.existsSync(source)) throw new MaintenanceError("missing", `${source} does not exist`);
  await run(tool("pg_restore"), ["--list", source]).catch(() => {
    throw new MaintenanceError("corrupt", `${source} is not a pg_dump archive (custom format)`);
  });
  await run(tool("pg_restore"), ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error", `--dbname=${url}`, source]);
}
