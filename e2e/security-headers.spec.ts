import path from "node:path";
import type { Page, Request } from "@playwright/test";
import { asc, eq } from "drizzle-orm";
import { articles, importWork } from "../db/schema";
import { DEMO_PASSWORD } from "./support/db";
import { withDatabase } from "./support/database";
import { expect, signIn, test } from "./support/fixtures";
import { cookieNamed, raw, signInRaw, type RawResponse } from "./support/http";

const EVIL = "https://evil.example";
const FRONT_PAGE = path.join(__dirname, "..", "db", "demo", "rongchang-2024-03-08-p1.md");

async function publishedArticleId(): Promise<number> {
  const row = await withDatabase(async (db) => (await db.select({ id: articles.id }).from(articles).where(eq(articles.state, "published")).orderBy(asc(articles.id)))[0]);
  if (!row) throw new Error("the demo seed has no published article");
  return row.id;
}

function directives(csp: string | null): Map<string, string> {
  return new Map(
    (csp ?? "")
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values.join(" ")]),
  );
}

/**
 * The checks every response must pass, whatever it is. Scripts run only with the response's
 * nonce, or not at all: the reader's pages are served as plain documents (lib/http/page-cache.ts).
 */
function expectSecurityHeaders(res: RawResponse, where: string, scripts: "nonce" | "none") {
  const h = res.headers;
  expect(h.get("x-content-type-options"), where).toBe("nosniff");
  expect(h.get("referrer-policy"), where).toBe("strict-origin-when-cross-origin");
  expect(h.get("x-frame-options"), where).toBe("DENY");
  expect(h.get("permissions-policy"), where).toMatch(/^camera=\(\), microphone=\(\), geolocation=\(\)/);
  expect(h.get("strict-transport-security"), `${where}: no HSTS over plain http`).toBeNull();
  const csp = directives(h.get("content-security-policy"));
  expect(csp.get("default-src"), where).toBe("'self'");
  if (scripts === "none") expect(csp.get("script-src"), where).toBe("'none'");
  else expect(csp.get("script-src"), where).toMatch(/^'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'$/);
  expect(csp.get("style-src"), where).toBe("'self' 'unsafe-inline'");
  expect(csp.get("img-src"), where).toBe("'self' data:");
  expect(csp.get("object-src"), where).toBe("'none'");
  expect(csp.get("base-uri"), where).toBe("'none'");
  expect(csp.get("frame-ancestors"), where).toBe("'none'");
  expect(csp.get("form-action"), where).toBe("'self'");
  expect(csp.has("upgrade-insecure-requests"), where).toBe(false);
}

/** Every executable script in the HTML carries this response's nonce (JSON-LD is data, not run). */
function expectScriptsNonced(res: RawResponse, where: string) {
  const nonce = /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1];
  const scripts = res.body.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length, `${where} has scripts`).toBeGreaterThan(0);
  for (const tag of scripts) {
    if (tag.includes('type="application/ld+json"')) continue;
    expect(tag, where).toContain(`nonce="${nonce}"`);
  }
}

/** A reader's page runs nothing: its only script element is JSON-LD data. */
function expectNoScripts(res: RawResponse, where: string) {
  const scripts = (res.body.match(/<script\b[^>]*>/g) ?? []).filter((tag) => !tag.includes('type="application/ld+json"'));
  expect(scripts, where).toEqual([]);
  expect(res.body, where).not.toContain("nonce=");
}

test("every kind of response carries the security headers, desk pages with a fresh script nonce each", async ({ baseURL }) => {
  const base = baseURL!;
  const editor = await signInRaw(base, "editor@folio.local", DEMO_PASSWORD);
  expect(editor.signedIn).toBe(true);
  const article = `/articles/${await publishedArticleId()}`;
  // A published story's photo file (answered before Next) and a name no file has (Next's 404).
  const photo = /\/media\/[0-9a-f]{32}\.jpg/.exec((await raw(base, "/")).body)?.[0];
  expect(photo, "the demo issue's front page shows a photo").toBeTruthy();
  const cases: [string, string[], number, "nonce" | "none"][] = [
    [photo!, [], 200, "none"],
    [photo!, editor.cookies, 200, "none"],
    [`/media/${"0".repeat(32)}.jpg`, [], 404, "nonce"],
    ["/", [], 200, "none"],
    [article, [], 200, "none"],
    [article, editor.cookies, 200, "none"],
    ["/search?q=%E8%8D%A3%E6%98%8C", [], 200, "none"],
    ["/desk", [], 307, "nonce"],
    ["/desk", editor.cookies, 200, "nonce"],
    ["/login", [], 200, "nonce"],
    ["/api/health", [], 200, "nonce"],
    ["/articles/999999", [], 404, "nonce"],
    ["/feed.xml", [], 200, "nonce"],
  ];
  for (const [url, cookies, status, scripts] of cases) {
    const where = `${url}${cookies.length ? " (signed in)" : ""}`;
    const res = await raw(base, url, { cookies });
    expect(res.status, where).toBe(status);
    expectSecurityHeaders(res, where, scripts);
    if (status === 200 && res.headers.get("content-type")?.startsWith("text/html")) {
      if (scripts === "none") expectNoScripts(res, where);
      else expectScriptsNonced(res, where);
    }
  }
  const [a, b] = [await raw(base, "/login"), await raw(base, "/login")];
  expect(a.headers.get("content-security-policy")).not.toBe(b.headers.get("content-security-policy"));

  // Build output (no proxy) still gets the request-independent headers.
  const chunk = /src="(\/_next\/static\/[^"]+\.js)"/.exec(a.body)?.[1];
  expect(chunk).toBeTruthy();
  const js = await raw(base, chunk!);
  expect(js.status).toBe(200);
  expect(js.headers.get("x-content-type-options")).toBe("nosniff");
  expect(js.headers.get("x-frame-options")).toBe("DENY");
});

test("over https (as a TLS proxy reports it) HSTS and upgrade-insecure-requests are added", async ({ baseURL }) => {
  for (const url of ["/", "/api/health"]) {
    const res = await raw(baseURL!, url, { headers: { "x-forwarded-proto": "https" } });
    expect(res.headers.get("strict-transport-security"), url).toBe("max-age=31536000");
    expect(directives(res.headers.get("content-security-policy")).has("upgrade-insecure-requests"), url).toBe(true);
  }
});

test("session and locale cookies: HttpOnly, SameSite=Lax, and Secure exactly when on https", async ({ baseURL }) => {
  const base = baseURL!;
  const plain = await signInRaw(base, "editor@folio.local", DEMO_PASSWORD);
  const session = cookieNamed(plain.response, "next-auth.session-token");
  expect(session, "session cookie over http").toBeTruthy();
  expect(session!.attributes.has("httponly")).toBe(true);
  expect(session!.attributes.get("samesite")?.toLowerCase()).toBe("lax");
  expect(session!.attributes.has("secure")).toBe(false);

  const tls = await signInRaw(base, "editor@folio.local", DEMO_PASSWORD, { "x-forwarded-proto": "https" });
  const secure = cookieNamed(tls.response, "__Secure-next-auth.session-token");
  expect(secure, "session cookie over https").toBeTruthy();
  expect(secure!.attributes.has("httponly")).toBe(true);
  expect(secure!.attributes.has("secure")).toBe(true);
  expect(secure!.attributes.get("samesite")?.toLowerCase()).toBe("lax");

  // The language switch is a no-JavaScript form posting a server action.
  const home = await raw(base, "/");
  const actionField = /name="(\$ACTION_ID_[0-9a-f]+)"/.exec(home.body)?.[1];
  expect(actionField).toBeTruthy();
  const switchTo = async (headers: Record<string, string>) => {
    const form = new FormData();
    form.set(actionField!, "");
    form.set("locale", "en");
    return raw(base, "/", { method: "POST", body: form, headers: { origin: new URL(base).origin, ...headers } });
  };
  const locale = cookieNamed(await switchTo({}), "folio-locale");
  expect(locale?.value).toBe("en");
  expect(locale!.attributes.has("httponly")).toBe(true);
  expect(locale!.attributes.get("samesite")?.toLowerCase()).toBe("lax");
  expect(locale!.attributes.has("secure")).toBe(false);
  expect(cookieNamed(await switchTo({ "x-forwarded-proto": "https" }), "folio-locale")!.attributes.has("secure")).toBe(true);
});

test("a server action posted from another origin is refused and changes nothing", async ({ baseURL }) => {
  const base = baseURL!;
  const home = await raw(base, "/");
  const actionField = /name="(\$ACTION_ID_[0-9a-f]+)"/.exec(home.body)![1]!;
  const post = (origin: string) => {
    const form = new FormData();
    form.set(actionField, "");
    form.set("locale", "en");
    return raw(base, "/", { method: "POST", body: form, headers: { origin } });
  };
  const evil = await post(EVIL);
  expect(evil.status).toBe(403);
  expect(evil.setCookies.filter((c) => c.startsWith("folio-locale="))).toEqual([]);
  expectSecurityHeaders(evil, "refusal", "nonce");
  // The same request from our own origin does take effect, so the refusal above is the origin check.
  expect(cookieNamed(await post(new URL(base).origin), "folio-locale")?.value).toBe("en");
});

test("a signed-in save replayed from another origin is refused; from our origin the same request saves", async ({ pageAs, baseURL }) => {
  const page = await pageAs("editor");
  await page.goto("/desk/articles");
  await page.getByLabel("新稿件标题").fill("跨站请求测试稿件");
  await page.getByRole("button", { name: "新建稿件" }).click();
  await expect(page).toHaveURL(/\/desk\/articles\/\d+$/);
  const id = Number(page.url().split("/").pop());
  const [saveRequest] = await Promise.all([
    page.waitForRequest((r: Request) => r.method() === "POST" && !!r.headers()["next-action"] && (r.postData() ?? "").includes('"baseVersion"')),
    page.getByLabel("引题", { exact: true }).fill("引题一"),
  ]);
  await expect(page.getByTestId("save-status")).toHaveText(/已保存 v\d+/, { timeout: 15_000 });

  const current = async () => {
    return await withDatabase(async (db) => (await db.select({ title: articles.title, version: articles.version }).from(articles).where(eq(articles.id, id)))[0]!);
  };
  const replay = async (origin: string) => {
    const args = JSON.parse(saveRequest.postData()!) as [{ baseVersion: number; fields: { title: string } }];
    args[0].baseVersion = (await current()).version;
    args[0].fields.title = "被篡改的标题";
    const h = saveRequest.headers();
    return page.request.post(`/desk/articles/${id}`, {
      headers: { "next-action": h["next-action"]!, "content-type": h["content-type"] ?? "text/plain;charset=UTF-8", accept: "text/x-component", origin },
      data: JSON.stringify(args),
    });
  };

  const before = await current();
  const refused = await replay(EVIL);
  expect(refused.status()).toBe(403);
  expect(await current()).toEqual(before);

  const accepted = await replay(new URL(baseURL!).origin);
  expect(accepted.status()).toBe(200);
  expect((await current()).title).toBe("被篡改的标题");
});

test("PUT /api/imports/<id>/work from another origin gets 403 and changes nothing", async ({ pageAs, baseURL }) => {
  const page = await pageAs("editor");
  await page.goto("/desk/imports/new");
  await page.getByLabel("上传文件").setInputFiles(FRONT_PAGE);
  await expect(page.getByText(/已识别：编码/)).toBeVisible();
  await page.getByLabel("出版日期", { exact: true }).fill("2024-05-20");
  await page.getByRole("button", { name: "创建导入" }).click();
  await expect(page).toHaveURL(/\/desk\/imports\/\d+$/);
  const id = Number(page.url().split("/").pop());

  const work = await page.request.get(`/api/imports/${id}/work`);
  expect(work.status()).toBe(200);
  const { version, doc } = (await work.json()) as { version: number; doc: unknown };
  const put = (origin: string) => page.request.put(`/api/imports/${id}/work`, { headers: { origin }, data: { baseVersion: version, doc } });

  const refused = await put(EVIL);
  expect(refused.status()).toBe(403);
  expect(refused.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect((await withDatabase(async (db) => (await db.select({ version: importWork.version }).from(importWork).where(eq(importWork.importId, id)))[0]!)).version).toBe(version);
  // "null" (a sandboxed frame) is foreign too.
  expect((await put("null")).status()).toBe(403);

  const accepted = await put(new URL(baseURL!).origin);
  expect(accepted.status()).toBe(200);
  expect(((await accepted.json()) as { version: number }).version).toBe(version + 1);
});

/** Records every CSP violation the page reports, from before its first script runs. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {

  const console: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) console.push(m.text());
  });
  await page.addInitScript(() => {
    const list: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = list;
    document.addEventListener("securitypolicyviolation", (e) => list.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return async () => [...console, ...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []))];
}

test("under the policy the reader pages and the Tiptap editor run with no violation", async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto(`/articles/${await publishedArticleId()}`);
  await expect(page.locator("article").first()).toBeVisible();
  // Reader pages are plain documents: a link is an ordinary page load (the window does not survive it).
  await page.evaluate(() => ((window as unknown as { __sameWindow: boolean }).__sameWindow = true));
  await page.getByRole("navigation", { name: "网站导航" }).getByRole("link", { name: "首页" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("navigation", { name: "网站导航" })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __sameWindow?: boolean }).__sameWindow)).toBeUndefined();
  expect(await violations()).toEqual([]);

  await signIn(page, "editor@folio.local", DEMO_PASSWORD);
  await page.goto("/desk/articles");
  await page.getByLabel("新稿件标题").fill("内容安全策略下的编辑器");
  await page.getByRole("button", { name: "新建稿件" }).click();
  await expect(page).toHaveURL(/\/desk\/articles\/\d+$/);
  const body = page.getByRole("textbox", { name: "正文" });
  await body.click();
  await page.keyboard.type("编辑器在严格策略下照常工作。");
  await expect(page.getByTestId("save-status")).toHaveText(/已保存 v\d+/, { timeout: 15_000 });
  await expect(body).toContainText("编辑器在严格策略下照常工作。");
  expect(await violations()).toEqual([]);
});
