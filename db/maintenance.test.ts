import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "./connection";
import { backupDatabase, defaultBackupPath, inspectDatabaseFile, MaintenanceError, restoreDatabase, timestamp } from "./maintenance";

const dirs: string[] = [];
const children: ChildProcess[] = [];

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "folio-maint-"));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const c of children.splice(0)) c.kill();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A migrated Folio database with `n` articles, closed again. */
function folioDb(file: string, n: number, title = "稿件"): string {
  const db = openDatabase(file);
  const sqlite = db.$client;
  const userId = Number(sqlite.prepare("insert into users (email, name, role, password_hash) values (?, '编辑', 'editor', 'x')").run(`e${Math.random()}@x`).lastInsertRowid);
  const insert = sqlite.prepare("insert into articles (title, body, body_text, author_id) values (?, ?, ?, ?)");
  for (let i = 0; i < n; i++) insert.run(`${title}${i}`, JSON.stringify({ type: "doc", content: [] }), `${title}${i}`, userId);
  db.$closeNow();
  return file;
}

function articleTitles(file: string): string[] {
  const db = new Database(file, { readonly: true });
  const rows = db.prepare("select title from articles order by id").all() as { title: string }[];
  db.close();
  return rows.map((r) => r.title);
}

function siblings(file: string): string[] {
  const base = path.basename(file);
  return fs.readdirSync(path.dirname(file)).filter((f) => f.startsWith(base) && f !== base);
}

/** Another process that opens the database (as the server does) and keeps it open, idle. */
async function holdOpen(file: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      "-e",
      `const D = require("better-sqlite3"); const db = new D(${JSON.stringify(file)}); db.pragma("journal_mode = WAL");
       db.prepare("select count(*) from users").get(); console.log("open"); setInterval(() => {}, 1000);`,
    ],
    { cwd: process.cwd(), stdio: ["ignore", "pipe", "inherit"] },
  );
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once("data", () => resolve());
    child.once("exit", (code) => reject(new Error(`holder exited ${code}`)));
  });
  return child;
}

async function refusal(run: () => unknown): Promise<MaintenanceError> {
  try {
    await run();
  } catch (e) {
    if (e instanceof MaintenanceError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("backup", () => {
  it("writes a checked, self-contained, private copy and never overwrites one", async () => {
    const dir = tempDir();
    const source = folioDb(path.join(dir, "folio.db"), 5);
    const target = path.join(dir, "backups", "b.db");
    const result = await backupDatabase({ source, target });
    expect(result.counts.articles).toBe(5);
    expect(result.target).toBe(target);
    expect(articleTitles(target)).toEqual(articleTitles(source));
    expect(siblings(target)).toEqual([]);
    expect(fs.statSync(target).mode & 0o777).toBe(0o600);
    expect((await refusal(() => backupDatabase({ source, target }))).code).toBe("exists");
    expect((await refusal(() => backupDatabase({ source: path.join(dir, "none.db"), target: path.join(dir, "x.db") }))).code).toBe("missing");
  });

  it("names the default backup after the time, in the data folder", () => {
    const now = new Date(2024, 2, 8, 9, 5, 7);
    expect(timestamp(now)).toBe("20240308-090507");
    expect(defaultBackupPath("/srv/folio/data/folio.db", now)).toBe("/srv/folio/data/backups/folio-20240308-090507.db");
  });
});

describe("restore", () => {
  it("replaces the database, keeps the old one beside it and leaves no -wal/-shm behind", async () => {
    const dir = tempDir();
    const backup = path.join(dir, "backup.db");
    await backupDatabase({ source: folioDb(path.join(dir, "old.db"), 3, "备份"), target: backup });
    const live = folioDb(path.join(dir, "folio.db"), 7, "现在");
    // A stale -shm from a crashed server, and a -wal with unfolded writes of the current file.
    const writer = new Database(live);
    writer.pragma("journal_mode = WAL");
    writer.pragma("wal_autocheckpoint = 0");
    writer.prepare("update articles set title = '现在-最新' where title = '现在0'").run();
    const walBefore = fs.readFileSync(`${live}-wal`);
    writer.close();
    fs.writeFileSync(`${live}-wal`, walBefore);
    fs.writeFileSync(`${live}-shm`, Buffer.alloc(32768));

    const result = restoreDatabase({ source: backup, target: live, now: new Date(2024, 2, 8, 9, 5, 7) });
    expect(result.previous).toBe(`${live}.before-restore-20240308-090507`);
    expect(articleTitles(live)).toEqual(["备份0", "备份1", "备份2"]);
    expect(siblings(live)).toEqual(["folio.db.before-restore-20240308-090507"]);
    // The kept file is whole: the WAL's last write was folded into it.
    expect(articleTitles(result.previous!)).toContain("现在-最新");
    expect(articleTitles(result.previous!)).toHaveLength(7);
    // The app opens and migrates the restored file as usual.
    openDatabase(live).$closeNow();
    expect(inspectDatabaseFile(live).counts.articles).toBe(3);
  });

  it("puts the backup in place when there is no database yet", async () => {
    const dir = tempDir();
    const backup = path.join(dir, "backup.db");
    await backupDatabase({ source: folioDb(path.join(dir, "old.db"), 2), target: backup });
    const result = restoreDatabase({ source: backup, target: path.join(dir, "new", "folio.db") });
    expect(result.previous).toBeNull();
    expect(articleTitles(path.join(dir, "new", "folio.db"))).toHaveLength(2);
  });

  it("refuses while another process has the database open, and changes nothing", async () => {
    const dir = tempDir();
    const backup = path.join(dir, "backup.db");
    await backupDatabase({ source: folioDb(path.join(dir, "old.db"), 3), target: backup });
    const live = folioDb(path.join(dir, "folio.db"), 7);
    const holder = await holdOpen(live);
    const error = await refusal(() => restoreDatabase({ source: backup, target: live, busyTimeoutMs: 200 }));
    expect(error.code).toBe("in_use");
    expect(error.message).toMatch(/server running/);
    expect(articleTitles(live)).toHaveLength(7);
    expect(siblings(live).filter((f) => !f.endsWith("-wal") && !f.endsWith("-shm"))).toEqual([]);
    // Once the other process lets go, the same restore goes through.
    holder.kill();
    await new Promise((resolve) => holder.once("exit", resolve));
    expect(restoreDatabase({ source: backup, target: live }).counts.articles).toBe(3);
  });

  it("refuses a file that fails integrity_check, is not SQLite, or is not a Folio database", async () => {
    const dir = tempDir();
    const live = folioDb(path.join(dir, "folio.db"), 4);

    const garbage = path.join(dir, "garbage.db");
    fs.writeFileSync(garbage, "this is not a database at all ".repeat(200));
    expect((await refusal(() => restoreDatabase({ source: garbage, target: live }))).code).toBe("corrupt");

    // A real Folio backup with one b-tree page overwritten.
    const damaged = path.join(dir, "damaged.db");
    await backupDatabase({ source: folioDb(path.join(dir, "big.db"), 400), target: damaged });
    // A leaf of the articles table (dbstat): which page that is moves with every migration.
    const reader = new Database(damaged, { readonly: true });
    const { pageno } = reader.prepare("select pageno from dbstat where name = 'articles' and pagetype = 'leaf' order by pageno limit 1 offset 1").get() as { pageno: number };
    reader.close();
    const bytes = fs.readFileSync(damaged);
    const pageSize = bytes.readUInt16BE(16);
    bytes.fill(0x5a, (pageno - 1) * pageSize + 8, (pageno - 1) * pageSize + 200);
    fs.writeFileSync(damaged, bytes);
    const corrupt = await refusal(() => restoreDatabase({ source: damaged, target: live }));
    expect(corrupt.code).toBe("corrupt");
    expect(corrupt.message).toContain(damaged);

    const other = path.join(dir, "other.db");
    const db = new Database(other);
    db.exec("create table notes (text)");
    db.close();
    const notFolio = await refusal(() => restoreDatabase({ source: other, target: live }));
    expect(notFolio.code).toBe("not_folio");
    expect(notFolio.message).toMatch(/__drizzle_migrations, users, articles/);

    const newer = folioDb(path.join(dir, "newer.db"), 1);
    const n = new Database(newer);
    n.prepare("insert into __drizzle_migrations (hash, created_at) values ('future', ?)").run(Date.now() + 10 * 365 * 86_400_000);
    n.close();
    expect((await refusal(() => restoreDatabase({ source: newer, target: live }))).code).toBe("newer_schema");

    // Nothing was replaced and no temporary file was left (reading it just now may leave -wal/-shm).
    expect(articleTitles(live)).toHaveLength(4);
    expect(siblings(live).filter((f) => !/-(wal|shm)$/.test(f))).toEqual([]);
  });

  it("refuses a live database file (one with a -wal beside it) as the source", async () => {
    const dir = tempDir();
    const source = folioDb(path.join(dir, "live.db"), 2);
    const writer = new Database(source);
    writer.pragma("wal_autocheckpoint = 0");
    writer.prepare("update articles set title = 'x' where id = 1").run();
    try {
      const error = await refusal(() => restoreDatabase({ source, target: path.join(dir, "folio.db") }));
      expect(error.code).toBe("live_source");
    } finally {
      writer.close();
    }
  });
});

describe("backups restore photos too", () => {
  /** A photo as an upload leaves it: its original and one size in the media folder, their rows in the database. */
  function withPhoto(file: string, mediaDir: string, seed: string): { original: string; size: string } {
    const originalBytes = Buffer.from(`original ${seed}`);
    const sizeBytes = Buffer.from(`size ${seed}`);
    const sha = createHash("sha256").update(originalBytes).digest("hex");
    const name = `${createHash("sha256").update(sizeBytes).digest("hex").slice(0, 32)}.jpg`;
    const original = path.join("originals", sha.slice(0, 2), `${sha}.jpg`);
    const size = path.join("files", name.slice(0, 2), name);
    for (const [rel, bytes] of [[original, originalBytes], [size, sizeBytes]] as const) {
      fs.mkdirSync(path.join(mediaDir, path.dirname(rel)), { recursive: true });
      fs.writeFileSync(path.join(mediaDir, rel), bytes);
    }
    const db = new Database(file);
    const userId = (db.prepare("select id from users limit 1").get() as { id: number }).id;
    const mediaId = Number(
      db.prepare("insert into media (sha256, format, bytes, width, height, status, uploaded_by_id) values (?, 'jpeg', ?, 100, 80, 'ready', ?)").run(sha, originalBytes.length, userId).lastInsertRowid,
    );
    db.prepare("insert into media_files (name, media_id, format, width, height, bytes) values (?, ?, 'jpeg', 100, 80, ?)").run(name, mediaId, sizeBytes.length);
    db.close();
    return { original, size };
  }

  it("keeps the photos a backup names in a folder beside it, and a restore puts them back", async () => {
    const dir = tempDir();
    const live = folioDb(path.join(dir, "live", "folio.db"), 1);
    const liveMedia = path.join(dir, "live", "media");
    const photo = withPhoto(live, liveMedia, "一");
    const target = path.join(dir, "backups", "folio-x.db");
    const result = await backupDatabase({ source: live, target, mediaDir: liveMedia });
    expect(result.counts.media).toBe(1);
    expect(result.media).toMatchObject({ folder: path.join(dir, "backups", "folio-x.media"), files: 2 });
    expect(fs.readFileSync(path.join(dir, "backups", "folio-x.media", photo.size), "utf8")).toBe("size 一");

    const restoredMedia = path.join(dir, "elsewhere", "media");
    const restored = restoreDatabase({ source: target, target: path.join(dir, "elsewhere", "folio.db"), mediaDir: restoredMedia });
    expect(restored.media.files).toBe(2);
    expect(fs.readFileSync(path.join(restoredMedia, photo.original), "utf8")).toBe("original 一");
    expect(fs.readFileSync(path.join(restoredMedia, photo.size), "utf8")).toBe("size 一");
  });

  it("refuses a backup whose photo folder lacks a file or holds one damaged, and changes nothing", async () => {
    const dir = tempDir();
    const live = folioDb(path.join(dir, "live", "folio.db"), 1);
    const liveMedia = path.join(dir, "live", "media");
    const photo = withPhoto(live, liveMedia, "二");
    const target = path.join(dir, "folio-y.db");
    await backupDatabase({ source: live, target, mediaDir: liveMedia });
    fs.writeFileSync(path.join(dir, "folio-y.media", photo.size), "changed bytes");
    const into = path.join(dir, "fresh", "folio.db");
    expect(() => restoreDatabase({ source: target, target: into, mediaDir: path.join(dir, "fresh", "media") })).toThrow(/lacks 1 photo file\(s\) the database names, or holds them damaged/);
    expect(fs.existsSync(into)).toBe(false);
    expect(fs.existsSync(path.join(dir, "fresh", "media"))).toBe(false);
  });

  it("refuses to write a backup that could not restore its photos", async () => {
    const dir = tempDir();
    const live = folioDb(path.join(dir, "folio.db"), 1);
    const photo = withPhoto(live, path.join(dir, "media"), "三");
    fs.rmSync(path.join(dir, "media", photo.original));
    const target = path.join(dir, "backups", "folio-z.db");
    await expect(backupDatabase({ source: live, target })).rejects.toMatchObject({ code: "media_missing" });
    expect(fs.existsSync(target)).toBe(false);
    expect(fs.readdirSync(path.join(dir, "backups"))).toEqual([]);
  });
});
