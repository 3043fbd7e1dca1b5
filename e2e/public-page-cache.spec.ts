import { request as httpRequest } from "node:http";
import { eq } from "drizzle-orm";
import { articles } from "../db/schema";
import { onPostgres, withDatabase } from "./support/database";
import { expect, test } from "./support/fixtures";
import { raw } from "./support/http";
import { DEMO_DATE, arrangeArticle, linkedArticleIds, removeArranged } from "./support/public";

/*
 * The public page cache (scripts/serve.ts, lib/http/public-page-server.ts): a reader's page is
 * rendered once and served from memory until a write that could change a public page, by
 * whichever process makes it. These writes go straight to the database from this test
 * process, as a script or a restore would, not through the app.
 */

const arranged: number[] = [];
test.afterEach(() => removeArranged({ articleIds: arranged.splice(0) }));

const PAGE_1 = `/issues/${DEMO_DATE}/1`;

/**
 * The first answer to `path` after another process's public write that shows it: on SQLite the
 * very next request (the token is read from the file); on PostgreSQL the server learns of the
 * commit from its listener's NOTIFY, milliseconds later (db/public-generation.ts), so a request
 * sent in between may still be served the kept page: ask until the change shows, within 3 s.
 */
async function afterPublicWrite(base: string, path: string, shows: (r: Awaited<ReturnType<typeof raw>>) => boolean) {
  const deadline = Date.now() + (onPostgres ? 3_000 : 0);
  for (;;) {
    const answer = await raw(base, path);
    if (shows(answer) || Date.now() >= deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Status, headers and raw (still compressed) bytes, with the request headers given and no others. */
function rawBytes(baseURL: string, path: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(new URL(path, baseURL), { headers }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => (bytes += chunk.length));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes }));
    });
    req.on("error", reject);
    req.end();
  });
}

test("a page is rendered once, then served from memory until something public changes, written by any process", async ({ baseURL }) => {
  const base = baseURL!;
  await raw(base, PAGE_1);
  const again = await raw(base, PAGE_1);
  expect(again.headers.get("x-folio-cache")).toBe("hit");
  expect(again.headers.get("cache-control")).toBe("private, no-cache");

  // A draft changes nothing public: the page stays in memory.
  const draft = await arrangeArticle({ state: "draft", title: "缓存测试草稿不会公开", paragraphs: ["草稿正文。"], page: 1, position: 40, sectionSlug: "news" });
  arranged.push(draft);
  const afterDraft = await raw(base, PAGE_1);
  expect(afterDraft.headers.get("x-folio-cache")).toBe("hit");
  expect(linkedArticleIds(afterDraft.body)).not.toContain(draft);

  // Published (here by another process): the very next request renders the page again and lists it.
  const published = await arrangeArticle({ state: "published", title: "缓存测试新发布的稿件", paragraphs: ["新发布稿件的正文。"], page: 1, position: 41, sectionSlug: "news" });
  arranged.push(published);
  const afterPublish = await afterPublicWrite(base, PAGE_1, (r) => r.headers.get("x-folio-cache") === "miss");
  expect(afterPublish.headers.get("x-folio-cache")).toBe("miss");
  expect(linkedArticleIds(afterPublish.body)).toContain(published);
  expect((await raw(base, `/articles/${published}`)).body).toContain("新发布稿件的正文。");
  expect((await raw(base, `/articles/${published}`)).headers.get("x-folio-cache")).toBe("hit");

  // An edit to a published story shows at once, on its page and in the page's headlines.
  await withDatabase(async (db) => await db.update(articles).set({ title: "缓存测试改过的标题" }).where(eq(articles.id, published)));
  expect((await afterPublicWrite(base, `/articles/${published}`, (r) => r.body.includes("缓存测试改过的标题"))).body).toContain("缓存测试改过的标题");
  expect((await raw(base, PAGE_1)).body).toContain("缓存测试改过的标题");

  // Withdrawn: 410 on the very next request, and gone from the page it was on.
  await withDatabase(async (db) => await db.update(articles).set({ state: "unpublished", unpublishedAt: new Date() }).where(eq(articles.id, published)));
  expect((await afterPublicWrite(base, `/articles/${published}`, (r) => r.status === 410)).status).toBe(410);
  expect(linkedArticleIds((await raw(base, PAGE_1)).body)).not.toContain(published);
});

test("a reader on a weak network gets the page compressed, and a page they already have answers 304", async ({ baseURL }) => {
  const base = baseURL!;
  await raw(base, "/");
  const plain = await rawBytes(base, "/", {});
  const gzip = await rawBytes(base, "/", { "accept-encoding": "gzip" });
  const br = await rawBytes(base, "/", { "accept-encoding": "gzip, deflate, br" });
  expect(plain.headers["content-encoding"]).toBeUndefined();
  expect(gzip.headers["content-encoding"]).toBe("gzip");
  expect(br.headers["content-encoding"]).toBe("br");
  expect(br.bytes).toBeLessThan(gzip.bytes);
  expect(gzip.bytes).toBeLessThan(plain.bytes / 2);
  expect(br.headers.vary).toBe("Accept-Encoding, Cookie");

  const etag = plain.headers.etag as string;
  expect(etag).toMatch(/^W\/"/);
  const revalidated = await rawBytes(base, "/", { "if-none-match": etag });
  expect(revalidated.status).toBe(304);
  expect(revalidated.bytes).toBe(0);
  expect(revalidated.headers["content-security-policy"]).toContain("script-src 'none'");
});

test("readers of the English interface and of the Chinese one each get their own page", async ({ baseURL }) => {
  const base = baseURL!;
  const chinese = await raw(base, "/search");
  const english = await raw(base, "/search", { cookies: ["folio-locale=en"] });
  expect(chinese.body).toContain("<html lang=\"zh-CN\"");
  expect(english.body).toContain("Search");
  expect(english.body).not.toContain(">搜索稿件<");
  expect((await raw(base, "/search")).body).toBe(chinese.body);
  expect((await raw(base, "/search", { cookies: ["folio-locale=en"] })).body).toBe(english.body);
});

test("an unknown story is a 404 that keeps Next's internal routing to itself, and is never kept", async ({ baseURL }) => {
  for (let i = 0; i < 2; i++) {
    const missing = await raw(baseURL!, "/articles/987654");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("x-middleware-rewrite")).toBeNull();
    expect(missing.headers.get("x-folio-cache")).toBeNull();
  }
});
