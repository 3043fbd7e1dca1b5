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

/** The channel folio_public_changed() notifies (db/migrations-pg/0007_public_change_notify.sql). */
export const PUBLIC_CHANGE_CHANNEL = "folio_public_change";

/**
 * The same on PostgreSQL: every process sees the token the triggers keep (db/migrations-pg), so a
 * write by any process (another app server, the scheduler's leader, a script) is seen by the page
 * cache of every other. Asking the server on every public request cost a round trip per cached
 * page (readers' p99 5.7× SQLite's in bench:load with two processes), so the token read is kept
 * while a connection of its own LISTENs on the channel the trigger notifies at commit: the next
 * notification forgets it. Kept at most `maxAgeMs` even so, for what no trigger announces (a
 * restore, an operator's hand-made UPDATE). Without a listening connection (not yet connected,
 * lost), every request asks the server, as before: correct first, fast when it can be.
 */
export function openPostgresGenerationReader(url: string, { maxAgeMs = 1000, retryMs = 1000 }: { maxAgeMs?: number; retryMs?: number } = {}): PublicGenerationReader & { listening: () => boolean } {
  const pool = new pg.Pool({ connectionString: url, max: 4, application_name: "folio-generation" });
  pool.on("error", (e) => console.error("postgres generation pool", e));
  const ask = async () => {
    const { rows } = await pool.query<{ token: string }>({ name: "folio-generation", text: "SELECT token FROM public_generation WHERE id = 1" });
    const row = rows[0];
    if (!row) throw new Error("public_generation has no row: is the database migrated?");
    return row.token;
  };

  // Bumped by every notification and by every loss of the listener: a read that started in an
  // older epoch may have seen the token before the change, so it is returned but not kept.
  let epoch = 0;
  let kept: { token: string; at: number; epoch: number } | null = null;
  let asking: { answer: Promise<string>; epoch: number } | null = null;
  let listener: pg.Client | null = null;
  let closed = false;
  const forget = () => {
    epoch++;
    kept = null;
  };

  const listen = () => {
    if (closed) return;
    const client = new pg.Client({ connectionString: url, application_name: "folio-generation-listener" });
    let lost = false;
    const lose = (e?: unknown) => {
      if (lost) return;
      lost = true;
      if (listener === client) listener = null;
      forget();
      if (closed) return;
      if (e) console.error("postgres generation listener lost; asking on every request until it is back", e);
      client.end().catch(() => {});
      setTimeout(listen, retryMs).unref();
    };
    client.on("notification", forget);
    client.on("error", lose);
    client.on("end", () => lose());
    client
      .connect()
      .then(() => client.query(`LISTEN ${PUBLIC_CHANGE_CHANNEL}`))
      .then(() => {
        if (closed || lost) return void client.end().catch(() => {});
        forget(); // whatever was read before the LISTEN took hold
        listener = client;
      }, lose);
  };
  listen();

  return {
    current: () => {
      if (listener && kept && kept.epoch === epoch && Date.now() - kept.at < maxAgeMs) return kept.token;
      // Requests that come while a read is out share it, once listening: the same window as the kept token's.
      if (listener && asking && asking.epoch === epoch) return asking.answer;
      const started = { epoch, at: Date.now(), listening: listener !== null };
      const answer = ask().then(
        (token) => {
          if (started.listening && listener && epoch === started.epoch) kept = { token, at: started.at, epoch };
          if (asking?.answer === answer) asking = null;
          return token;
        },
        (e: unknown) => {
          if (asking?.answer === answer) asking = null;
          throw e;
        },
      );
      asking = { answer, epoch };
      return answer;
    },
    listening: () => listener !== null,
    close: async () => {
      closed = true;
      const client = listener;
      listener = null;
      forget();
      await Promise.all([pool.end(), client?.end().catch(() => {})]);
    },
  };
}
