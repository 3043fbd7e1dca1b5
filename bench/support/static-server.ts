import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";

/*
 * The baseline: a minimal static file server on node:http, run as its own process
 * (so it does not share an event loop with the load generator). Every file of the
 * folder is read once at start and served from memory as /<name>, uncompressed,
 * like Next answers a client that sends no Accept-Encoding.
 *
 *   tsx bench/support/static-server.ts <dir> <port>
 */

const [dir, portArg] = process.argv.slice(2);
if (!dir || !portArg) {
  console.error("usage: static-server <dir> <port>");
  process.exit(2);
}

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".txt": "text/plain; charset=utf-8" };
const files = new Map<string, { body: Buffer; type: string }>();
for (const name of readdirSync(dir)) {
  files.set(`/${name}`, { body: readFileSync(path.join(dir, name)), type: TYPES[path.extname(name)] ?? "application/octet-stream" });
}

http
  .createServer((req, res) => {
    const file = files.get((req.url ?? "/").split("?")[0] ?? "/");
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": file.type, "content-length": file.body.length, "cache-control": "no-cache" });
    res.end(file.body);
  })
  .listen(Number(portArg), "127.0.0.1", () => console.log(`static server on ${portArg}`));
