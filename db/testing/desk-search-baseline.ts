import "server-only";
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { MIGRATIONS_FOLDER } from "@/db/connection";
import type { DeskMatch } from "@/db/queries/articles";
import { articles } from "@/db/schema";

/*
 * For bench/desk-search.ts: what the desk's own index is measured against, on the same database.
 */

/**
 * The way without an index, for listDeskArticles' `match`: every article's headline stack, byline
 * and body scanned with LIKE for every term.
 */
export const likeScan: DeskMatch = (plan) => {
  const like = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql.join(
    plan.terms.map(
      (term) =>
        sql`(${articles.title} || ' ' || coalesce(${articles.kicker}, '') || ' ' || coalesce(${articles.subtitle}, '') || ' ' || coalesce(${articles.byline}, '') || ' ' || ${articles.bodyText}) like ${like(term)} escape '\\'`,
    ),
    sql` and `,
  );
};

const TRIGGERS = ["articles_desk_search_insert", "articles_desk_search_update", "articles_desk_search_delete"];

/** Runs `work` with the desk index's triggers dropped (what a save costs without them), then puts them back as migration 0014 wrote them. */
export async function withoutDeskSearchTriggers<T>(work: () => Promise<T>): Promise<T> {
  const db = getDb();
  const migration = fs.readFileSync(path.join(MIGRATIONS_FOLDER, "0014_desk_search.sql"), "utf8");
  const creates = migration.split("--> statement-breakpoint").filter((s) => TRIGGERS.some((t) => s.includes(`CREATE TRIGGER \`${t}\``)));
  for (const name of TRIGGERS) await db.run(sql.raw(`DROP TRIGGER ${name}`));
  try {
    return await work();
  } finally {
    for (const create of creates) await db.run(sql.raw(create.replace(/^--.*$/gm, "").trim()));
  }
}
