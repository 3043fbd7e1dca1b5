import { request as httpRequest } from "node:http";
import { actionNamed, postAction } from "./support/actions";
import { arrangeArticle, DEMO_PASSWORD } from "./support/db";
import { expect, signIn, test } from "./support/fixtures";
import { raw } from "./support/http";
import { publishedStoryIds } from "./support/public";

/*
 * Junk traffic against the reader site (issue 16, finding 1). The page cache was keyed by the
 * whole URL while pages ignore parameters they do not read, so /articles/2?zz=1, ?zz=2, … each
 * cost a render and a cache entry; and nothing bounded how many renders ran at once, so unique
 * searches took the server from cached readers and editors alike.
 */

const encoded = (q: string) => new URLSearchParams({ q }).toString();

/** Status and headers over a connection of its own (no keep-alive pool to queue behind). */
function get(baseURL: string, path: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(new URL(path, baseURL), { agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

test("parameters a page does not read are redirected away, so they never cost a render or a cache entry", async ({ baseURL }) => {
  const base = baseURL!;
  const article = `/articles/${(await publishedStoryIds())[0]}`;
  expect((await raw(base, article)).status).toBe(200);

  for (let n = 1; n <= 5; n++) {
    const junk = await raw(base, `${article}?zz=${n}`);
    expect(junk.status, `${article}?zz=${n}`).toBe(301);
    expect(junk.headers.get("location")).toBe(article);
    expect(junk.headers.get("x-folio-cache")).toBeNull();
    expect(junk.body).toBe("");
  }
  // A shared link's tracking parameters: the same, on every reader page.
  expect((await raw(base, "/?from=singlemessage&isappinstalled=0")).headers.get("location")).toBe("/");

  // What a page reads stays, in one spelling: padding, a first page, a repeated or unknown parameter all go.
  const search = `/search?${encoded("荣昌")}`;
  for (const variant of [`/search?zz=1&q=荣昌`, `/search?q=${encodeURIComponent(" 荣昌 ")}`, `/search?q=荣昌&page=1`, `/search?page=1&q=%E8%8D%A3%E6%98%8C`]) {
    const res = await raw(base, variant);
    expect(res.status, variant).toBe(301);
    expect(res.headers.get("location"), variant).toBe(search);
  }
  const first = await raw(base, search);
  expect(first.status).toBe(200);
  expect((await raw(base, search)).headers.get("x-folio-cache")).toBe("hit");
  expect((await raw(base, `/search?${encoded("荣昌")}&page=2`)).status).not.toBe(301);
  expect((await raw(base, "/issues?month=2024-03")).status).toBe(200);
});

test("a crowd of unique searches is bounded: the excess is told to retry at once, while cached pages and editors' saves go on", async ({ page, baseURL }) => {
  const base = baseURL!;
  // An editor with an article open, and a page readers have already asked for.
  const articleId = await arrangeArticle({ title: "突发流量下的自动保存", sectionSlug: "news" });
  await signIn(page, "editor@folio.local", DEMO_PASSWORD);
  const save = actionNamed("saveArticleAction");
  const fields = { kicker: "", title: "突发流量下的自动保存", subtitle: "", rubric: "", byline: "", source: "", reporters: "", correspondents: "", photographers: "", sectionId: "", language: "zh-CN" };
  const cached = `/articles/${(await publishedStoryIds())[0]}`;
  await raw(base, cached);

  const CROWD = 120;
  const stamp = Date.now().toString(36);
  const crowd = Array.from({ length: CROWD }, (_, i) => get(base, `/search?${encoded(`荣昌${stamp}${i}`)}`));
  const [reader, autosave] = await Promise.all([
    get(base, cached),
    postAction(page.request, save, [{ articleId, baseVersion: 1, fields, body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "编辑照常保存。" }] }] }, autosave: true }]),
  ]);
  const answers = await Promise.all(crowd);

  expect(reader.status).toBe(200);
  expect(reader.headers["x-folio-cache"]).toBe("hit");
  expect(autosave.result).toContain('"ok":true');

  const statuses = new Map<number, number>();
  for (const a of answers) statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
  expect([...statuses.keys()].sort(), JSON.stringify([...statuses])).toEqual([200, 503]);
  const busy = answers.filter((a) => a.status === 503);
  for (const answer of busy) {
    expect(answer.headers["retry-after"]).toBe("2");
    expect(answer.headers["cache-control"]).toBe("no-store");
    expect(answer.headers["content-security-policy"]).toContain("script-src 'none'");
    expect(answer.body).toContain("服务器繁忙");
    expect(answer.body).not.toContain("<script");
  }
  // Asked again a moment later, as Retry-After says, a turned-away search is answered.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const retried = await get(base, `/search?${encoded(`荣昌${stamp}${answers.indexOf(busy[0]!)}`)}`);
  expect(retried.status).toBe(200);
});
