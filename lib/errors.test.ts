import { describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { AppError, expectedError, isDatabaseBusy } from "./errors";

describe("expected errors", () => {
  it("recognises a real SQLITE_BUSY from better-sqlite3, bare or wrapped as a query error's cause", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "folio-busy-")), "t.db");
    const holder = new Database(file);
    holder.pragma("journal_mode = WAL");
    holder.exec("create table t (a)");
    const other = new Database(file);
    other.pragma("busy_timeout = 10");
    holder.exec("BEGIN EXCLUSIVE");
    let thrown: unknown;
    try {
      other.prepare("insert into t values (1)").run();
    } catch (e) {
      thrown = e;
    }
    holder.exec("ROLLBACK");
    holder.close();
    other.close();
    expect((thrown as { code?: string }).code).toBe("SQLITE_BUSY");
    expect(isDatabaseBusy(thrown)).toBe(true);
    const wrapped = Object.assign(new Error("Failed query: insert …"), { cause: thrown });
    expect(expectedError(wrapped)?.code).toBe("busy");
  });

  it("passes AppError through and leaves other errors alone", () => {
    const e = new AppError("forbidden");
    expect(expectedError(e)).toBe(e);
    expect(expectedError(new Error("boom"))).toBeNull();
    expect(expectedError(Object.assign(new Error("x"), { code: "SQLITE_CONSTRAINT_UNIQUE" }))).toBeNull();
    expect(isDatabaseBusy(null)).toBe(false);
  });

  it("a request its browser abandoned is not a busy database; a database connection reset is", () => {
    const aborted = Object.assign(new Error("aborted"), { code: "ECONNRESET" });
    expect(isDatabaseBusy(aborted)).toBe(false);
    expect(expectedError(aborted)).toBeNull();
    expect(isDatabaseBusy(Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }))).toBe(true);
  });
});
