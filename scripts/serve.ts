import fsp from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import next from "next";
import { migrateDatabase } from "@/db/migrate";
import { openPostgresGenerationReader, openPublicGenerationReader } from "@/db/public-generation";
import { mediaDirOf, parseEnv } from "@/lib/env";
import { applyForwarding, parseTrustedProxies } from "@/lib/http/forwarded";
import { MediaFileCache, mediaFileServer } from "@/lib/http/media-file-server";
import { PageCache } from "@/lib/http/page-cache";
import { publicPageServer } from "@/lib/http/public-page-server";
import { RenderGate } from "@/lib/http/render-gate";
import { forwardTo, serveRenders, startRenderProcess } from "@/lib/http/render-process";
import { bodyRefusal, type BodyRefusal } from "@/lib/http/request-body";
import { PUBLIC_RENDERS } from "@/lib/limits";
import { filePath } from "@/lib/media/paths";
import { openPostgresPublicMediaReader, openPublicMediaReader } from "@/db/public-media";

/*
 * The production server: Next's request handler behind the public page cache
 * (lib/http/public-page-server.ts), which answers a reader's page from memory until something
 * public changes, and the photo files of published stories (lib/http/media-file-server.ts). In front of both, every request first loses the forwarding headers of anyone
 * but a trusted proxy (lib/http/forwarded.ts), and a body over its limit is refused with 413
 * before a byte of it is read (lib/http/request-body.ts). The public pages that miss the cache
 * are rendered by a second Next server in a process of its own at a lower CPU priority
 * (lib/http/render-process.ts: this script again, with --render-process), so that strangers'
 * renders cannot take the CPU from readers of cached pages and from editors. Migrates the
 * database first. Needs `npm run build`.
 *
 *   tsx scripts/serve.ts [--port N] [--hostname H]     (PORT, FOLIO_HOST, PUBLIC_PAGE_CACHE_MB, TRUST_PROXY, SITE_URL, PUBLIC_MEDIA_CACHE_MB, MEDIA_DIR)
 */

// Before Next and lib/env read it: this server only ever serves the production build.
(process.env as Record<string, string>).NODE_ENV = "production";

const { values } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" }, "render-process": { type: "boolean" } },
});
const config = parseEnv(process.env);
const port = values.port === undefined ? config.PORT : Number(values.port);
const hostname = values.hostname ?? config.FOLIO_HOST;
const databaseFile = path.resolve(config.DATABASE_PATH);
const trustedProxies = config.TRUST_PROXY === undefined ? null : parseTrustedProxies(config.TRUST_PROXY);

/**
 * Without SITE_URL the public site's absolute links (canonical, Open Graph, feed, sitemap,
 * robots.txt) come from each request's Host header. That keeps `npm run demo` working on any
 * port and host name, and is safe from cache poisoning (a shared cache keys by Host, and
 * forwarded hosts are believed only from TRUST_PROXY), but a production site should not depend
 * on it: said loudly at every start rather than refused, so the first command still just works.
 */
function warnWithoutSiteUrl(): void {
  if (config.SITE_URL !== undefined) return;
  console.warn(
    [
      "",
      "┌─ WARNING: SITE_URL is not set ──────────────────────────────────────────────",
      "│ Canonical links, Open Graph, the RSS feed, the sitemap and robots.txt name the host",
      "│ each request was sent to. Fine for a demo; in production set the site's address,",
      "│ e.g. SITE_URL=https://news.example.cn (see README, Configuration).",
      "└─────────────────────────────────────────────────────────────────────────────",
      "",
    ].join("\n"),
  );
}

/** How long a refused body is read and thrown away, so that the client gets to read the refusal. */
const DISCARD_BODY_MS = 10_000;

/**
 * 413 or 411, said plainly: JSON for the route handlers (as handleRoute answers), text elsewhere.
 * The body is read and dropped, not kept, and the connection stays open until it has arrived:
 * closing it with bytes still unread would reset it, and the client, still sending, would see a
 * broken connection instead of this answer. A client still sending after DISCARD_BODY_MS is cut off.
 */
function refuseBody(req: http.IncomingMessage, res: http.ServerResponse, refusal: BodyRefusal): void {
  req.resume();
  const cutOff = setTimeout(() => req.socket.destroy(), DISCARD_BODY_MS).unref();
  req.once("close", () => clearTimeout(cutOff));
  const api = (req.url ?? "").startsWith("/api/");
  const body = api ? JSON.stringify({ error: refusal.status === 413 ? "too_large" : "length_required", message: refusal.message }) : `${refusal.message}\n`;
  res.writeHead(refusal.status, {
    "content-type": api ? "application/json" : "text/plain; charset=utf-8",
    "cache-control": "no-store",
    "content-length": Buffer.byteLength(body),
  });
  res.end(body);
}

const nextApp = () => next({ dev: false, dir: path.resolve(__dirname, ".."), hostname: hostname ?? "localhost", port });

/** The render process (started by main below): Next alone, answering what the main process forwards. */
async function renderProcess() {
  // The server that started it may die (SIGKILL) before this one is ready: then there is nothing to wait for.
  const orphaned = () => process.exit(0);
  process.once("disconnect", orphaned);
  const app = nextApp();
  const handle = app.getRequestHandler();
  await app.prepare();
  process.off("disconnect", orphaned);
  if (!process.connected) process.exit(0);
  serveRenders(handle, () => app.close());
}

async function main() {
  await migrateDatabase(config);
  // Started on the first public render, which happens here until it is up.
  const renders = startRenderProcess({ script: __filename, args: ["--render-process", "-p", String(port)], nice: PUBLIC_RENDERS.nice });
  const generation = config.DATABASE_URL
    ? openPostgresGenerationReader(config.DATABASE_URL)
    : openPublicGenerationReader(databaseFile, { busyTimeoutMs: config.DB_BUSY_TIMEOUT_MS });
  const app = nextApp();
  const handle = app.getRequestHandler();
  await app.prepare();

  const cache = config.PUBLIC_PAGE_CACHE_MB > 0 ? new PageCache(config.PUBLIC_PAGE_CACHE_MB * 1024 * 1024) : null;
  const gate = new RenderGate(PUBLIC_RENDERS);
  const render = forwardTo({ port: renders.port, agent: new http.Agent({ keepAlive: true, maxSockets: PUBLIC_RENDERS.concurrency * 2 }) }, handle);
  const pages = publicPageServer({ next: handle, render, currentToken: generation.current, cache, gate, siteUrl: config.SITE_URL, publicUrl: config.NEXTAUTH_URL });
  const mediaDir = mediaDirOf(config);
  const photos = config.DATABASE_URL
    ? openPostgresPublicMediaReader(config.DATABASE_URL)
    : openPublicMediaReader(databaseFile, { busyTimeoutMs: config.DB_BUSY_TIMEOUT_MS });
  const serve = mediaFileServer({
    next: pages,
    currentToken: generation.current,
    publicFormat: photos.publicFormat,
    read: (name) => fsp.readFile(path.join(mediaDir, filePath(name))),
    cache: config.PUBLIC_MEDIA_CACHE_MB > 0 ? new MediaFileCache(config.PUBLIC_MEDIA_CACHE_MB * 1024 * 1024) : null,
    publicUrl: config.NEXTAUTH_URL,
  });
  const failed = (res: http.ServerResponse) => (e: unknown) => {
    console.error("request failed:", e);
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
    res.end();
  };
  const server = http.createServer((req, res) => {
    try {
      applyForwarding(req.headers, req.socket.remoteAddress, trustedProxies);
      const refusal = bodyRefusal({ method: req.method ?? "GET", pathname: (req.url ?? "/").split("?", 1)[0] as string, header: (name) => first(req.headers[name]) });
      if (refusal) return refuseBody(req, res, refusal);
      Promise.resolve(serve(req, res)).catch(failed(res));
    } catch (e) {
      failed(res)(e);
    }
  });
  // As `next start --keepAliveTimeout 65000`: longer than a load balancer's idle timeout.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.once("error", (e) => {
    console.error(`error: ${e.message}`);
    process.exit(1);
  });
  server.listen(port, hostname, () => {
    console.log(
      `Folio on http://${hostname ?? "localhost"}:${port} (public page cache: ${cache ? `${config.PUBLIC_PAGE_CACHE_MB} MB` : "off"}; ` +
        `photo files: ${config.PUBLIC_MEDIA_CACHE_MB > 0 ? `${config.PUBLIC_MEDIA_CACHE_MB} MB` : "off"}; forwarded headers trusted from: ${trustedProxies?.description ?? "nobody"})`,
    );
    warnWithoutSiteUrl();
  });

  // Requests under way (a publish, an import) finish first; then Next and the database close.
  const stop = (signal: NodeJS.Signals) => {
    console.log(`${signal}: closing`);
    setTimeout(() => process.exit(0), 10_000).unref();
    server.close(() => {
      void generation.close();
      void photos.close();
      void Promise.all([renders.stop(), app.close()]).finally(() => process.exit(0));
    });
    server.closeIdleConnections();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

(values["render-process"] ? renderProcess() : main()).catch((e: unknown) => {
  console.error(`error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exit(1);
});
