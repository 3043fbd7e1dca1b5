import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { z } from "zod";
import { parseTrustedProxies } from "./http/forwarded";
import { ensurePrivateDir } from "./private-files";

/** A refinement that keeps the parser's own words as the message. */
const trustedProxyList = (value: string, ctx: z.RefinementCtx<string>) => {
  try {
    parseTrustedProxies(value);
  } catch (e) {
    ctx.addIssue({ code: "custom", message: e instanceof Error ? e.message : String(e), input: value });
  }
};

/**
 * The one reader of process.env. Every value has a default that works for the
 * embedded demo; a malformed value stops start-up with a message naming it.
 */
const databaseUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, "must be a postgres:// (or postgresql://) URL; leave it unset for the SQLite file")
  .optional();

const schema = z.object({
  DATABASE_PATH: z.string().min(1).default("./data/folio.db"),
  // PostgreSQL instead of the SQLite file (db/README.md): postgres://user:password@host:port/database.
  DATABASE_URL: databaseUrl,
  // Connections each Folio process keeps to PostgreSQL.
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  NEXTAUTH_URL: z.url().optional(),
  // The public site's address for canonical links, feeds and sitemaps (https://example.org or
  // https://example.org/paper). Without it each request's own host is used.
  SITE_URL: z
    .url({ protocol: /^https?$/ })
    .refine((u) => !u.includes("?") && !u.includes("#"), "must not carry a query or fragment")
    .optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // How long a write waits for another process's lock (a backup, a script) before giving up
  // with "busy, please retry". better-sqlite3 waits synchronously, so keep it short.
  DB_BUSY_TIMEOUT_MS: z.coerce.number().int().min(0).max(60_000).default(5000),
  // Memory for rendered public pages (scripts/serve.ts); 0 renders every request.
  PUBLIC_PAGE_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(64),
  // The reverse proxies whose X-Forwarded-* headers are believed (lib/http/forwarded.ts): addresses,
  // CIDR ranges or "loopback". Unset, nobody's: scripts/serve.ts removes them from every request.
  TRUST_PROXY: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().superRefine(trustedProxyList).optional()),
  // When a signed-in session ends (lib/auth/sessions.ts; README, Configuration): after this long
  // without a request of the person's own, and this long after sign-in whatever they do.
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(7 * 24).default(12),
  // Notifications by e-mail as well as in the desk: smtp://user:password@host:587 (STARTTLS when
  // the server offers it) or smtps://…:465. Unset (the default), nothing is sent.
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  // The sender of those e-mails.
  MAIL_FROM: z.string().min(3).default("Folio <folio@localhost>"),
  // Memory for the photo files readers are sent (scripts/serve.ts); 0 reads each from disk.
  PUBLIC_MEDIA_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(64),
  // The address the server listens on (all interfaces unless told). Not HOSTNAME: containers set that to their own name.
  FOLIO_HOST: z.string().min(1).optional(),
  // The one folder photos live in (originals and the sizes made from them, content-addressed).
  // Unset: media/ beside the database. Several app processes must share it.
  MEDIA_DIR: z.string().min(1).optional(),
});

export type Env = z.infer<typeof schema> & { AUTH_SECRET: string; dataDir: string; mediaDir: string };

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): z.infer<typeof schema> {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid configuration: ${lines.join("; ")}`);
  }
  return result.data;
}

/** The secret lives beside the database so a fresh install needs no setup and it is never committed. */
export function loadOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
  try {
    const existing = fs.readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return existing;
  } catch {
    // first run: create below
  }
  ensurePrivateDir(dataDir);
  const secret = crypto.randomBytes(48).toString("base64url");
  fs.writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}

/** The media folder: MEDIA_DIR, or media/ beside the database file. */
export function mediaDirOf(parsed: Pick<z.infer<typeof schema>, "DATABASE_PATH" | "MEDIA_DIR">): string {
  return path.resolve(/*turbopackIgnore: true*/ parsed.MEDIA_DIR ?? path.join(path.dirname(path.resolve(parsed.DATABASE_PATH)), "media"));
}

/**
 * The database file, busy timeout and media folder alone, for maintenance scripts (backup,
 * restore) that must not create an auth secret or touch next-auth's variables as env() does.
 */
export function databaseSettings(source: Record<string, string | undefined> = process.env): { file: string; busyTimeoutMs: number; mediaDir: string } {
  const parsed = parseEnv(source);
  return { file: path.resolve(parsed.DATABASE_PATH), busyTimeoutMs: parsed.DB_BUSY_TIMEOUT_MS, mediaDir: mediaDirOf(parsed) };
}

export type DatabaseEngine = "sqlite" | "postgres";

/**
 * Which engine this process runs on: PostgreSQL when DATABASE_URL is set, else the SQLite file.
 * Read alone (db/schema.ts asks at load, drizzle-kit and the test runner too), without env()'s side effects.
 */
export function databaseEngine(source: Record<string, string | undefined> = process.env): DatabaseEngine {
  const url = source.DATABASE_URL;
  if (url === undefined || url === "") return "sqlite";
  const parsed = databaseUrl.safeParse(url);
  if (!parsed.success) throw new EnvError(`Invalid configuration: DATABASE_URL: ${parsed.error.issues[0]?.message}`);
  return "postgres";
}

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = parseEnv(process.env);
  const dataDir = path.dirname(path.resolve(parsed.DATABASE_PATH));
  const AUTH_SECRET = parsed.AUTH_SECRET ?? loadOrCreateSecret(dataDir);
  // next-auth v4 reads these two itself. Without a fixed public URL we trust the
  // Host header, so any PORT or proxy host works without extra configuration.
  if (!parsed.NEXTAUTH_URL && !process.env.AUTH_TRUST_HOST) process.env.AUTH_TRUST_HOST = "true";
  process.env.NEXTAUTH_SECRET = AUTH_SECRET;
  cached = { ...parsed, AUTH_SECRET, dataDir, mediaDir: mediaDirOf(parsed) };
  return cached;
}
