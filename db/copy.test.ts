import { adminQuery as admin, removeTemporaryDatabase } from "@/db/testing/temporary-database";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { transitionArticle } from "@/db/queries/article-workflow";
import { actorOf, anArticle, anImport, aPhoto, aSection, aUser, bodyWithPhotos } from "@/db/testing/builders";
import { copyDatabase, type Place } from "./copy";
import { MaintenanceError } from "./maintenance";

/* db:copy between the engines (runs in npm test's PostgreSQL stage): a paper to SQLite and back, the same to the byte. */

const onPostgres = process.env.FOLIO_TEST_ENGINE === "postgres";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "folio-copy-"));
const extra = `folio_copy_${process.pid}_${crypto.randomBytes(3).toString("hex")}`;

afterAll(async () => {
  await removeTemporaryDatabase();
  fs.rmSync(dir, { recursive: true, force: true });
  if (onPostgres) await admin(`drop database if exists ${extra} with (force)`);
});

describe.runIf(onPostgres)("db:copy", () => {
  it("moves a paper from PostgreSQL to a SQLite file and back into a new PostgreSQL database, every table counted and checksummed", async () => {
    const editor = await aUser({ role: "editor", name: "张编辑" });
    const reviewer = await aUser({ role: "reviewer", name: "王审稿" });
    const section = await aSection();
    await anImport({ by: editor });
    const photo = await aPhoto({ by: editor });
    const article = await anArticle({ author: editor, sectionId: section.id, title: "濑溪河两岸春色", body: bodyWithPhotos(photo.id) });
    let version = article.version;
    for (const [action, by] of [["submit", editor], ["approve", reviewer], ["publish", reviewer]] as const) {
      const outcome = await transitionArticle({ id: article.id, baseVersion: version, action, actor: actorOf(by), ip: null });
      if (!outcome.ok) throw new Error(action);
      version = outcome.article.version;
    }

    const source: Place = { kind: "postgres", url: process.env.DATABASE_URL! };
    const file: Place = { kind: "sqlite", file: path.join(dir, "paper.db") };
    const toSqlite = await copyDatabase({ from: source, to: file });
    expect(toSqlite.tables.articles.rows).toBe(1);
    expect(toSqlite.tables.media.rows).toBe(1);
    expect(toSqlite.tables.imports.rows).toBe(1);

    await admin(`create database ${extra}`);
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${extra}`;
    const back = await copyDatabase({ from: file, to: { kind: "postgres", url: url.toString() } });
    expect(back.tables).toEqual(toSqlite.tables);

    // Written into a database that has rows, nothing happens.
    await expect(copyDatabase({ from: file, to: { kind: "postgres", url: url.toString() } })).rejects.toMatchObject({ code: "exists" });
    await expect(copyDatabase({ from: file, to: file })).rejects.toBeInstanceOf(MaintenanceError);

    // The copy is a working paper: its search index was rebuilt and new rows get new ids.
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      expect((await client.query("select article_id from search_documents where content like '%濑溪河%'")).rows).toEqual([{ article_id: article.id }]);
      const { rows } = await client.query("insert into sections (slug, name) values ('after-copy', '复制之后') returning id");
      expect(rows[0].id).toBeGreaterThan(section.id);
    } finally {
      await client.end();
    }
  });
});
