import { describe, expect, it } from "vitest";
import { isCacheableRequest, isStorableResponse, MAX_CACHED_URL_LENGTH, needsClientRuntime, PageCache, pageCacheKey, publicDocument, type CachedPage } from "./page-cache";

/** A page whose bodies weigh `bytes` in all (identity, gzip and br all count). */
function page(token: string, bytes: number, label = "p"): CachedPage {
  const third = Math.floor(bytes / 3);
  return {
    token,
    headers: { "content-type": "text/html; charset=utf-8", "x-label": label },
    etag: `W/"${label}"`,
    bodies: { identity: Buffer.alloc(bytes - 2 * third, 1), gzip: Buffer.alloc(third, 2), br: Buffer.alloc(third, 3) },
  };
}

const headerOf =
  (headers: Record<string, string> = {}) =>
  (name: string): string | undefined =>
    headers[name];

describe("PageCache", () => {
  it("returns a page stored under the current token, and nothing for a key it never saw", () => {
    const cache = new PageCache(1000);
    const p = page("t1", 90);
    cache.set("/a", p);
    expect(cache.get("/a", "t1")).toBe(p);
    expect(cache.get("/a", "t1")).toBe(p);
    expect(cache.get("/b", "t1")).toBeUndefined();
    expect(cache.stats).toEqual({ entries: 1, bytes: 90 });
  });

  it("drops a page once the token has changed, for good", () => {
    const cache = new PageCache(1000);
    cache.set("/a", page("t1", 90));
    cache.set("/b", page("t1", 60));
    expect(cache.get("/a", "t2")).toBeUndefined();
    expect(cache.stats).toEqual({ entries: 1, bytes: 60 });
    // Going back to the old token does not bring it back: the entry is gone.
    expect(cache.get("/a", "t1")).toBeUndefined();
    expect(cache.stats).toEqual({ entries: 1, bytes: 60 });
    // A page rendered under the new token is kept as usual.
    const fresh = page("t2", 30);
    cache.set("/a", fresh);
    expect(cache.get("/a", "t2")).toBe(fresh);
    expect(cache.stats).toEqual({ entries: 2, bytes: 90 });
  });

  it("evicts the least recently used pages until the byte budget holds", () => {
    // 800 bytes: pages up to 100 bytes are kept.
    const cache = new PageCache(800);
    for (const key of ["a", "b", "c", "d", "e", "f", "g", "h"]) cache.set(key, page("t", 100, key));
    // Exactly the budget: nothing evicted yet.
    expect(cache.stats).toEqual({ entries: 8, bytes: 800 });
    // Reading "a" and "b" makes them the most recently used.
    expect(cache.get("a", "t")).toBeDefined();
    expect(cache.get("b", "t")).toBeDefined();
    cache.set("i", page("t", 100, "i"));
    expect(cache.stats).toEqual({ entries: 8, bytes: 800 });
    expect(cache.get("c", "t")).toBeUndefined();
    cache.set("j", page("t", 100, "j"));
    expect(cache.get("d", "t")).toBeUndefined();
    // A 50-byte page still costs the oldest 100-byte one; the next 50 bytes then fit without evicting.
    cache.set("k", page("t", 50, "k"));
    expect(cache.get("e", "t")).toBeUndefined();
    cache.set("l", page("t", 50, "l"));
    expect(cache.stats).toEqual({ entries: 9, bytes: 800 });
    expect(cache.get("f", "t")).toBeDefined();
    for (const key of ["a", "b", "g", "h", "i", "j", "k", "l"]) expect(cache.get(key, "t"), key).toBeDefined();
  });

  it("evicts in order of last use, not of insertion", () => {
    const cache = new PageCache(300 * 8);
    cache.set("old", page("t", 300, "old"));
    for (let i = 0; i < 7; i++) cache.set(`p${i}`, page("t", 300, `p${i}`));
    cache.get("old", "t");
    cache.set("new", page("t", 300, "new"));
    expect(cache.get("old", "t")).toBeDefined();
    expect(cache.get("p0", "t")).toBeUndefined();
    expect(cache.get("p1", "t")).toBeDefined();
  });

  it("ignores a page larger than an eighth of the budget", () => {
    const cache = new PageCache(800);
    cache.set("small", page("t", 40));
    cache.set("big", page("t", 101));
    expect(cache.get("big", "t")).toBeUndefined();
    expect(cache.stats).toEqual({ entries: 1, bytes: 40 });
    cache.set("edge", page("t", 100));
    expect(cache.get("edge", "t")).toBeDefined();
    expect(cache.stats).toEqual({ entries: 2, bytes: 140 });
  });

  it("counts a key stored again only once", () => {
    const cache = new PageCache(800);
    cache.set("a", page("t", 100, "first"));
    cache.set("b", page("t", 30));
    cache.set("a", page("t", 60, "second"));
    expect(cache.stats).toEqual({ entries: 2, bytes: 90 });
    expect(cache.get("a", "t")?.headers["x-label"]).toBe("second");
    cache.set("a", page("t", 90, "third"));
    expect(cache.stats).toEqual({ entries: 2, bytes: 120 });
    // Re-storing makes the key the most recently used: "b" goes first.
    for (const key of ["c", "d", "e", "f", "g", "h", "i"]) cache.set(key, page("t", 100, key));
    expect(cache.get("b", "t")).toBeUndefined();
    expect(cache.get("a", "t")?.headers["x-label"]).toBe("third");
    expect(cache.stats).toEqual({ entries: 8, bytes: 790 });
  });
});

describe("isCacheableRequest", () => {
  const cacheable = (url: string, method: string | undefined = "GET", headers: Record<string, string> = {}) => isCacheableRequest({ method, url, header: headerOf(headers) });
  const noMethod = (url: string) => isCacheableRequest({ method: undefined, url, header: headerOf() });

  it("takes GET and HEAD only", () => {
    expect(cacheable("/", "GET")).toBe(true);
    expect(cacheable("/", "HEAD")).toBe(true);
    for (const method of ["POST", "PUT", "PATCH", "DELETE", "OPTIONS", "get"]) expect(cacheable("/", method), method).toBe(false);
    expect(noMethod("/")).toBe(false);
  });

  it("takes the reader's pages and nothing else", () => {
    for (const url of [
      "/",
      "/?page=2",
      "/articles/1",
      "/articles/123-river-festival",
      "/articles/123/",
      "/issues",
      "/issues?month=2024-03",
      "/issues/2024-03-08",
      "/issues/2024-03-08/2",
      "/sections/yaowen",
      "/sections/%E8%A6%81%E9%97%BB",
      "/search",
      "/search?q=%E8%8D%A3%E6%98%8C&page=2",
    ])
      expect(cacheable(url), url).toBe(true);
    for (const url of [
      "/desk",
      "/desk/articles/1",
      "/api/x",
      "/api/auth/session",
      "/feed.xml",
      "/sitemap.xml",
      "/robots.txt",
      "/favicon.ico",
      "/_next/static/chunks/main.js",
      "/login",
      "/articles",
      "/articles/1/edit",
      "/searching",
      "/issuesx",
    ])
      expect(cacheable(url), url).toBe(false);
  });

  it("refuses the client router's requests", () => {
    for (const name of ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action"]) {
      expect(cacheable("/articles/1", "GET", { [name]: "1" }), name).toBe(false);
      expect(cacheable("/articles/1", "GET", { [name]: "" }), `${name} empty`).toBe(false);
    }
    expect(cacheable("/articles/1?_rsc=abc12")).toBe(false);
    expect(cacheable("/?_rsc")).toBe(false);
    expect(cacheable("/articles/1", "GET", { accept: "text/html", cookie: "folio-locale=en" })).toBe(true);
  });

  it("refuses URLs longer than the limit", () => {
    const at = (length: number) => `/search?q=${"x".repeat(length - "/search?q=".length)}`;
    expect(at(MAX_CACHED_URL_LENGTH)).toHaveLength(MAX_CACHED_URL_LENGTH);
    expect(cacheable(at(MAX_CACHED_URL_LENGTH))).toBe(true);
    expect(cacheable(at(MAX_CACHED_URL_LENGTH + 1))).toBe(false);
  });
});

describe("pageCacheKey", () => {
  it("differs by site URL, locale and URL, and only by them", () => {
    const base = { siteUrl: "http://localhost:3000", locale: "zh-CN", url: "/articles/1" };
    const keys = [
      base,
      { ...base, siteUrl: "https://paper.example" },
      { ...base, locale: "en" },
      { ...base, url: "/articles/2" },
      { ...base, url: "/articles/1?x=1" },
      { siteUrl: "https://paper.example", locale: "en", url: "/" },
    ].map(pageCacheKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(pageCacheKey({ ...base })).toBe(pageCacheKey(base));
  });
});

describe("isStorableResponse", () => {
  const storable = (status: number, headers: Record<string, string>) => isStorableResponse({ status, header: headerOf(headers) });

  it("keeps only a complete HTML page that sets no cookie", () => {
    expect(storable(200, { "content-type": "text/html; charset=utf-8" })).toBe(true);
    expect(storable(200, { "content-type": "text/html" })).toBe(true);
    for (const status of [201, 204, 206, 301, 304, 307, 308, 404, 410, 500]) expect(storable(status, { "content-type": "text/html; charset=utf-8" }), String(status)).toBe(false);
    expect(storable(200, {})).toBe(false);
    expect(storable(200, { "content-type": "application/json" })).toBe(false);
    expect(storable(200, { "content-type": "text/x-component" })).toBe(false);
    expect(storable(200, { "content-type": "text/html; charset=utf-8", "set-cookie": "a=b; Path=/" })).toBe(false);
    expect(storable(200, { "content-type": "text/html; charset=utf-8", "set-cookie": "" })).toBe(false);
  });
});

describe("publicDocument", () => {
  // As Next renders a page with a nonce: its chunks and preloads, the inline copy of the page for
  // client navigation (`<` escaped as \u003c), a polyfill script for old browsers, our JSON-LD.
  const next = String.raw`<!DOCTYPE html><html lang="zh-CN"><head><meta charSet="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/>
<link rel="stylesheet" href="/_next/static/css/app.css" nonce="bm9uY2U=" data-precedence="next"/>
<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/webpack.js" nonce="bm9uY2U="/>
<link rel="modulepreload" href="/_next/static/chunks/module.js"/>
<link rel="preload" href="/_next/static/media/font.woff2" as="font" crossorigin="" type="font/woff2"/>
<script src="/_next/static/chunks/main-app.js" async="" nonce="bm9uY2U="></script>
<script src="/_next/static/chunks/polyfills.js" noModule="" nonce="bm9uY2U="></script>
<title>荣昌报</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"a \u003c/script> b"}</script>
</head><body><main><h1 class="title">标题</h1><p>He typed nonce=&quot;x&quot; into the form.</p></main>
<script nonce="bm9uY2U=">(self.__next_f=self.__next_f||[]).push([0])</script>
<script nonce="bm9uY2U=">self.__next_f.push([1,"\u003cp>text\u003c/script>\u003cscript>alert(1)\u003c/script>\u003c/p>"])</script>
</body></html>`;

  const expected = String.raw`<!DOCTYPE html><html lang="zh-CN"><head><meta charSet="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/>
<link rel="stylesheet" href="/_next/static/css/app.css" data-precedence="next"/>


<link rel="preload" href="/_next/static/media/font.woff2" as="font" crossorigin="" type="font/woff2"/>


<title>荣昌报</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"a \u003c/script> b"}</script>
</head><body><main><h1 class="title">标题</h1><p>He typed nonce=&quot;x&quot; into the form.</p></main>


</body></html>`;

  it("removes Next's scripts, their preloads and every nonce, and nothing else", () => {
    const out = publicDocument(next);
    expect(out).toBe(expected);
    expect(out).not.toContain("nonce=\"");
    expect(out).not.toContain("__next_f");
    expect(out).not.toContain("alert(1)");
    expect(out).not.toContain("/_next/static/chunks/");
    expect(out.match(/<script\b[^>]*>/g)).toEqual(['<script type="application/ld+json">']);
    expect(out).toContain('He typed nonce=&quot;x&quot; into the form.');
  });

  it("is idempotent and leaves a document without scripts as it is", () => {
    expect(publicDocument(expected)).toBe(expected);
    const plain = '<html><body><p class="x">a &lt;script&gt; b</p><link rel="preload" href="/a.css" as="style"></body></html>';
    expect(publicDocument(plain)).toBe(plain);
  });

  it("removes scripts whatever their attributes and case", () => {
    expect(publicDocument('<p>a</p><SCRIPT nonce="n">x()</SCRIPT><script type="module" src="/m.js"></script><script>\n1\n</script><p>b</p>')).toBe("<p>a</p><p>b</p>");
    expect(publicDocument('<script type="application/json" id="data">{}</script>')).toBe("");
    expect(publicDocument('<script nonce="n" type="application/ld+json">{"a":1}</script>')).toBe('<script type="application/ld+json">{"a":1}</script>');
  });
});

describe("needsClientRuntime", () => {
  it("spots content React still has to move into place with a script", () => {
    expect(needsClientRuntime('<main><template id="B:0"></template><p>加载中</p></main><div hidden id="S:0"><p>正文</p></div>')).toBe(true);
    expect(needsClientRuntime('<div hidden id="S:1"><p>正文</p></div>')).toBe(true);
    expect(needsClientRuntime('<div hidden=""><!--$--><!--/$--></div><main><p>正文</p></main>')).toBe(false);
  });
});
