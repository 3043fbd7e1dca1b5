import { AsyncLocalStorage } from "node:async_hooks";
import type Database from "better-sqlite3";
import { drizzle, type SqliteRemoteDatabase } from "drizzle-orm/sqlite-proxy";
import type * as schema from "./schema.sqlite";
import { WriteQueue } from "./write-queue";

/*
 * The async drizzle over better-sqlite3 (design: db/README.md, "Transactions on SQLite").
 * drizzle's sqlite-proxy driver hands every statement to `execute` below, which decides where it
 * runs: a statement of the transaction in progress on the writer at once; a read outside any
 * transaction on the reader (WAL: it sees committed data and never waits); any other write in
 * the write queue, after the transaction before it has committed or rolled back.
 */

type Method = "run" | "all" | "values" | "get";
/** A statement whose SQL starts with this returns rows as objects (db/raw.ts). */
export const OBJECT_ROWS = "/*folio:objects*/";

export type SqliteEngine = {
  writer: Database.Database;
  reader: Database.Database;
  queue: WriteQueue;
};

/** Which engine's transaction the current async context is inside, if any. */
const insideTransaction = new AsyncLocalStorage<SqliteEngine>();

const READ = /^\s*(?:\/\*[^*]*\*\/\s*)?(?:select|with)\b/i;
const STATEMENT_CACHE = 500;

function statementCache(connection: Database.Database) {
  const cache = new Map<string, Database.Statement>();
  return (text: string): Database.Statement => {
    let statement = cache.get(text);
    if (statement) {
      // Most recently used last, so the first key is the one to drop.
      cache.delete(text);
    } else {
      statement = connection.prepare(text);
      if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value as string);
    }
    cache.set(text, statement);
    return statement;
  };
}

function runner(connection: Database.Database) {
  const prepare = statementCache(connection);
  return (text: string, params: unknown[], method: Method): { rows: unknown[] } => {
    const statement = prepare(text);
    if (!statement.reader) {
      statement.run(...params);
      return { rows: [] };
    }
    if (text.startsWith(OBJECT_ROWS)) return { rows: statement.raw(false).all(...params) };
    statement.raw(true);
    if (method === "get") return { rows: statement.get(...params) as unknown[] };
    return { rows: statement.all(...params) };
  };
}

export type SqliteDb = SqliteRemoteDatabase<typeof schema> & {
  /** The writer connection: housekeeping only (pragmas, backups, tests). */
  $client: Database.Database;
  /** Closes both connections after the writes already queued. */
  $close: () => Promise<void>;
  /** Closes both connections now (tests and scripts that wrote nothing through drizzle). */
  $closeNow: () => void;
};

export function sqliteDrizzle(engine: SqliteEngine, tables: typeof schema): SqliteDb {
  const onWriter = runner(engine.writer);
  const onReader = runner(engine.reader);
  const execute = async (text: string, params: unknown[], method: Method) => {
    if (insideTransaction.getStore() === engine) return onWriter(text, params, method);
    if (READ.test(text)) return onReader(text, params, method);
    return engine.queue.run(async () => onWriter(text, params, method));
  };
  const db = drizzle(execute, { schema: tables }) as SqliteDb;
  const begin = db.transaction.bind(db);
  let savepoints = 0;
  // Every transaction holds the writer from BEGIN IMMEDIATE to its end. IMMEDIATE takes the
  // file's write lock first, waiting up to busy_timeout for another process (a backup, a
  // script); a deferred transaction that read first could not wait for it (SQLITE_BUSY_SNAPSHOT).
  // Called inside a transaction of this engine, it is a savepoint of that transaction.
  db.transaction = (async (work: (tx: unknown) => Promise<unknown>) => {
    if (insideTransaction.getStore() === engine) {
      const name = `folio_sp${++savepoints}`;
      onWriter(`savepoint ${name}`, [], "run");
      try {
        const result = await work(db);
        onWriter(`release ${name}`, [], "run");
        return result;
      } catch (e) {
        onWriter(`rollback to ${name}`, [], "run");
        onWriter(`release ${name}`, [], "run");
        throw e;
      }
    }
    return engine.queue.run(() => insideTransaction.run(engine, () => begin(work as never, { behavior: "immediate" })));
  }) as SqliteDb["transaction"];
  db.$client = engine.writer;
  db.$close = async () => {
    // After the writes already queued, so none is cut off.
    await engine.queue.run(async () => undefined);
    db.$closeNow();
  };
  db.$closeNow = () => {
    engine.reader.close();
    engine.writer.close();
  };
  return db;
}
