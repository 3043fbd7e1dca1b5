import http, { type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { RenditionFormat } from "../media/limits";
import { MediaFileCache, mediaFileServer, type MediaFileServerOptions } from "./media-file-server";

/*
 * A real node:http server with mediaFileServer in front of a fake Next that answers everything it
 * is handed with "next", and a media folder and database as maps the test changes as it goes.
 */

const PUBLIC_JPEG = `${"a".repeat(32)}.jpg`;
const DRAFT_WEBP = `${"b".repeat(32)}.webp`;
const LOST_AVIF = `${"c".repeat(32)}.avif`;

type World = {
  base: string;
  token: string;
  /** Name → format, for files whose photo a published story shows. */
  published: Map<string, RenditionFormat>;
  onDisk: Map<string, Buffer>;
  lookups: string[];
  reads: string[];
  nextCalls: string[];
};

const servers: http.Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

async function start(options: Partial<Pick<MediaFileServerOptions, "cache" | "publicUrl">> = {}): Promise<World> {
  const world: World = {
    base: "",
    token: "t1",
    published: new Map([[PUBLIC_JPEG, "jpeg"], [LOST_AVIF, "avif"]]),
    onDisk: new Map([
      [PUBLIC_JPEG, Buffer.from("jpeg bytes")],
      [DRAFT_WEBP, Buffer.from("webp bytes")],
    ]),
    lookups: [],
    reads: [],
    nextCalls: [],
  };
  const serve = mediaFileServer({
    next: (req, res) => {
      world.nextCalls.push(`${req.method} ${req.url}`);
      res.writeHead(404, { "content-type": "text/plain", "x-from": "next" });
      res.end("next");
    },
    currentToken: () => world.token,
    publicFormat: (name) => {
      world.lookups.push(name);
      return world.published.get(name);
    },
    read: async (name) => {
      world.reads.push(name);
      const bytes = world.onDisk.get(name);
      if (!bytes) throw Object.assign(new Error("ENOENT"), { code: "ENOENT" });
      return bytes;
    },
    cache: new MediaFileCache(1024 * 1024),
    ...options,
  });
  const server = http.createServer((req, res) => void serve(req, res));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  world.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return world;
}

function get(world: World, path: string, { method = "GET", headers = {} }: { method?: string; headers?: Record<string, string> } = {}): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(world.base + path, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("readers' photo files in front of Next", () => {
  it("sends a published story's file with its type, a year's immutable caching and the security headers, then from memory", async () => {
    const world = await start();
    const first = await get(world, `/media/${PUBLIC_JPEG}`);
    expect(first.status).toBe(200);
    expect(first.body).toBe("jpeg bytes");
    expect(first.headers).toMatchObject({
      "content-type": "image/jpeg",
      "content-length": "10",
      "cache-control": "private, max-age=31536000, immutable",
      etag: `"${PUBLIC_JPEG}"`,
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
      "x-folio-cache": "miss",
    });
    expect(first.headers["content-security-policy"]).toContain("script-src 'none'");
    expect(first.headers["strict-transport-security"]).toBeUndefined();

    const again = await get(world, `/media/${PUBLIC_JPEG}?v=2`);
    expect(again).toMatchObject({ status: 200, body: "jpeg bytes" });
    expect(again.headers["x-folio-cache"]).toBe("hit");
    expect(world.lookups).toEqual([PUBLIC_JPEG]);
    expect(world.reads).toEqual([PUBLIC_JPEG]);
    expect(world.nextCalls).toEqual([]);
  });

  it("answers 304 to a browser that has it and HEAD without a body", async () => {
    const world = await start();
    const notModified = await get(world, `/media/${PUBLIC_JPEG}`, { headers: { "if-none-match": `W/"x", "${PUBLIC_JPEG}"` } });
    expect(notModified.status).toBe(304);
    expect(notModified.body).toBe("");
    expect(notModified.headers["cache-control"]).toBe("private, max-age=31536000, immutable");
    const head = await get(world, `/media/${PUBLIC_JPEG}`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers["content-length"]).toBe("10");
    expect(head.body).toBe("");
  });

  it("asks again once anything public changed: a withdrawn story's photo goes to Next, which refuses readers", async () => {
    const world = await start();
    expect((await get(world, `/media/${PUBLIC_JPEG}`)).status).toBe(200);
    world.published.delete(PUBLIC_JPEG);
    // Same generation: nothing public changed, so the file is what it was.
    expect((await get(world, `/media/${PUBLIC_JPEG}`)).status).toBe(200);
    world.token = "t2";
    const after = await get(world, `/media/${PUBLIC_JPEG}`);
    expect(after).toMatchObject({ status: 404, body: "next" });
    expect(world.nextCalls).toEqual([`GET /media/${PUBLIC_JPEG}`]);
  });

  it("hands Next a draft's photo, a file missing from disk, other methods, other paths and names that are not files", async () => {
    const world = await start();
    for (const path of [`/media/${DRAFT_WEBP}`, `/media/${LOST_AVIF}`, "/media/../folio.db", `/media/${"a".repeat(32)}.svg`, `/media/${PUBLIC_JPEG}/x`, "/articles/1", `/x/media/${PUBLIC_JPEG}`]) {
      expect((await get(world, path)).body, path).toBe("next");
    }
    expect((await get(world, `/media/${PUBLIC_JPEG}`, { method: "POST" })).body).toBe("next");
    expect(world.reads).toEqual([LOST_AVIF]);
    expect(world.lookups).toEqual([DRAFT_WEBP, LOST_AVIF]);
  });

  it("reads the file for every request without a cache, and keeps nothing found under a generation that has passed", async () => {
    const world = await start({ cache: null });
    await get(world, `/media/${PUBLIC_JPEG}`);
    await get(world, `/media/${PUBLIC_JPEG}`);
    expect(world.reads).toEqual([PUBLIC_JPEG, PUBLIC_JPEG]);

    const cached = await start();
    let calls = 0;
    // The token changes between the lookup and the end of the read (a withdrawal meanwhile).
    Object.defineProperty(cached, "token", { get: () => (calls++ === 0 ? "t1" : "t2") });
    expect((await get(cached, `/media/${PUBLIC_JPEG}`)).headers["x-folio-cache"]).toBe("miss");
    expect((await get(cached, `/media/${PUBLIC_JPEG}`)).headers["x-folio-cache"]).toBe("miss");
  });

  it("sends HSTS over https", async () => {
    const world = await start({ publicUrl: "https://news.example.cn" });
    expect((await get(world, `/media/${PUBLIC_JPEG}`)).headers["strict-transport-security"]).toBe("max-age=31536000");
  });
});
