import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { ArticleBody } from "../../lib/article-body/types";

/**
 * A production server of our own (the existing `.next` build) on its own database (a SQLite file,
 * or a PostgreSQL database of its own when the run serves from PostgreSQL), for the crash-safety
 * and hostile-requests specs and the load benchmark: they kill it, restart it and load it, which
 * the shared Playwright webServer must not suffer. Also the HTTP side of an editor: sign-in and the
 * real saveArticleAction posted the way the browser posts it.
 */

const ROOT = path.resolve(__dirname, "../..");
const TSX_CLI = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");

/**
 * What the server writes when the database made it give up waiting (lib/errors.ts logs "database
 * busy:" with the cause: SQLite's lock, or a PostgreSQL lock or serialization wait past
 * DB_BUSY_TIMEOUT_MS).
 */
export const BUSY_PATTERN = /database busy:|SQLITE_BUSY|database is locked/i;

/** A live server's own database: a file in a folder of its own, and the PostgreSQL database it serves from instead when the run is on PostgreSQL. */
export type ScratchDatabase = {
  /** The folder (media, the auth secret) and SQLite file; the file stays unused on PostgreSQL. */
  dir: string;
  dbPath: string;
  /** A new, empty database on the run's PostgreSQL server; undefined on SQLite. */
  databaseUrl?: string;
  /** Where a check reads it (checkSaves, withDatabase): the URL or the file. */
  where: string;
  /** Drops the PostgreSQL database and removes the folder. */
  remove: () => Promise<void>;
};

/** A statement on the run's PostgreSQL server (its user may create databases: scripts/postgres-server.sh). */
async function onServer(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A new database for a live server of this spec, on the run's engine (DATABASE_URL: PostgreSQL). Seed it with seedDemoDatabase. */
export async function scratchDatabase(name: string): Promise<ScratchDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `folio-${name}-`));
  const dbPath = path.join(dir, "folio.db");
  const runUrl = process.env.DATABASE_URL;
  if (!runUrl) return { dir, dbPath, where: dbPath, remove: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  const database = `folio_${name.replace(/\W/g, "_")}_${process.pid}_${Date.now().toString(36)}`;
  await onServer(runUrl, `create database ${database}`);
  const url = new URL(runUrl);
  url.pathname = `/${database}`;
  const databaseUrl = url.toString();
  return {
    dir,
    dbPath,
    databaseUrl,
    where: databaseUrl,
    remove: async () => {
      await onServer(runUrl, `drop database if exists ${database} with (force)`);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `npm run -s db:seed -- --demo` on this file (or PostgreSQL database), as playwright.config.ts's webServer does. */
export async function seedDemoDatabase(dbPath: string, databaseUrl?: string): Promise<void> {
  const child = spawn("npm", ["run", "-s", "db:seed", "--", "--demo"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_PATH: dbPath, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}), NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new Error(`db:seed failed (${code}):\n${output}`);
}

/** The first port from `from` on that nothing listens (other test runs on this machine may hold some). */
export async function freePort(from: number): Promise<number> {
  for (let port = from; port < from + 50; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer();
      probe.once("error", () => resolve(false));
      probe.listen(port, () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${from}–${from + 49}`);
}

export type LiveServer = {
  port: number;
  baseUrl: string;
  dbPath: string;
  child: ChildProcess;
  /** Every line the server printed, stdout and stderr. */
  log: string[];
  exited: Promise<void>;
};

/**
 * `npm start`'s server (scripts/serve.ts) on the existing build, in its own process group (so a kill takes every process
 * it started). Resolves once /api/health answers 200: the database is open and migrated.
 */
export async function startServer({
  port,
  dbPath,
  databaseUrl,
  timeoutMs = 60_000,
  env = {},
}: {
  port: number;
  dbPath: string;
  /** Serve from this PostgreSQL database (otherwise the file, or the DATABASE_URL this process has). */
  databaseUrl?: string;
  timeoutMs?: number;
  /** More environment for the server; a variable set to undefined is removed. */
  env?: Record<string, string | undefined>;
}): Promise<LiveServer> {
  if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) throw new Error("no production build: run `npx next build` first");
  const child = spawn(process.execPath, [TSX_CLI, path.join(ROOT, "scripts", "serve.ts"), "-p", String(port)], {
    cwd: ROOT,
    detached: true,
    env: { ...process.env, NODE_ENV: "production", DATABASE_PATH: dbPath, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}), NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    let rest = "";
    stream?.on("data", (d: Buffer) => {
      const lines = (rest + d.toString()).split("\n");
      rest = lines.pop() ?? "";
      log.push(...lines);
    });
    stream?.on("end", () => rest && log.push(rest));
  }
  let exitedEarly = false;
  const exited = new Promise<void>((resolve) =>
    child.on("exit", () => {
      exitedEarly = true;
      resolve();
    }),
  );
  const server: LiveServer = { port, baseUrl: `http://localhost:${port}`, dbPath, child, log, exited };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exitedEarly) throw new Error(`server exited during start-up:\n${log.join("\n")}`);
    try {
      const res = await fetch(`${server.baseUrl}/api/health`);
      await res.arrayBuffer();
      if (res.ok) return server;
    } catch {
      // not listening yet
    }
    await sleep(50);
  }
  await killServer(server);
  throw new Error(`server not healthy after ${timeoutMs} ms:\n${log.join("\n")}`);
}

/** SIGKILL (or another signal) to the server's whole process group; resolves when it is gone. */
export async function killServer(server: LiveServer, signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
  if (server.child.exitCode === null && server.child.signalCode === null && server.child.pid) {
    try {
      process.kill(-server.child.pid, signal);
    } catch {
      // already gone
    }
  }
  await server.exited;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** next-auth's credentials flow over plain HTTP; returns the Cookie header of the session. */
export async function signInOverHttp(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookies = cookiePairs(csrf.headers.getSetCookie());
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  await res.arrayBuffer();
  const session = cookiePairs(res.headers.getSetCookie()).find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`sign-in as ${email} failed (HTTP ${res.status})`);
  return session;
}

function cookiePairs(setCookies: string[]): string[] {
  return setCookies.map((c) => c.split(";")[0] ?? "").filter((c) => c.includes("="));
}

/** The id Next gave an exported server action in this build. */
export function serverActionId(filename: string, exportedName: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const found = Object.entries(manifest.node).find(([, a]) => a.filename === filename && a.exportedName === exportedName);
  if (!found) throw new Error(`server action ${filename}#${exportedName} is not in the build`);
  return found[0];
}

export const saveArticleActionId = () => serverActionId("app/(desk)/desk/articles/[id]/actions.ts", "saveArticleAction");

/** What saveArticleAction answers (ArticleActionResult), as far as the callers need it. */
export type SaveResult = { ok: boolean; version?: number; message?: string };

/**
 * The value of a server action from its RSC answer: row 0 is `{"a":"$@N",…}` (the action's
 * value is row N), the rest is the revalidated page.
 */
export function actionResultOf(text: string): SaveResult | null {
  const rows = new Map<string, string>();
  for (const line of text.split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) rows.set(line.slice(0, colon), line.slice(colon + 1));
  }
  const head = rows.get("0");
  if (!head) return null;
  const ref = (JSON.parse(head) as { a?: unknown }).a;
  if (typeof ref !== "string" || !ref.startsWith("$@")) return null;
  const row = rows.get(ref.slice(2));
  return row ? (JSON.parse(row) as SaveResult) : null;
}

export type SaveInput = {
  articleId: number;
  baseVersion: number;
  fields: Record<string, unknown>;
  body: unknown;
  note?: string | null;
  autosave?: boolean;
};

/** Posts saveArticleAction to the article's page as the editor does; throws if the connection fails. */
export async function postSaveArticle(
  baseUrl: string,
  cookie: string,
  actionId: string,
  input: SaveInput,
): Promise<{ status: number; result: SaveResult | null }> {
  const form = new FormData();
  form.append("0", JSON.stringify([input]));
  const res = await fetch(`${baseUrl}/desk/articles/${input.articleId}`, {
    method: "POST",
    headers: { "next-action": actionId, accept: "text/x-component", cookie, origin: baseUrl },
    body: form,
  });
  const text = await res.text();
  let result: SaveResult | null = null;
  try {
    result = res.ok ? actionResultOf(text) : null;
  } catch {
    result = null;
  }
  return { status: res.status, result };
}

/** The article form's fields as the editor sends them (names as typed, section as a string). */
export function articleFields(title: string, sectionId: number): Record<string, unknown> {
  return {
    kicker: "",
    title,
    subtitle: "",
    rubric: "",
    byline: "本报讯（记者 测试）",
    source: "本报讯",
    reporters: "测试",
    correspondents: "",
    photographers: "",
    sectionId: String(sectionId),
    language: "zh-CN",
  };
}

/** A body of plain paragraphs, in Tiptap JSON. */
export function paragraphsBody(paragraphs: readonly string[]): ArticleBody {
  return { type: "doc", content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) };
}

/** A fingerprint of a body's text (every text node in order), to compare what was sent with what was stored. */
export function bodyTextHash(body: unknown): string {
  const parts: string[] = [];
  const walk = (node: unknown) => {
    if (!node || typeof node !== "object") return;
    const n = node as { text?: unknown; content?: unknown };
    if (typeof n.text === "string") parts.push(n.text);
    if (Array.isArray(n.content)) n.content.forEach(walk);
  };
  walk(body);
  return createHash("sha256").update(parts.join("\u0000")).digest("hex");
}
