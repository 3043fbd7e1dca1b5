import { createHash } from "node:crypto";
import { asc, getTableName, sql, type SQL } from "drizzle-orm";
import { getTableConfig as pgConfig, type PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteConfig, type SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "./connection";
import { openDatabase } from "./connection";
import { MaintenanceError } from "./maintenance";
import { migratePostgres, openPostgres } from "./postgres-engine";
import * as pgSchema from "./schema.pg";
import * as sqliteSchema from "./schema.sqlite";

/*
 * db:copy (issue 18): a paper moved from one engine to the other, SQLite file to PostgreSQL or
 * back. Both schemas read a row as the same TypeScript values (db/README.md, schema-parity), so a
 * row read with one engine's tables is written with the other's as it is. The target must be new
 * or empty; it is migrated first and written in one transaction, so a failed copy leaves nothing.
 * The triggers rebuild what is derived (the search indexes); the public-change token is the
 * target's own. Then every table is counted and checksummed on both sides and must agree.
 */

/** Tables in an order where every foreign key points to a table copied before (self-references are set in a second pass). */
const TABLES = [
  "users",
  "paperModels",
  "sections",
  "auditLog",
  "loginAttempts",
  "sessions",
  "pdfFiles",
  "imports",
  "importPages",
  "importPageImages",
  "importWork",
  "importWorkRevisions",
  "issues",
  "pages",
  "articles",
  "articleRevisions",
  "pendingRevisions",
  "articleApprovals",
  "articleComments",
  "articleLocks",
  "articleViews",
  "notifications",
  "media",
  "mediaFiles",
  "articlePhotos",
] as const satisfies readonly (keyof typeof sqliteSchema & keyof typeof pgSchema)[];

type TableKey = (typeof TABLES)[number];
type AnyTable = SQLiteTable | PgTable;
type Row = Record<string, unknown>;

/** Where a paper is: a SQLite file, or a PostgreSQL database by its URL. */
export type Place = { kind: "sqlite"; file: string } | { kind: "postgres"; url: string };

export function placeOf(arg: string): Place {
  return /^postgres(ql)?:\/\//.test(arg) ? { kind: "postgres", url: arg } : { kind: "sqlite", file: arg };
}

type Side = { db: Db; tables: Record<TableKey, AnyTable>; kind: Place["kind"]; close: () => Promise<void> };

async function open(place: Place): Promise<Side> {
  if (place.kind === "sqlite") {
    const db = openDatabase(place.file);
    return { db, tables: sqliteSchema as unknown as Record<TableKey, AnyTable>, kind: "sqlite", close: () => db.$close() };
  }
  const db = openPostgres(place.url, { poolSize: 2, busyTimeoutMs: 60_000 });
  await migratePostgres(db);
  return { db: db as Db, tables: pgSchema as unknown as Record<TableKey, AnyTable>, kind: "postgres", close: () => db.$close() };
}

const configOf = (side: Side, table: AnyTable) => (side.kind === "sqlite" ? sqliteConfig(table as SQLiteTable) : pgConfig(table as PgTable));

/** The table's primary key columns (by property name), for a stable order. */
function keyOf(side: Side, key: TableKey): string[] {
  const table = side.tables[key];
  const config = configOf(side, table);
  const columns = Object.entries(table as unknown as Record<string, { name?: string }>);
  const byName = (name: string) => columns.find(([, c]) => c?.name === name)?.[0] as string;
  const composite = config.primaryKeys[0];
  if (composite) return composite.columns.map((c) => byName(c.name));
  return config.columns.filter((c) => c.primary).map((c) => byName(c.name));
}

/** Columns of the table that reference the table itself (imports.supersedes_id, articles.continues_id), by property name. */
function selfReferences(side: Side, key: TableKey): string[] {
  const table = side.tables[key];
  const config = configOf(side, table);
  const name = getTableName(table);
  const columns = Object.entries(table as unknown as Record<string, { name?: string }>);
  return config.foreignKeys
    .map((f) => f.reference())
    .filter((r) => getTableName(r.foreignTable as AnyTable) === name)
    .map((r) => columns.find(([, c]) => c?.name === r.columns[0]?.name)?.[0] as string);
}

const BATCH = 100;

/** The table's rows in key order, a batch at a time. */
async function* rowsOf(side: Side, key: TableKey): AsyncGenerator<Row[]> {
  const table = side.tables[key] as SQLiteTable;
  const columns = table as unknown as Record<string, SQL>;
  const order = keyOf(side, key).map((k) => asc(columns[k] as never));
  for (let offset = 0; ; offset += BATCH) {
    const rows = (await side.db.select().from(table).orderBy(...order).limit(BATCH).offset(offset)) as Row[];
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < BATCH) return;
  }
}

/** A value as text, the same for the same TypeScript value on either engine. */
function canonical(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (value instanceof Date) return `d:${value.toISOString()}`;
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return `b:${Buffer.from(value).toString("hex")}`;
  if (typeof value === "object") return `j:${JSON.stringify(value)}`;
  return `${typeof value}:${String(value)}`;
}

export type TableFigures = { rows: number; sha256: string };

/** Every copied table's row count and a digest of its rows in key order. */
export async function tableFigures(side: Side): Promise<Record<TableKey, TableFigures>> {
  const out = {} as Record<TableKey, TableFigures>;
  for (const key of TABLES) {
    const hash = createHash("sha256");
    let rows = 0;
    for await (const batch of rowsOf(side, key)) {
      for (const row of batch) {
        rows += 1;
        for (const name of Object.keys(row).sort()) hash.update(`${name}=${canonical(row[name])}\t`);
        hash.update("\n");
      }
    }
    out[key] = { rows, sha256: hash.digest("hex") };
  }
  return out;
}

export type CopyResult = { tables: Record<TableKey, TableFigures>; rows: number; ms: number };

/** Copies every table from `from` to `to` (new or empty), then proves by counts and checksums that both hold the same. */
export async function copyDatabase({ from, to }: { from: Place; to: Place }): Promise<CopyResult> {
  const started = performance.now();
  if (from.kind === to.kind && JSON.stringify(from) === JSON.stringify(to)) throw new MaintenanceError("same", "source and target are the same database");
  const source = await open(from);
  try {
    const target = await open(to);
    try {
      for (const key of TABLES) {
        const [row] = await target.db.select({ n: sql<number>`count(*)` }).from(target.tables[key] as SQLiteTable);
        if (Number(row?.n ?? 0) > 0) throw new MaintenanceError("exists", `the target is not empty (${getTableName(target.tables[key])} has rows): db:copy writes only into a new database`);
      }
      await target.db.transaction(async (tx) => {
        for (const key of TABLES) {
          const table = target.tables[key] as SQLiteTable;
          const later = selfReferences(target, key);
          const deferred: Row[] = [];
          for await (const batch of rowsOf(source, key)) {
            // A row may point to one of its own table copied after it: written without, set afterwards.
            const first = batch.map((row) => (later.length === 0 ? row : { ...row, ...Object.fromEntries(later.map((c) => [c, null])) }));
            await tx.insert(table).values(first as never);
            for (const row of batch) if (later.some((c) => row[c] !== null && row[c] !== undefined)) deferred.push(row);
          }
          const columns = table as unknown as Record<string, SQL>;
          const [keyColumn] = keyOf(target, key);
          for (const row of deferred) {
            const set = Object.fromEntries(later.map((c) => [c, row[c]]));
            await tx
              .update(table)
              .set(set as never)
              .where(sql`${columns[keyColumn as string]} = ${row[keyColumn as string]}`);
          }
        }
        if (target.kind === "postgres") {
          // Ids were written as they were: each identity continues after the highest.
          for (const key of TABLES) {
            const name = getTableName(target.tables[key]);
            const config = pgConfig(target.tables[key] as PgTable);
            if (!config.columns.some((c) => c.name === "id" && c.primary && c.columnType === "PgInteger")) continue;
            await (tx as unknown as { execute: (q: SQL) => Promise<unknown> }).execute(
              sql.raw(`select setval(pg_get_serial_sequence('"${name}"', 'id'), coalesce((select max(id) from "${name}"), 0) + 1, false)`),
            );
          }
        }
      });
      const [before, after] = [await tableFigures(source), await tableFigures(target)];
      const differ = TABLES.filter((k) => before[k].rows !== after[k].rows || before[k].sha256 !== after[k].sha256);
      if (differ.length > 0) throw new MaintenanceError("mismatch", `the copy differs from the source in ${differ.map((k) => getTableName(target.tables[k])).join(", ")}`);
      return { tables: after, rows: TABLES.reduce((n, k) => n + after[k].rows, 0), ms: performance.now() - started };
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}
