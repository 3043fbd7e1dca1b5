import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS } from "./e2e/support/chromium";
import { SESSION_IDLE_MINUTES_IN_TESTS } from "./e2e/support/server-settings";

// One temporary database per run; workers inherit the folder through the environment.
process.env.FOLIO_E2E_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "folio-e2e-"));
const DATABASE_PATH = path.join(process.env.FOLIO_E2E_DIR, "folio.db");
const PORT = Number(process.env.E2E_PORT ?? 3210);

/*
 * E2E_DATABASE_URL=postgres://… serves the run from that (empty) PostgreSQL database instead of the
 * SQLite file (issue 18); the specs arrange and read it through e2e/support/database.ts and the
 * async helpers of e2e/support/db.ts, the same on both engines. Left out of such a run are only the
 * specs about the SQLite file itself, each with its PostgreSQL counterpart elsewhere:
 */
const DATABASE_URL = process.env.E2E_DATABASE_URL;
if (DATABASE_URL) process.env.DATABASE_URL = DATABASE_URL;
const SQLITE_ONLY = [
  // SQLite's online backup of the live file under a writer, and restore over it; PostgreSQL's
  // db:backup/db:restore are pg_dump/pg_restore, tested in db/postgres-maintenance.test.ts (unit-postgres).
  "backup-and-restore.spec.ts",
  // Another process holding the file's write lock (BEGIN EXCLUSIVE); PostgreSQL's "busy, retry"
  // (a held row lock past lock_timeout) is tested in db/postgres-busy.test.ts (unit-postgres).
  "busy-database.spec.ts",
];

/** CHROMIUM_PATH wins; then Playwright's own browser if installed; then Debian's. */
function chromiumExecutable(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    if (fs.existsSync(chromium.executablePath())) return undefined;
  } catch {
    // no bundled browser registered
  }
  return "/usr/bin/chromium";
}

export default defineConfig({
  testDir: "./e2e",
  testIgnore: DATABASE_URL ? SQLITE_ONLY : [],
  // Playwright empties its output folder at start: keep it apart from the unit report, and apart
  // from the PostgreSQL pass that npm test runs at the same time (E2E_OUTPUT).
  outputDir: process.env.E2E_OUTPUT ?? "test-results/playwright",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  // npm test's PostgreSQL pass writes its own report (E2E_REPORT) beside the SQLite one.
  reporter: [["list"], ["json", { outputFile: process.env.E2E_REPORT ?? "test-results/e2e.json" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    // A trace is for a person to open after a failure here; CI keeps nothing but its log, and
    // recording one for every test there cost about a sixth of the end-to-end time (2.4 → 2.0 min on
    // four heavy specs), which the two passes on two cores pay twice.
    trace: process.env.CI ? "off" : "retain-on-failure",
    launchOptions: {
      executablePath: chromiumExecutable(),
      // A wheel turn scrolls at once, not animated over the next frames: a test that scrolls and
      // then reads where things are (the workbench drag) reads where they stay.
      args: [...CHROMIUM_ARGS, "--disable-smooth-scrolling"],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    // The production build (npm test builds it first), on the temporary database.
    command: `npm run -s db:seed -- --demo && npx tsx scripts/serve.ts -p ${PORT}`,
    url: `http://localhost:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    // As behind a reverse proxy on the same machine: the specs send X-Forwarded-Proto (HSTS, Secure
    // cookies) and -For (throttling) as such a proxy would. hostile-requests.spec.ts runs a server that trusts nobody.
    env: { DATABASE_PATH, ...(DATABASE_URL ? { DATABASE_URL } : {}), NEXT_TELEMETRY_DISABLED: "1", TRUST_PROXY: "loopback", SESSION_IDLE_MINUTES: String(SESSION_IDLE_MINUTES_IN_TESTS) },
  },
});
