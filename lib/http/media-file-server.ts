import type { IncomingMessage, ServerResponse } from "node:http";
import { RENDITION_MIME_TYPES, type RenditionFormat } from "../media/limits";
import { MEDIA_CACHE_CONTROL, MEDIA_FILE_URL } from "../media/urls";
import { GenerationCache } from "./page-cache";
import { first, tokenOrNull, type Handler } from "./public-page-server";
import { contentSecurityPolicy, isHttpsRequest, securityHeaders } from "./security-headers";

/*
 * Readers' photo files, answered before Next (scripts/serve.ts). Through Next's route handler
 * (app/media/[file]) a 72 KB JPEG cost about 4 ms of the server's time, forty times the page that
 * shows it, so a story with a lead photo was served at a fortieth of the rate of one without. Here a
 * file a published story shows is read once and kept in memory (content-addressed: its bytes never
 * change) under the public generation it was found public in, so a withdrawn story's photos stop
 * being sent as soon as its pages do. Anything else (a draft's photo, which the newsroom may see;
 * an unknown name; a busy database) goes on to Next, which decides and answers.
 */

export type CachedMediaFile = { token: string; format: RenditionFormat; body: Buffer };

/** The photo files readers were sent, up to a byte budget (PUBLIC_MEDIA_CACHE_MB). */
export class MediaFileCache extends GenerationCache<CachedMediaFile> {
  constructor(maxBytes: number) {
    super(maxBytes, (file) => file.body.length);
  }
}

export type MediaFileServerOptions = {
  /** Everything that is not a public photo file: the page cache, then Next. */
  next: Handler;
  /** The current public generation token (db/public-generation.ts). */
  currentToken: () => string | Promise<string>;
  /** The file's format when a published story shows its photo, else undefined (db/public-media.ts). */
  publicFormat: (name: string) => RenditionFormat | undefined | Promise<RenditionFormat | undefined>;
  /** The file's bytes from the media folder. */
  read: (name: string) => Promise<Buffer>;
  /** null: read the file for every request. */
  cache: MediaFileCache | null;
  /** NEXTAUTH_URL, for https. */
  publicUrl?: string;
};

const PREFIX = "/media/";

export function mediaFileServer({ next, currentToken, publicFormat, read, cache, publicUrl }: MediaFileServerOptions): Handler {
  return async (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next(req, res);
    const url = req.url ?? "/";
    const query = url.indexOf("?");
    const pathname = query === -1 ? url : url.slice(0, query);
    if (!pathname.startsWith(PREFIX) || !MEDIA_FILE_URL.test(pathname)) return next(req, res);
    const name = pathname.slice(PREFIX.length);

    // Read before the lookup: a withdrawal after it leaves the file under a token already gone.
    const token = await tokenOrNull(currentToken);
    if (token === null) return next(req, res);
    const hit = cache?.get(name, token);
    if (hit) return sendFile(req, res, name, hit, "hit", publicUrl);
    let format: RenditionFormat | undefined;
    try {
      format = await publicFormat(name);
    } catch (e) {
      console.error("media files: lookup failed:", e);
      return next(req, res);
    }
    if (format === undefined) return next(req, res);
    let body: Buffer;
    try {
      body = await read(name);
    } catch {
      // Recorded but not on disk (a restore without its media folder): Next answers 404.
      return next(req, res);
    }
    const file = { token, format, body };
    if ((await tokenOrNull(currentToken)) === token) cache?.set(name, file);
    sendFile(req, res, name, file, "miss", publicUrl);
  };
}

function sendFile(req: IncomingMessage, res: ServerResponse, name: string, file: CachedMediaFile, state: "hit" | "miss", publicUrl: string | undefined): void {
  const https = isHttpsRequest({ forwardedProto: first(req.headers["x-forwarded-proto"]), publicUrl });
  const etag = `"${name}"`;
  const common = {
    ...securityHeaders({ csp: contentSecurityPolicy({ nonce: null, https }), https }),
    "cache-control": MEDIA_CACHE_CONTROL.file,
    etag,
    "x-folio-cache": state,
  };
  const ifNoneMatch = first(req.headers["if-none-match"]);
  if (ifNoneMatch !== undefined && ifNoneMatch.split(",").some((tag) => tag.trim() === etag || tag.trim() === "*")) {
    res.writeHead(304, common);
    res.end();
    return;
  }
  res.writeHead(200, { ...common, "content-type": RENDITION_MIME_TYPES[file.format], "content-length": file.body.length });
  res.end(req.method === "HEAD" ? undefined : file.body);
}
