import { removeTemporaryDatabase } from "@/db/testing/temporary-database";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { getArticleById } from "@/db/queries/articles";
import { anArticle, aUser } from "@/db/testing/builders";
import { backupPostgres, restorePostgres } from "./postgres-maintenance";
import { MaintenanceError } from "./maintenance";
import { closeDb } from "@/db";

/* db:backup and db:restore on PostgreSQL: pg_dump and pg_restore (runs in npm test's PostgreSQL stage). */

const onPostgres = process.env.FOLIO_TEST_ENGINE === "postgres";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "folio-pgdump-"));
afterAll(async () => {
  await removeTemporaryDatabase();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe.runIf(onPostgres)("PostgreSQL backup and restore", () => {
  it("writes a private, complete dump, never over an existing file, and restores it whole", async () => {
    const url = process.env.DATABASE_URL!;
    const editor = await aUser({ role: "editor" });
    const article = await anArticle({ author: editor, title: "备份之前" });
    const target = path.join(dir, "folio.pgdump");
    const result = await backupPostgres({ url, target });
    expect(result.tables).toBeGreaterThan(15);
    expect(fs.statSync(target).mode & 0o777).toBe(0o600);
    await expect(backupPostgres({ url, target })).rejects.toBeInstanceOf(MaintenanceError);

    const later = await anArticle({ author: editor, title: "备份之后" });
    await closeDb();
    await restorePostgres({ url, source: target });
    expect((await getArticleById({ id: article.id }))?.title).toBe("备份之前");
    expect(await getArticleById({ id: later.id })).toBeUndefined();
  });

  it("refuses a file that is not a dump, and changes nothing", async () => {
    const junk = path.join(dir, "junk.pgdump");
    fs.writeFileSync(junk, "not a dump");
    await expect(restorePostgres({ url: process.env.DATABASE_URL!, source: junk })).rejects.toMatchObject({ code: "corrupt" });
  });
});
