import { getTableConfig as pgConfig, type PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteConfig, type SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import * as chosen from "./schema";
import * as pg from "./schema.pg";
import * as sqlite from "./schema.sqlite";

/*
 * The two schemas stay in step (db/README.md): the same tables, each with the same columns
 * (nullability, default, primary key), primary keys, foreign keys, indexes and unique
 * constraints. A column added to one engine's schema and not the other's fails here.
 */

type Shape = {
  columns: Record<string, { notNull: boolean; hasDefault: boolean; primary: boolean; unique: boolean }>;
  primaryKeys: string[][];
  foreignKeys: string[];
  indexes: string[];
};

function describeColumns(columns: { name: string; notNull: boolean; hasDefault: boolean; primary: boolean; isUnique: boolean }[]): Shape["columns"] {
  return Object.fromEntries(columns.map((c) => [c.name, { notNull: c.notNull, hasDefault: c.hasDefault, primary: c.primary, unique: c.isUnique }]));
}

/** What both dialects' getTableConfig give, as far as the comparison reads it. */
type Config = {
  name: string;
  columns: { name: string; notNull: boolean; hasDefault: boolean; primary: boolean; isUnique: boolean }[];
  primaryKeys: { columns: { name: string }[] }[];
  foreignKeys: { reference: () => { columns: { name: string }[]; foreignTable: unknown; foreignColumns: { name: string }[] } }[];
  indexes: { config: { name: string; unique: boolean; columns: unknown[] } }[];
};

function shapeOf(config: Config, tableName: (table: unknown) => string): Shape {
  const names = (columns: { name: string }[]) => columns.map((c) => c.name).join(",");
  return {
    columns: describeColumns(config.columns),
    primaryKeys: config.primaryKeys.map((k) => k.columns.map((c) => c.name)),
    foreignKeys: config.foreignKeys
      .map((f) => {
        const ref = f.reference();
        return `${names(ref.columns)} -> ${tableName(ref.foreignTable)}(${names(ref.foreignColumns)})`;
      })
      .sort(),
    indexes: config.indexes.map((i) => `${i.config.name} ${i.config.unique ? "unique " : ""}(${names(i.config.columns as { name: string }[])})`).sort(),
  };
}

function sqliteShape(table: SQLiteTable): Shape {
  const config = sqliteConfig(table);
  // An INTEGER PRIMARY KEY without AUTOINCREMENT is SQLite's rowid, which drizzle counts as a
  // default; Folio always gives those (an article's id for its lock, the one row of
  // public_generation), as PostgreSQL requires.
  const columns = config.columns.map((c) => {
    const rowid = c.primary && c.columnType === "SQLiteInteger" && !(c as unknown as { autoIncrement?: boolean }).autoIncrement;
    return rowid ? Object.assign(Object.create(Object.getPrototypeOf(c)), c, { hasDefault: false }) : c;
  });
  return shapeOf({ ...config, columns } as unknown as Config, (t) => sqliteConfig(t as SQLiteTable).name);
}

function pgShape(table: PgTable): Shape {
  return shapeOf(pgConfig(table) as unknown as Config, (t) => pgConfig(t as PgTable).name);
}

const tablesOf = <T>(module: Record<string, unknown>, isTable: (v: unknown) => v is T) =>
  Object.fromEntries(Object.entries(module).filter((entry): entry is [string, T] => isTable(entry[1])));
const isSqliteTable = (v: unknown): v is SQLiteTable => typeof v === "object" && v !== null && Symbol.for("drizzle:IsDrizzleTable") in v && "getSQL" in v;

const sqliteTables = tablesOf(sqlite, isSqliteTable);
const pgTables = tablesOf(pg as Record<string, unknown>, (v): v is PgTable => isSqliteTable(v));

describe("the SQLite and PostgreSQL schemas", () => {
  it("define the same tables", () => {
    expect(Object.keys(pgTables).sort()).toEqual(Object.keys(sqliteTables).sort());
    expect(Object.keys(sqliteTables).length).toBeGreaterThan(10);
  });

  it("export every table through db/schema.ts, which the queries use", () => {
    expect(Object.keys(tablesOf(chosen as Record<string, unknown>, isSqliteTable)).sort()).toEqual(Object.keys(sqliteTables).sort());
  });

  for (const name of Object.keys(sqliteTables)) {
    it(`agree on ${name}: columns, keys, indexes`, () => {
      const left = sqliteShape(sqliteTables[name]!);
      const right = pgShape(pgTables[name]!);
      expect({ table: pgConfig(pgTables[name]!).name, ...right }).toEqual({ table: sqliteConfig(sqliteTables[name]!).name, ...left });
    });
  }
});
