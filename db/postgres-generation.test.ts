import { removeTemporaryDatabase } from "@/db/testing/temporary-database";
import pg from "pg";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { openPostgresGenerationReader } from "./public-generation";

/*
 * The public-change token on PostgreSQL (runs in npm test's PostgreSQL stage): each process keeps
 * the token it read while its listener hears the trigger's notifications, so a cached page costs
 * no round trip, and a change committed by any other connection is seen as soon as it is announced.
 */

const onPostgres = process.env.FOLIO_TEST_ENGINE === "postgres";
afterAll(removeTemporaryDatabase);

const readers: { close: () => Promise<void> | void }[] = [];
afterEach(async () => {
  for (const r of readers.splice(0)) await r.close();
});

/** A statement on another connection, as another app process or an operator would run it; its rows. */
async function elsewhere(text: string): Promise<{ token?: string }[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const result = await client.query<{ token?: string }>(text);
    return Array.isArray(result) ? [] : result.rows;
  } finally {
    await client.end();
  }
}

/** Opens a reader (kept tokens never expire by age here: only a notification may end them) and waits until it listens. */
async function listeningReader(options: { maxAgeMs?: number; retryMs?: number } = {}) {
  const reader = openPostgresGenerationReader(process.env.DATABASE_URL!, { maxAgeMs: 600_000, ...options });
  readers.push(reader);
  await expect.poll(() => reader.listening()).toBe(true);
  return reader;
}

/** Whether the token is answered from memory (a string at once) rather than by asking the server (a promise). */
const fromMemory = (answer: string | Promise<string>) => typeof answer === "string";

describe.runIf(onPostgres)("the public-change token on PostgreSQL", () => {
  it("is asked once, then kept: a cached page costs no round trip", async () => {
    const reader = await listeningReader();
    const first = await reader.current();
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    const again = reader.current();
    expect(fromMemory(again)).toBe(true);
    expect(again).toBe(first);
  });

  it("a public change committed by another connection is seen once it is announced, and a rolled-back one never", async () => {
    const reader = await listeningReader();
    const before = await reader.current();
    await elsewhere("begin; insert into sections (slug, name, position) values ('rolled-back', '撤回栏目', 99); rollback");
    await new Promise((r) => setTimeout(r, 200));
    expect(reader.current()).toBe(before);
    await elsewhere("insert into sections (slug, name, position) values ('announced', '新栏目', 98)");
    await expect.poll(async () => await reader.current()).not.toBe(before);
    const after = await reader.current();
    expect(await elsewhere("select token from public_generation where id = 1")).toEqual([{ token: after }]);
  });

  it("without its listener it asks the server on every request, and keeps again once the listener is back", async () => {
    const reader = await listeningReader({ retryMs: 200 });
    await reader.current();
    await elsewhere("select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'folio-generation-listener' and datname = current_database()");
    await expect.poll(() => reader.listening()).toBe(false);
    // No notification reaches it now: a change must still be seen on the very next request.
    const before = await reader.current();
    await elsewhere("update public_generation set token = md5(random()::text) where id = 1");
    expect(await reader.current()).not.toBe(before);
    await expect.poll(() => reader.listening()).toBe(true);
    await reader.current();
    expect(fromMemory(reader.current())).toBe(true);
  });

  it("a kept token is asked again after maxAgeMs, for a change no notification announced", async () => {
    const reader = await listeningReader({ maxAgeMs: 300 });
    const before = await reader.current();
    await elsewhere("alter table public_generation disable trigger public_generation_notify; update public_generation set token = md5(random()::text) where id = 1; alter table public_generation enable trigger public_generation_notify");
    expect(reader.current()).toBe(before);
    await expect.poll(async () => await reader.current(), { timeout: 3000 }).not.toBe(before);
  });
});
