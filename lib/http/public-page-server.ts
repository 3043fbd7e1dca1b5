import { createHash } from "node:crypto";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import zlib from "node:zlib";
import Negotiator from "negotiator";
import { RequestCookies } from "next/dist/server/web/spec-extension/cookies";
import { LOCALE_COOKIE, toLocale } from "../i18n/locales";
import en from "../i18n/messages/en.json";
import zhCN from "../i18n/messages/zh-CN.json";
import { renderGonePage } from "../public/gone";
import { canonicalSitePath, isSitePagePath, siteUrlFromHeaders, WAYS_ON } from "../public/urls";
import {
  isCacheableRequest,
  isPublicRender,
  isRouterRequest,
  isStorableResponse,
  needsClientRuntime,
  pageCacheKey,
  publicDocument,
  type CachedPage,
  type PageCache,
} from "./page-cache";
import type { RenderGate } from "./render-gate";
import { contentSecurityPolicy, isHttpsRequest, securityHeaders } from "./security-headers";

/*
 * The HTTP side of the public page cache, in front of Next's request handler (scripts/serve.ts).
 * A public page request is first sent to its one address (canonicalSitePath: a 301 drops the
 * parameters the page does not read), then answered from memory when the page was rendered under
 * the current public generation; otherwise Next renders it (proxy.ts and all), the answer is held,
 * turned into a plain document, compressed once, kept and sent. Whatever Next renders for anyone
 * without a session (pages, feeds, 404s) waits for a slot of the render gate, or is answered 503
 * with Retry-After when its queue is full. Everything else goes to Next untouched.
 */

export type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

export type PublicPageServerOptions = {
  /** Next's request handler. */
  next: Handler;
  /** Where the public renders go (the render process, lib/http/render-process.ts); `next` by default. */
  render?: Handler;
  /** The current public generation token, read from the database (db/public-generation.ts): a promise on PostgreSQL. */
  currentToken: () => string | Promise<string>;
  /** null: render every public page, keep none. */
  cache: PageCache | null;
  /** How many public renders run at once, and how many wait (lib/http/render-gate.ts); null: no bound. */
  gate?: RenderGate | null;
  /** SITE_URL and NEXTAUTH_URL, as proxy.ts reads them. */
  siteUrl?: string;
  publicUrl?: string;
};

/** The page's own headers that are kept: Next's router and proxy headers, cookies and the CSP are not. */
const PAGE_HEADERS = ["content-type", "cache-control", "content-language", "x-robots-tag", "link"];
const INTERNAL_HEADER = /^x-(?:middleware|nextjs)-/;
const ENCODINGS = ["br", "gzip", "identity"] as const;
type Encoding = (typeof ENCODINGS)[number];

type Held = { status: number; headers: OutgoingHttpHeaders; body: Buffer };

/** A busy reader is asked to come back after this long: a queue's worth of renders is well under it. */
export const BUSY_RETRY_AFTER_SECONDS = 2;

export const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** A response header as one string; an empty list of cookies is still a Set-Cookie header. */
const headerValue = (value: number | string | string[] | undefined) => (value === undefined ? undefined : Array.isArray(value) ? value.join(", ") : String(value));

/** The token, or null when the database is busy beyond its timeout: then Next renders and nothing is kept. */
export async function tokenOrNull(currentToken: () => string | Promise<string>): Promise<string | null> {
  try {
    return await currentToken();
  } catch (e) {
    console.error("public page cache: no generation token:", e);
    return null;
  }
}

/**
 * The interface language the page will be rendered in, read with the very parser behind Next's
 * `cookies()` (lib/i18n/request.ts reads it so): any other reading of a duplicated, padded or
 * malformed cookie could file one language's page under the other's key.
 */
function localeOf(headers: IncomingMessage["headers"]): string {
  const cookies = new RequestCookies(new Headers(headers.cookie === undefined ? {} : { cookie: headers.cookie }));
  return toLocale(cookies.get(LOCALE_COOKIE)?.value);
}

function compressedPage(html: string, token: string, headers: OutgoingHttpHeaders): CachedPage {
  const kept: Record<string, string> = {};
  for (const name of PAGE_HEADERS) {
    const value = headerValue(headers[name]);
    if (value !== undefined) kept[name] = value;
  }
  const identity = Buffer.from(publicDocument(html), "utf8");
  return {
    token,
    headers: kept,
    etag: `W/"${createHash("sha256").update(identity).digest("base64url").slice(0, 27)}"`,
    bodies: {
      identity,
      gzip: zlib.gzipSync(identity, { level: zlib.constants.Z_BEST_COMPRESSION }),
      // Quality 5: 0.2 ms for an article against 8.5 ms at the default 11, for 15% more bytes.
      br: zlib.brotliCompressSync(identity, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: 5,
          [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
        },
      }),
    },
  };
}

/**
 * Holds what Next writes to `res` instead of sending it, and hands it over once Next ends the
 * response. Next streams its pages; a public page is small, so holding it whole costs little.
 */
function holdResponse(res: ServerResponse, onEnd: (held: Held) => void): void {
  const chunks: Buffer[] = [];
  const original = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders };
  const toBuffer = (chunk: unknown, encoding: unknown) =>
    Buffer.isBuffer(chunk) ? chunk : typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk as Uint8Array);
  const callbackOf = (args: unknown[]) => args.find((a): a is () => void => typeof a === "function");

  res.writeHead = function writeHead(this: ServerResponse, status: number, ...rest: unknown[]) {
    res.statusCode = status;
    const headers = rest.find((r) => typeof r === "object" && r !== null);
    if (Array.isArray(headers)) {
      for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(String(headers[i]), headers[i + 1] as string);
    } else if (headers) {
      for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value as string);
    }
    return res;
  } as ServerResponse["writeHead"];
  res.flushHeaders = () => {};
  res.write = function write(chunk: unknown, ...args: unknown[]) {
    if (chunk !== undefined && chunk !== null) chunks.push(toBuffer(chunk, args[0]));
    const callback = callbackOf(args);
    if (callback) process.nextTick(callback);
    return true;
  } as ServerResponse["write"];
  res.end = function end(chunk?: unknown, ...args: unknown[]) {
    if (typeof chunk === "function") args.unshift(chunk);
    else if (chunk !== undefined && chunk !== null) chunks.push(toBuffer(chunk, args[0]));
    // res sends again before onEnd, which answers through it.
    Object.assign(res, original);
    onEnd({ status: res.statusCode, headers: res.getHeaders(), body: Buffer.concat(chunks) });
    const callback = callbackOf(args);
    if (callback) process.nextTick(callback);
    return res;
  } as ServerResponse["end"];
}

export function publicPageServer({ next, render: renderer = next, currentToken, cache, gate = null, siteUrl, publicUrl }: PublicPageServerOptions): Handler {
  // Renders under way, by generation and key: readers asking for a page while it is being rendered
  // (the burst right after a publish) wait for that one render instead of each starting their own.
  const rendering = new Map<string, Promise<CachedPage | null>>();

  /**
   * `run` (Next rendering the request) once the gate gives a slot, which the response gives back
   * when it closes; at once without a gate. A full queue is answered 503 after `refused`.
   */
  const render = async (req: IncomingMessage, res: ServerResponse, { run = () => renderer(req, res), refused = () => {} } = {}) => {
    if (!gate) return run();
    let closed = false;
    res.once("close", () => (closed = true));
    // The client as scripts/serve.ts left the headers: a trusted proxy's X-Forwarded-For, else the connection's address.
    const client = first(req.headers["x-forwarded-for"]) ?? req.socket.remoteAddress ?? "";
    const release = await gate.enter(client, () => closed);
    if (!release) {
      refused();
      return sendBusy(req, res, publicUrl);
    }
    // The reader left while waiting: nothing to render for.
    if (closed) return release();
    res.once("close", release);
    return run();
  };

  return async (req, res) => {
    const url = req.url ?? "/";
    const header = (name: string) => first(req.headers[name]);
    const pathname = url.split(/[?#]/, 1)[0] as string;
    if (!isPublicRender(req.method, pathname)) return next(req, res);
    const routerRequest = isRouterRequest({ url, header });
    if (isSitePagePath(pathname) && !routerRequest) {
      const canonical = canonicalSitePath(url);
      if (canonical !== url) return sendRedirect(req, res, canonical, publicUrl);
    }
    if (!isCacheableRequest({ method: req.method, url, header })) return render(req, res);
    // Without SITE_URL, links are built from the Host header; a request without one (HTTP/1.0)
    // gets whatever Next falls back to, which is not worth a key of its own.
    if (siteUrl === undefined && header("host") === undefined) return render(req, res);

    const key = pageCacheKey({
      siteUrl: siteUrlFromHeaders(siteUrl, header),
      locale: localeOf(req.headers),
      url,
    });
    // Read before rendering: a write during the render leaves the page stale under the old token.
    const token = await tokenOrNull(currentToken);
    if (token === null) return render(req, res);
    const hit = cache?.get(key, token);
    if (hit) return sendPage(req, res, hit, "hit", publicUrl);

    const flight = `${token}\n${key}`;
    const pending = rendering.get(flight);
    if (pending) {
      // Nothing to share (a 404, a redirect, an aborted or refused render): this reader's request is rendered on its own.
      return pending.then((page) => (page ? sendPage(req, res, page, "hit", publicUrl) : render(req, res)));
    }
    let settle: (page: CachedPage | null) => void = () => {};
    const ours = new Promise<CachedPage | null>((resolve) => (settle = resolve));
    rendering.set(flight, ours);
    const finish = (page: CachedPage | null) => {
      if (rendering.get(flight) === ours) rendering.delete(flight);
      settle(page);
    };
    res.once("close", () => finish(null));
    return render(req, res, { refused: () => finish(null), run: () => renderAndKeep({ req, res, header, token, key, finish }) });
  };

  /** Next renders the page into a held response, which is then kept (when it may be) and sent. */
  function renderAndKeep({
    req,
    res,
    header,
    token,
    key,
    finish,
  }: {
    req: IncomingMessage;
    res: ServerResponse;
    header: (name: string) => string | undefined;
    token: string;
    key: string;
    finish: (page: CachedPage | null) => void;
  }) {
    const acceptEncoding = header("accept-encoding");
    // Next then sends the page uncompressed; it is compressed here, once for every reader.
    delete req.headers["accept-encoding"];
    // A HEAD is rendered as a GET, so that it gets the same headers as the page and fills the cache.
    const head = req.method === "HEAD";
    req.method = "GET";
    holdResponse(res, (held) => {
      req.method = head ? "HEAD" : "GET";
      const html = held.body.toString("utf8");
      const storable = isStorableResponse({ status: held.status, header: (name) => headerValue(held.headers[name]) });
      if (!storable || needsClientRuntime(html)) {
        finish(null);
        // A redirect, 404, 410 or error page (or one that needs its scripts): sent as Next made it, less its internal headers
        // (x-middleware-rewrite would tell where proxy.ts sent the request).
        for (const name of res.getHeaderNames()) if (INTERNAL_HEADER.test(name)) res.removeHeader(name);
        res.removeHeader("transfer-encoding");
        res.setHeader("content-length", held.body.length);
        res.writeHead(held.status);
        res.end(head ? undefined : held.body);
        return;
      }
      const page = compressedPage(html, token, held.headers);
      // Rendered under a token that is already gone: send it to this reader, keep nothing.
      void tokenOrNull(currentToken).then((now) => {
        if (now === token) cache?.set(key, page);
      });
      finish(page);
      for (const name of res.getHeaderNames()) res.removeHeader(name);
      req.headers["accept-encoding"] = acceptEncoding;
      sendPage(req, res, page, "miss", publicUrl);
    });
    return renderer(req, res);
  }
}

function sendPage(
  req: IncomingMessage,
  res: ServerResponse,
  page: CachedPage,
  state: "hit" | "miss",
  publicUrl: string | undefined,
): void {
  const common = {
    ...plainAnswerHeaders(req, publicUrl),
    ...page.headers,
    etag: page.etag,
    vary: "Accept-Encoding, Cookie",
    "x-folio-cache": state,
  };
  const ifNoneMatch = first(req.headers["if-none-match"]);
  if (ifNoneMatch !== undefined && ifNoneMatch.split(",").some((tag) => tag.trim() === page.etag || tag.trim() === "*")) {
    res.writeHead(304, common);
    res.end();
    return;
  }
  // Our order among what the reader accepts at all (q > 0): br is smallest, identity the fallback.
  const accepted = new Negotiator(req).encodings([...ENCODINGS]);
  const encoding: Encoding = ENCODINGS.find((e) => accepted.includes(e)) ?? "identity";
  const body = page.bodies[encoding];
  res.writeHead(200, {
    ...common,
    ...(encoding === "identity" ? {} : { "content-encoding": encoding }),
    "content-length": body.length,
  });
  res.end(req.method === "HEAD" ? undefined : body);
}

/** The reader's own address for what they asked: the parameters the page does not read are gone. */
function sendRedirect(req: IncomingMessage, res: ServerResponse, location: string, publicUrl: string | undefined): void {
  res.writeHead(301, {
    ...plainAnswerHeaders(req, publicUrl),
    location,
    // The same address always redirects the same way, until a page learns to read a new parameter.
    "cache-control": "public, max-age=3600",
    "content-length": 0,
  });
  res.end();
}

const BUSY = { "zh-CN": zhCN.site, en: en.site } as const;
const busyPages = new Map<string, Buffer>();

/** The busy page in the reader's language, made once: under attack it is sent thousands of times a second. */
function busyPage(locale: string): Buffer {
  let page = busyPages.get(locale);
  if (!page) {
    const t = BUSY[locale as keyof typeof BUSY] ?? BUSY["zh-CN"];
    const links = WAYS_ON.map((way) => ({ href: way.href, label: t[way.label] }));
    page = Buffer.from(renderGonePage({ lang: locale, siteName: t.fallbackName, title: t.busyTitle, message: t.busyMessage, links }), "utf8");
    busyPages.set(locale, page);
  }
  return page;
}

/** Too many renders already running and waiting: come back in a moment. A small page, no script, nothing kept. */
function sendBusy(req: IncomingMessage, res: ServerResponse, publicUrl: string | undefined): void {
  if (res.headersSent || res.destroyed) return;
  const html = busyPage(localeOf(req.headers));
  res.writeHead(503, {
    ...plainAnswerHeaders(req, publicUrl),
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "retry-after": String(BUSY_RETRY_AFTER_SECONDS),
    "content-length": html.length,
  });
  res.end(req.method === "HEAD" ? undefined : html);
}

/** Security headers for an answer made here, with the reader pages' script-free policy. */
function plainAnswerHeaders(req: IncomingMessage, publicUrl: string | undefined): Record<string, string> {
  const https = isHttpsRequest({ forwardedProto: first(req.headers["x-forwarded-proto"]), publicUrl });
  return securityHeaders({ csp: contentSecurityPolicy({ nonce: null, https }), https });
}
