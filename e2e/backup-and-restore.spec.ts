import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { media, mediaFiles } from "../db/schema";
import { filePath, originalPath } from "../lib/media/paths";
import { openTestDb, withSqliteFile } from "./support/db";
import { databaseState, sameState, type DbState } from "./support/db-state";
import { expect, test } from "./support/fixtures";

const ROOT = path.join(__dirname, "..");
const run = promisify(execFile);

function liveDatabase(): string {
  return path.join(process.env.FOLIO_E2E_DIR!, "folio.db");
}

/** An npm script as an operator runs it (`npm run db:backup -- …`), against the given database file. */
function folioScript(script: "db-backup" | "db-restore", databasePath: string, args: string[]) {
  return run("npx", ["tsx", "--conditions=react-server", `scripts/${script}.ts`, ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_PATH: databasePath },
  });
}

function stateOf(file: string): DbState & { integrity: string } {
  const db = openTestDb(file, { readonly: true });
  try {
    const integrity = (db.$client.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check).join("; ");
    return { ...databaseState(db), integrity };
  } finally {
    db.$client.close();
  }
}

type Step = { seq: number; at: number; begin: DbState; commit: DbState };

/** Starts the second writer and returns a handle that stops it and hands back every state it saw. */
async function startWriter(file: string) {
  const child = spawn("npx", ["tsx", "e2e/support/write-load.ts", file], { cwd: ROOT, stdio: ["pipe", "pipe", "inherit"] });
  const steps: Step[] = [];
  let done: (() => void) | undefined;
  const finished = new Promise<void>((resolve) => (done = resolve));
  readline.createInterface({ input: child.stdout }).on("line", (line) => {
    const message = JSON.parse(line) as Step | { done: number };
    if ("done" in message) done?.();
    else steps.push(message);
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  await expect.poll(() => steps.length, { timeout: 30_000 }).toBeGreaterThan(20);
  return {
    steps,
    async stop() {
      child.stdin.write("stop\n");
      await Promise.race([finished, exited]);
      expect(await exited).toBe(0);
      return steps;
    },
  };
}

test("a backup taken while the server serves and a second process writes is one consistent snapshot, and restores", async ({ baseURL }) => {
  test.setTimeout(120_000);
  const live = liveDatabase();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "folio-backup-e2e-"));
  const target = path.join(scratch, "folio-under-load.db");
  const writer = await startWriter(live);

  // Readers on the public site for the whole backup.
  let reading = true;
  const reader = (async () => {
    let pages = 0;
    while (reading) {
      const res = await fetch(new URL("/", baseURL));
      expect(res.status).toBe(200);
      await res.arrayBuffer();
      pages += 1;
    }
    return pages;
  })();

  const started = Date.now();
  const backup = await folioScript("db-backup", live, [target]);
  const ended = Date.now();
  expect(backup.stdout).toMatch(/^backup written: .*folio-under-load\.db \(.*integrity ok; /);
  // Let the writer go on past the backup, so the snapshot is not simply its last state.
  const seen = writer.steps.length;
  await expect.poll(() => writer.steps.length).toBeGreaterThan(seen + 5);
  reading = false;
  const pages = await reader;
  const steps = await writer.stop();

  const during = steps.filter((s) => s.at >= started && s.at <= ended).length;
  expect(pages).toBeGreaterThan(0);
  expect(during, "writes committed while the backup ran").toBeGreaterThan(0);

  const copy = stateOf(target);
  expect(copy.integrity).toBe("ok");
  expect(fs.existsSync(`${target}-wal`)).toBe(false);
  // The backup equals exactly one state the live file passed through: no torn transaction,
  // the counts of articles, revisions and audit rows and every article body as they were then.
  const states = steps.flatMap((s) => [s.begin, s.commit]);
  const at = states.findIndex((s) => sameState(s, copy));
  expect(at, "the backup matches a committed state of the source").toBeGreaterThan(-1);
  expect(at, "writes came before the snapshot").toBeGreaterThan(0);
  expect(at, "writes came after the snapshot").toBeLessThan(states.length - 1);
  test.info().annotations.push({
    type: "load",
    description: `${steps.length} writer transactions, ${during} committed during the ${ended - started} ms backup run, ${pages} pages served; the backup is state ${at} of ${states.length}`,
  });

  // The photos the snapshot names are beside it, each file whole.
  const photoFiles = mediaFilesNamedIn(target);
  expect(photoFiles.length, "the demo issue has photos").toBeGreaterThan(0);
  expect(backup.stdout).toMatch(new RegExp(`^photos: ${photoFiles.length} files \\(.* MB, each checked against its hash\\) in .*folio-under-load\\.media$`, "m"));

  // Restore into a fresh data folder: the same snapshot comes back, photos and all.
  const restored = path.join(scratch, "restored", "folio.db");
  const restore = await folioScript("db-restore", restored, [target]);
  expect(restore.stdout).toContain(`restored ${restored} from ${target}`);
  const back = stateOf(restored);
  expect(back.integrity).toBe("ok");
  expect(sameState(back, copy)).toBe(true);
  for (const rel of photoFiles) {
    expect(fs.readFileSync(path.join(scratch, "restored", "media", rel)).equals(fs.readFileSync(path.join(path.dirname(live), "media", rel))), rel).toBe(true);
  }

  // Restoring a second time over it keeps the replaced file beside the database.
  const again = await folioScript("db-restore", restored, [target]);
  const kept = /kept as (.*)$/m.exec(again.stdout)?.[1];
  expect(kept).toMatch(/folio\.db\.before-restore-\d{8}-\d{6}$/);
  expect(sameState(stateOf(kept!), copy)).toBe(true);
  fs.rmSync(scratch, { recursive: true, force: true });
});

test("restore refuses while the server has the database open, and a damaged or foreign file always", async ({ baseURL }) => {
  test.setTimeout(120_000);
  const live = liveDatabase();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "folio-restore-e2e-"));
  const good = path.join(scratch, "good.db");
  await folioScript("db-backup", live, [good]);
  const before = stateOf(live);
  const siblings = () => fs.readdirSync(path.dirname(live)).filter((f) => f.startsWith("folio.db."));

  const refused = await folioScript("db-restore", live, [good]).then(
    () => null,
    (e: { code: number; stderr: string }) => e,
  );
  expect(refused?.code).toBe(3);
  expect(refused?.stderr).toMatch(/is open in another process \(is the Folio server running\?\)/);
  expect(siblings()).toEqual([]);
  expect(sameState(stateOf(live), before)).toBe(true);
  expect((await fetch(new URL("/api/health", baseURL))).status).toBe(200);

  const notSqlite = path.join(scratch, "notes.db");
  fs.writeFileSync(notSqlite, "这不是数据库。".repeat(500));
  const foreign = path.join(scratch, "foreign.db");
  const f = new Database(foreign);
  f.exec("create table users (id integer primary key)");
  f.close();
  const fresh = path.join(scratch, "fresh", "folio.db");
  for (const [file, message] of [
    [notSqlite, /is not a readable SQLite database/],
    [foreign, /is not a Folio database \(no __drizzle_migrations, articles table\)/],
  ] as const) {
    const error = await folioScript("db-restore", fresh, [file]).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(error?.code, file).toBe(2);
    expect(error?.stderr, file).toMatch(message);
  }
  expect(fs.existsSync(fresh)).toBe(false);

  // A backup copied without its photo folder would lose every photo: refused, nothing changed.
  const alone = path.join(scratch, "alone", "good.db");
  fs.mkdirSync(path.dirname(alone));
  fs.copyFileSync(good, alone);
  const withoutPhotos = await folioScript("db-restore", fresh, [alone]).then(
    () => null,
    (e: { code: number; stderr: string }) => e,
  );
  expect(withoutPhotos?.code).toBe(2);
  expect(withoutPhotos?.stderr).toMatch(/the backup's photo folder .*alone\/good\.media lacks \d+ photo file\(s\) the database names/);
  expect(fs.existsSync(fresh)).toBe(false);
  fs.rmSync(scratch, { recursive: true, force: true });
});

/** The media files a database names (originals and sizes), relative to a media folder. */
function mediaFilesNamedIn(file: string): string[] {
  return withSqliteFile(
    (db) => [
      ...db.select({ sha256: media.sha256, format: media.format }).from(media).all().map((m) => originalPath(m.sha256, m.format)),
      ...db.select({ name: mediaFiles.name }).from(mediaFiles).all().map((f) => filePath(f.name)),
    ],
    file,
  );
}
