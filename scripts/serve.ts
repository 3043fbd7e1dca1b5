import fsp from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import next from "next";
import { openDatabase } from "@/db/connection";
import { openPublicGenerationReader } from "@/db/public-generation";
import { openPublicMediaReader } from "@/db/public-media";
import { mediaDirOf, parseEnv } from "@/lib/env";
import { MediaFileCache, mediaFileServer } from "@/lib/http/media-file-server";
import { PageCache } from "@/lib/http/page-cache";
import { publicPageServer } from "@/lib/http/public-page-server";
import { filePath } from "@/lib/media/paths";

/*
 * The production server: Next's request handler behind the public page cache
 * (lib/http/public-page-server.ts), which answers a reader's page from memory until something
 * public changes, and the photo files of published stories (lib/http/media-file-server.ts).
 * Migrates the database first. Needs `npm run build`.
 *
 *   tsx scripts/serve.ts [--port N] [--hostname H]     (PORT, FOLIO_HOST, PUBLIC_PAGE_CACHE_MB, PUBLIC_MEDIA_CACHE_MB)
 */

// Before Next and lib/env read it: this server only ever serves the production build.
(process.env as Record<string, string>).NODE_ENV = "production";

const { values } = parseArgs({ options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } } });
const config = parseEnv(process.env);
const port = values.port === undefined ? config.PORT : Number(values.port);
const hostname = values.hostname ?? config.FOLIO_HOST;
const databaseFile = path.resolve(config.DATABASE_PATH);

async function main() {
  openDatabase(databaseFile, { busyTimeoutMs: config.DB_BUSY_TIMEOUT_MS }).$client.close();
  const generation = openPublicGenerationReader(databaseFile, { busyTimeoutMs: config.DB_BUSY_TIMEOUT_MS });
  const app = next({ dev: false, dir: path.resolve(__dirname, ".."), hostname: hostname ?? "localhost", port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const cache = config.PUBLIC_PAGE_CACHE_MB > 0 ? new PageCache(config.PUBLIC_PAGE_CACHE_MB * 1024 * 1024) : null;
  const pages = publicPageServer({ next: handle, currentToken: generation.current, cache, siteUrl: config.SITE_URL, publicUrl: config.NEXTAUTH_URL });
  const mediaDir = mediaDirOf(config);
  const photos = openPublicMediaReader(databaseFile, { busyTimeoutMs: config.DB_BUSY_TIMEOUT_MS });
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
    console.log(`Folio on http://${hostname ?? "localhost"}:${port} (public page cache: ${cache ? `${config.PUBLIC_PAGE_CACHE_MB} MB` : "off"}, photo files: ${config.PUBLIC_MEDIA_CACHE_MB > 0 ? `${config.PUBLIC_MEDIA_CACHE_MB} MB` : "off"})`);
  });

  // Requests under way (a publish, an import) finish first; then Next and the database close.
  const stop = (signal: NodeJS.Signals) => {
    console.log(`${signal}: closing`);
    setTimeout(() => process.exit(0), 10_000).unref();
    server.close(() => {
      generation.close();
      photos.close();
      void app.close().finally(() => process.exit(0));
    });
    server.closeIdleConnections();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((e: unknown) => {
  console.error(`error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exit(1);
});
