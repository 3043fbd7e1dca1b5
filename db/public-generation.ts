import Database from "better-sqlite3";

/**
 * The token of public_generation (see db/schema.ts), read on its own connection by the server in
 * front of Next (scripts/serve.ts), which runs outside Next's bundle and reads nothing else.
 * One indexed row: a few microseconds, cheap enough to ask on every public request.
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
    close: () => sqlite.close(),
  };
}
