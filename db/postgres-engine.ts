import path from "node:path";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import type { SQL } from "drizzle-orm";
import type { Db, Tx } from "./connection";
import * as schema from "./schema.pg";

/*
 * Folio on PostgreSQL (db/README.md): node-postgres's pool under drizzle, handed out as the `Db`
 * every query is written against. Every transaction is SERIALIZABLE and retried when PostgreSQL
 * finds it could not be (40001) or picks it to end a deadlock (40P01): as if one at a time, which
 * is what SQLite's single writer gives and what the read-check-write transactions assume.
 */

export const PG_MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations-pg");

const RETRYABLE = new Set(["40001", "40P01"]);
/** At least this many attempts, however long they take. */
const MIN_ATTEMPTS = 3;

/** The PostgreSQL error code of an error or of one it wraps (drizzle wraps the driver's as `cause`). */
export function postgresCode(e: unknown): string | undefined {
  let current: unknown = e;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export type PostgresDb = Db & {
  $pool: pg.Pool;
  /** `lock` (a `select … for update` of one row) first, then `work`, at READ COMMITTED: see openPostgres. */
  $rowLockedTransaction: <T>(lock: SQL, work: (tx: Tx) => Promise<T>) => Promise<T>;
};

// timestamptz comes back as Date (node-postgres's default), bigint (count(*)) as a number: no Folio count comes near 2^53.
pg.types.setTypeParser(20, (value) => Number(value));

/**
 * `busyTimeoutMs` (DB_BUSY_TIMEOUT_MS) is SQLite's busy_timeout here: how long a statement waits
 * for another's row or table lock (lock_timeout) and a request for a free pooled connection, before
 * the person is told the database is busy and nothing was written (lib/errors.ts, isDatabaseBusy).
 * Without it a save behind a stuck lock, or every request once the pool is exhausted, waits forever.
 */
export function openPostgres(url: string, { poolSize = 10, busyTimeoutMs = 5000 }: { poolSize?: number; busyTimeoutMs?: number } = {}): PostgresDb {
  // 0 would mean "no limit" to PostgreSQL and to the pool, the opposite of SQLite's 0.
  const wait = Math.max(1, Math.trunc(busyTimeoutMs));
  const pool = new pg.Pool({ connectionString: url, max: poolSize, application_name: "folio", connectionTimeoutMillis: wait, options: `-c lock_timeout=${wait}` });
  // An idle connection the server dropped is replaced on the next checkout; an error then must not end the process.
  pool.on("error", (e) => console.error("postgres pool", e));
  const db = drizzle(pool, { schema }) as NodePgDatabase<typeof schema> & { $client: pg.Pool };
  const begin = db.transaction.bind(db);
  /*
   * Retried for as long as SQLite's writer would wait for its lock (busy timeout), not a fixed
   * number of times: under load a transaction takes long, and ten quick retries of twenty editors'
   * saves collided again and again (SERIALIZABLE's predicate locks are per page, so saves of
   * different articles on one page conflict); bench:load saw 20 of 235 saves refused as busy.
   */
  const retried = async <T>(attempt: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    for (let n = 1; ; n++) {
      try {
        return await attempt();
      } catch (e) {
        if (!RETRYABLE.has(postgresCode(e) ?? "") || (n >= MIN_ATTEMPTS && Date.now() - started >= wait)) throw e;
        // Jittered, growing back-off (up to half a second), so the transactions that collided do not collide again.
        await new Promise((r) => setTimeout(r, Math.random() * Math.min(500, 5 * 2 ** n)));
      }
    }
  };
  const transaction = (work: (tx: unknown) => Promise<unknown>) => retried(() => begin(work as never, { isolationLevel: "serializable" }));
  /*
   * A transaction about one row and what hangs on it (an article's save: its pending revision,
   * revisions, audit): READ COMMITTED after taking that row's lock first. Every other writer of
   * the row waits for the lock, and each statement after it sees what they committed, so the
   * version check holds as under SERIALIZABLE, without SERIALIZABLE's page-level predicate locks,
   * which took saves of different articles for conflicts (bench:load: 26 of 251 autosaves "busy"
   * at load 18). Deadlocks are still retried.
   */
  const rowLockedTransaction = (lock: SQL, work: (tx: unknown) => Promise<unknown>) =>
    retried(() =>
      begin(
        (async (tx: { execute: (q: SQL) => Promise<unknown> }) => {
          await tx.execute(lock);
          return work(tx);
        }) as never,
        { isolationLevel: "read committed" },
      ),
    );
  const facade = db as unknown as PostgresDb;
  Object.assign(facade, {
    transaction,
    $rowLockedTransaction: rowLockedTransaction,
    $pool: pool,
    $close: () => pool.end(),
    $closeNow: () => void pool.end(),
  });
  return facade;
}

/** Any number of Folio processes may start at once: one migrates while the others wait for it. */
const MIGRATION_LOCK = 0x466f6c696f01; // "Folio" 1

/** Applies the pending migrations of db/migrations-pg/, one process at a time. */
export async function migratePostgres(db: PostgresDb): Promise<void> {
  // The lock is held by a connection of its own, outside the pool the migrations run on.
  // It waits as long as another process takes to migrate (no lock_timeout).
  const client = new pg.Client({ ...db.$pool.options, options: "-c lock_timeout=0" });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await migrate(db as unknown as NodePgDatabase<typeof schema>, { migrationsFolder: PG_MIGRATIONS_FOLDER });
  } finally {
    await client.end();
  }
}
