import Database from "better-sqlite3";
import pg from "pg";

export type PublicGenerationReader = { current: () => string | Promise<string>; close: () => Promise<void> | void };

/**
 * The token of public_generation (see db/schema.sqlite.ts), read on its own connection by the
 * server in front of Next (scripts/serve.ts), which runs outside Next's bundle and reads nothing
 * else. One indexed row: a few microseconds, cheap enough to ask on every public request.
 */
export function openPublicGenerationReader(file: string, { busyTimeoutMs = 5000 }: { busyTimeoutMs?: number } = {}): { current: () => string; close: () => void } {
  const sqlite = new Database(file, { fileMustExist: true });
  sqlite.pragma("query_only = ON");
  // A read waits only while a restore or checkpoint holds the file; it blocks every request meanwhile.
  sqlite.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
  const statement = sqlite.prepare<[], { token: string }>("SELECT token FROM public_generation WHERE id = 1");
  return {
    current: () => {
      const row = statement.get();
      if (!row) throw new Error("public_generation has no row: is the database migrated?");
      return row.token;
    },
    close: () => {
      sqlite.close();
    },
  };
}

/**
 * The same on PostgreSQL: every process reads the token the triggers keep (db/migrations-pg), so
 * a write by any process (another app server, the scheduler's leader, a script) is seen by the
 * page cache of every other on its very next request. A round trip to the server on each public
 * request (about 0.1 ms on one machine), on a small pool of its own so it never waits behind a save.
 */
export function openPostgresGenerationReader(url: string): PublicGenerationReader {
  const pool = new pg.Pool({ connectionString: url, max: 4, application_name: "folio-generation" });
  pool.on("error", (e) => console.error("postgres generation pool", e));
  return {
    current: async () => {
      const { rows } = await pool.query<{ token: string }>({ name: "folio-generation", text: "SELECT token FROM public_generation WHERE id = 1" });
      const row = rows[0];
      if (!row) throw new Error("public_generation has no row: is the database migrated?");
      return row.token;
    },
    close: () => pool.end(),
  };
}
