import { min } from "drizzle-orm";
import { importWork } from "../db/schema";
import { builtActions, urlOfWorker } from "./support/actions";
import { withDatabase } from "./support/database";
import { DEMO_PASSWORD, openTestDb } from "./support/db";
import { expect, test } from "./support/fixtures";
import { raw } from "./support/http";
import { freePort, killServer, scratchDatabase, seedDemoDatabase, signInOverHttp, startServer, type LiveServer, type ScratchDatabase } from "./support/live-server";

/*
 * What an outside attacker tried against the production server (issue 16, findings 2, 6 and 7),
 * on `npm start`'s server as a production site runs it by default: no TRUST_PROXY, no SITE_URL.
 * Its own server (on a copy of the run's SQLite file, or on PostgreSQL a newly seeded database of
 * its own) so that its log can be read: a refusal must be a clear answer, not a stack trace per
 * request.
 */

const FIRST_PORT = Number(process.env.E2E_PORT ?? 3210) + 100;
const MiB = 1024 * 1024;

let server: LiveServer;
let database: ScratchDatabase;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  database = await scratchDatabase("hostile");
  const { dbPath, databaseUrl } = database;
  if (databaseUrl) await seedDemoDatabase(dbPath, databaseUrl);
  else {
    const source = openTestDb();
    await source.$client.backup(dbPath);
    source.$client.close();
  }
  server = await startServer({ port: await freePort(FIRST_PORT), dbPath, databaseUrl, env: { TRUST_PROXY: undefined, SITE_URL: undefined } });
});

test.afterAll(async () => {
  if (server) await killServer(server, "SIGTERM");
  if (database) await database.remove();
});

/** The server's log from line `from` on: stack traces, crashes and Next's own error reports. */
function troubleSince(from: number): string[] {
  return server.log.slice(from).filter((line) => /^\s+at |Error|Maximum call stack|⨯|Body exceeded/.test(line));
}

test("production start without SITE_URL says so loudly, and names whose forwarded headers it believes", () => {
  const log = server.log.join("\n");
  expect(log).toContain("WARNING: SITE_URL is not set");
  expect(log).toContain("forwarded headers trusted from: nobody");
});

test("a forged X-Forwarded-Host or -Proto reaches no link: robots.txt, the sitemap, the feed and the pages name the host asked for", async () => {
  const forged = { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", "x-forwarded-for": "203.0.113.66" };
  const own = new URL(server.baseUrl).host;
  for (const url of ["/robots.txt", "/sitemap.xml", "/feed.xml", "/", "/search"]) {
    const res = await raw(server.baseUrl, url, { headers: forged });
    expect(res.status, url).toBe(200);
    expect(res.body, url).not.toContain("evil.example");
    expect(res.body, url).toContain(`http://${own}`);
    expect(res.headers.get("strict-transport-security"), url).toBeNull();
  }
  // And a page kept while the forged header was sent is the page every reader gets.
  expect((await raw(server.baseUrl, "/")).body).not.toContain("evil.example");
});

test("a server action over 8 MB is answered 413 with the limit, before it is read, and logs nothing", async () => {
  const from = server.log.length;
  const home = await raw(server.baseUrl, "/");
  const actionField = /name="(\$ACTION_ID_[0-9a-f]+)"/.exec(home.body)![1]!;
  const form = new FormData();
  form.set(actionField, "");
  form.set("locale", "x".repeat(9 * MiB));
  const res = await raw(server.baseUrl, "/", { method: "POST", body: form });
  expect(res.status).toBe(413);
  expect(res.body).toContain("at most 8 MB");

  // A body of unknown length cannot be measured before it is read: refused too.
  const chunked = await fetch(`${server.baseUrl}/desk/imports/new`, {
    method: "POST",
    body: new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("x".repeat(1000)));
        controller.close();
      },
    }),
    duplex: "half",
  } as RequestInit);
  expect(chunked.status).toBe(411);
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(troubleSince(from)).toEqual([]);
});

test("the workbench's save takes valid JSON of 11–23 MB whole, and refuses more than 24 MB with 413", async () => {
  const cookie = await signInOverHttp(server.baseUrl, "editor@folio.local", DEMO_PASSWORD);
  const [first] = await withDatabase((db) => db.select({ id: min(importWork.importId) }).from(importWork), database.where);
  const id = first?.id;
  const work = (await (await fetch(`${server.baseUrl}/api/imports/${id}/work`, { headers: { cookie } })).json()) as { version: number; doc: unknown };
  const from = server.log.length;

  // The document as it was, with 12 MB of room besides: every byte must reach the route.
  const big = JSON.stringify({ baseVersion: work.version, doc: work.doc, note: "荣".repeat(4 * MiB) });
  expect(Buffer.byteLength(big)).toBeGreaterThan(12 * MiB);
  const saved = await fetch(`${server.baseUrl}/api/imports/${id}/work`, { method: "PUT", headers: { cookie, "content-type": "application/json" }, body: big });
  expect(saved.status, await saved.clone().text().then((t) => t.slice(0, 200))).toBe(200);
  expect(((await saved.json()) as { version: number }).version).toBe(work.version + 1);

  const huge = JSON.stringify({ baseVersion: work.version + 1, doc: work.doc, note: "x".repeat(25 * MiB) });
  const refused = await fetch(`${server.baseUrl}/api/imports/${id}/work`, { method: "PUT", headers: { cookie, "content-type": "application/json" }, body: huge });
  expect(refused.status).toBe(413);
  expect(((await refused.json()) as { error: string; message: string }).message).toContain("24 MB");
  expect(troubleSince(from)).toEqual([]);
});

test("a server action nested 200,000 levels deep is refused at once, anonymous or not, without a stack overflow", async () => {
  const from = server.log.length;
  const deep = "[".repeat(200_000) + "]".repeat(200_000);
  // Posted as React posts an action's arguments: as text, and as the first field of a form.
  const action = builtActions().find((a) => a.key.endsWith("#saveArticleAction"))!;
  const url = `${server.baseUrl}${urlOfWorker(action.worker)}`;
  const headers = { "next-action": action.id, accept: "text/x-component" };
  const asText = await fetch(url, { method: "POST", headers: { ...headers, "content-type": "text/plain;charset=UTF-8" }, body: deep });
  expect(asText.status).toBe(413);
  expect(await asText.text()).toContain("nested too deeply");
  const form = new FormData();
  form.set("0", deep);
  const asForm = await fetch(url, { method: "POST", headers, body: form });
  expect(asForm.status).toBe(413);
  // A deep string is only text: the same characters inside quotes are a normal save's business.
  const quoted = new FormData();
  quoted.set("0", JSON.stringify(["[".repeat(200_000)]));
  expect((await fetch(url, { method: "POST", headers, body: quoted })).status).not.toBe(413);
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(troubleSince(from)).toEqual([]);
});
