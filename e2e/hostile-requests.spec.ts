import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openTestDb } from "./support/db";
import { expect, test } from "./support/fixtures";
import { raw } from "./support/http";
import { freePort, killServer, startServer, type LiveServer } from "./support/live-server";

/*
 * What an outside attacker tried against the production server (issue 16, finding 2),
 * on `npm start`'s server as a production site runs it by default: no TRUST_PROXY, no SITE_URL.
 * Its own server (on a copy of the run's database) so that its log can be read: a refusal must
 * be a clear answer, not a stack trace per request.
 */

const FIRST_PORT = Number(process.env.E2E_PORT ?? 3210) + 100;

let server: LiveServer;
let dir: string;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "folio-hostile-"));
  const dbPath = path.join(dir, "folio.db");
  const source = openTestDb();
  await source.backup(dbPath);
  source.close();
  server = await startServer({ port: await freePort(FIRST_PORT), dbPath, env: { TRUST_PROXY: undefined, SITE_URL: undefined } });
});

test.afterAll(async () => {
  if (server) await killServer(server, "SIGTERM");
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

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
