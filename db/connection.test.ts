import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadOrCreateSecret } from "@/lib/env";
import { openDatabase } from "./connection";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "folio-perm-"));
  dirs.push(dir);
  return dir;
}

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

describe("the live database's files", () => {
  it("are created readable by Folio's user only: the data folder 0700, the database, its WAL and shared memory 0600", () => {
    const previous = process.umask(0o022);
    try {
      const data = path.join(tempDir(), "data");
      const file = path.join(data, "folio.db");
      const db = openDatabase(file);
      // A write makes SQLite create the WAL and its index.
      db.$client.exec("create table if not exists permission_probe (x)");
      db.$client.prepare("insert into permission_probe values (1)").run();
      expect(modeOf(data)).toBe(0o700);
      for (const f of [file, `${file}-wal`, `${file}-shm`]) {
        expect(fs.existsSync(f), f).toBe(true);
        expect(modeOf(f), f).toBe(0o600);
      }
      db.$closeNow();

      // The session key beside it, in a folder it creates.
      const secretDir = path.join(tempDir(), "fresh");
      loadOrCreateSecret(secretDir);
      expect(modeOf(secretDir)).toBe(0o700);
      expect(modeOf(path.join(secretDir, "auth-secret"))).toBe(0o600);
    } finally {
      process.umask(previous);
    }
  });

  it("of an older install, made 0644 under the umask, are narrowed to 0600 when opened", () => {
    const dir = tempDir();
    const file = path.join(dir, "folio.db");
    openDatabase(file).$closeNow();
    for (const f of [file]) fs.chmodSync(f, 0o644);
    fs.writeFileSync(`${file}-wal`, "");
    fs.chmodSync(`${file}-wal`, 0o644);
    const db = openDatabase(file);
    expect(modeOf(file)).toBe(0o600);
    expect(modeOf(`${file}-wal`)).toBe(0o600);
    db.$closeNow();
  });
});
