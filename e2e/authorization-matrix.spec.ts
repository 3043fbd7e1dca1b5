import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { actionResult, builtActions, urlOfWorker } from "./support/actions";
import { count, eq, inArray, max } from "drizzle-orm";
import { articleApprovals, articleComments, articleLocks, articlePhotos, articleRevisions, articles, auditLog, importWork, imports, issues, media, mediaFiles, notifications, pages, sections, users } from "../db/schema";
import { arrangeArticle, createTestUser } from "./support/db";
import { withDatabase } from "./support/database";
import { expect, signIn, test, type DemoAccount } from "./support/fixtures";

/**
 * Who may reach what: every page, route handler and server action of the build, with the roles
 * allowed. The first test fails when the build has an entry this table does not list.
 */
type Who = "anonymous" | "editor" | "reviewer" | "admin" | "deactivated";
const EVERYONE: Who[] = ["anonymous", "editor", "reviewer", "admin", "deactivated"];
const STAFF: Who[] = ["editor", "reviewer", "admin"];
const EDITORS: Who[] = ["editor", "admin"];
const REVIEWERS: Who[] = ["reviewer", "admin"];
const ADMIN: Who[] = ["admin"];

/** Pages: route pattern → a real URL for it, and who may open it. */
const PAGES: Record<string, { url: string; allowed: Who[] }> = {
  "/": { url: "/", allowed: EVERYONE },
  "/login": { url: "/login", allowed: EVERYONE },
  "/issues": { url: "/issues", allowed: EVERYONE },
  "/issues/[date]": { url: "/issues/2024-03-08", allowed: EVERYONE },
  "/issues/[date]/[page]": { url: "/issues/2024-03-08/1", allowed: EVERYONE },
  "/articles/[id]": { url: "/articles/1", allowed: EVERYONE },
  "/sections/[slug]": { url: "/sections/news", allowed: EVERYONE },
  "/search": { url: "/search?q=%E8%8D%A3%E6%98%8C", allowed: EVERYONE },
  "/desk": { url: "/desk", allowed: STAFF },
  "/desk/account": { url: "/desk/account", allowed: STAFF },
  "/desk/admin/audit": { url: "/desk/admin/audit", allowed: ADMIN },
  "/desk/admin/papers": { url: "/desk/admin/papers", allowed: ADMIN },
  "/desk/admin/sections": { url: "/desk/admin/sections", allowed: ADMIN },
  "/desk/admin/users": { url: "/desk/admin/users", allowed: ADMIN },
  "/desk/articles": { url: "/desk/articles?q=%E8%8D%A3%E6%98%8C", allowed: STAFF },
  "/desk/articles/[id]": { url: "/desk/articles/1", allowed: STAFF },
  "/desk/articles/[id]/history": { url: "/desk/articles/1/history", allowed: STAFF },
  "/desk/imports": { url: "/desk/imports", allowed: EDITORS },
  "/desk/imports/new": { url: "/desk/imports/new", allowed: EDITORS },
  "/desk/imports/[id]": { url: "/desk/imports/1", allowed: EDITORS },
  "/desk/issues": { url: "/desk/issues", allowed: STAFF },
  "/desk/issues/[date]": { url: "/desk/issues/2024-03-08", allowed: STAFF },
  "/desk/notifications": { url: "/desk/notifications", allowed: STAFF },
  "/desk/media": { url: "/desk/media", allowed: EDITORS },
  "/desk/media/[id]": { url: "/desk/media/1", allowed: EDITORS },
  "/desk/review": { url: "/desk/review", allowed: REVIEWERS },
};

/** Route handlers: "METHOD pattern" → a real URL and who may use it. */
const ROUTES: Record<string, { url: string; allowed: Who[]; data?: unknown }> = {
  "GET /api/health": { url: "/api/health", allowed: EVERYONE },
  "GET /api/auth/[...nextauth]": { url: "/api/auth/csrf", allowed: EVERYONE },
  "POST /api/auth/[...nextauth]": { url: "/api/auth/signout", allowed: EVERYONE },
  "GET /api/imports/[id]/work": { url: "/api/imports/1/work", allowed: EDITORS },
  "PUT /api/imports/[id]/work": { url: "/api/imports/1/work", allowed: EDITORS, data: { baseVersion: 1, doc: { type: "doc", content: [] } } },
  "POST /api/articles/[id]/lock": { url: "/api/articles/999999/lock", allowed: STAFF },
  // An empty body: allowed roles get the refusal of an empty file (422), nothing is stored.
  "POST /api/imports/pdf": { url: "/api/imports/pdf", allowed: EDITORS },
  // The demo's feature page is its second import, read from a PDF.
  "GET /api/imports/[id]/print/[file]": { url: "/api/imports/2/print/thumb.webp", allowed: EDITORS },
  "GET /print/[date]/[page]/[file]": { url: "/print/2024-03-08/3/page.pdf", allowed: EVERYONE },
  // A photo upload: the body is the file. This one is not a photo, so an allowed role is told why (415) and nothing is stored.
  "POST /api/media": { url: "/api/media", allowed: EDITORS, data: "这不是图片" },
  "GET /api/media": { url: "/api/media?q=", allowed: EDITORS },
  "GET /api/media/[id]": { url: "/api/media/1", allowed: STAFF },
  "GET /api/media/[id]/preview": { url: "/api/media/1/preview", allowed: STAFF },
  "GET /api/media/[id]/original": { url: "/api/media/1/original", allowed: EDITORS },
  // Anyone may ask; a file is sent only while a published story shows its photo (e2e/photos-*.spec.ts).
  "GET /media/[file]": { url: "/media/00000000000000000000000000000000.jpg", allowed: EVERYONE },
  "GET /feed.xml": { url: "/feed.xml", allowed: EVERYONE },
  "GET /sitemap.xml": { url: "/sitemap.xml", allowed: EVERYONE },
  "GET /robots.txt": { url: "/robots.txt", allowed: EVERYONE },
  "GET /icon.svg": { url: "/icon.svg", allowed: EVERYONE },
};

/**
 * Server actions: "file#export" → who may call it, and harmless arguments (a form with no
 * fields, or an object naming nothing), so an allowed call passes authorization and then stops
 * at validation, and a refused one shows the refusal.
 */
const FORM = "form";
const ACTIONS: Record<string, { allowed: Who[]; args: unknown }> = {
  "app/_actions/locale.ts#setLocaleAction": { allowed: EVERYONE, args: [{ locale: "zh-CN" }] },
  "app/(desk)/desk/account/actions.ts#changeOwnPasswordAction": { allowed: STAFF, args: FORM },
  "app/(desk)/desk/admin/papers/actions.ts#retrainPaperModelAction": { allowed: ADMIN, args: FORM },
  "app/(desk)/desk/admin/sections/actions.ts#createSectionAction": { allowed: ADMIN, args: FORM },
  "app/(desk)/desk/admin/sections/actions.ts#updateSectionAction": { allowed: ADMIN, args: FORM },
  "app/(desk)/desk/admin/sections/actions.ts#setSectionHiddenAction": { allowed: ADMIN, args: FORM },
  "app/(desk)/desk/admin/sections/actions.ts#moveSectionAction": { allowed: ADMIN, args: FORM },
  "app/(desk)/desk/admin/sections/actions.ts#deleteSectionAction": { allowed: ADMIN, args: FORM },
  "app/(desk)/desk/admin/users/actions.ts#createUserAction": { allowed: ADMIN, args: FORM },
  "app/(desk)/desk/admin/users/actions.ts#changeRoleAction": { allowed: ADMIN, args: FORM },
  "app/(desk)/desk/admin/users/actions.ts#setActiveAction": { allowed: ADMIN, args: FORM },
  "app/(desk)/desk/admin/users/actions.ts#resetPasswordAction": { allowed: ADMIN, args: FORM },
  "app/(desk)/desk/articles/actions.ts#createArticleAction": { allowed: EDITORS, args: FORM },
  "app/(desk)/desk/articles/actions.ts#bulkArticlesAction": { allowed: STAFF, args: FORM },
  "app/(desk)/desk/articles/[id]/actions.ts#placeArticleAction": { allowed: EDITORS, args: FORM },
  "app/(desk)/desk/notifications/actions.ts#notificationBellAction": { allowed: STAFF, args: [] },
  "app/(desk)/desk/notifications/actions.ts#openNotificationAction": { allowed: STAFF, args: FORM },
  "app/(desk)/desk/notifications/actions.ts#markAllNotificationsReadAction": { allowed: STAFF, args: FORM },
  "app/(desk)/desk/articles/[id]/actions.ts#saveArticleAction": { allowed: STAFF, args: { articleId: 0, baseVersion: 1, fields: {}, body: null } },
  "app/(desk)/desk/articles/[id]/actions.ts#transitionArticleAction": { allowed: STAFF, args: { articleId: 0, baseVersion: 1, action: "submit" } },
  "app/(desk)/desk/articles/[id]/actions.ts#restoreRevisionAction": { allowed: STAFF, args: { articleId: 0, version: 1, baseVersion: 1 } },
  "app/(desk)/desk/articles/[id]/actions.ts#loadArticleAction": { allowed: STAFF, args: { articleId: 0 } },
  "app/(desk)/desk/articles/[id]/actions.ts#lockArticleAction": { allowed: STAFF, args: { articleId: 0 } },
  "app/(desk)/desk/articles/[id]/actions.ts#addCommentAction": { allowed: STAFF, args: FORM },
  "app/(desk)/desk/articles/[id]/actions.ts#resolveCommentAction": { allowed: STAFF, args: FORM },
  "app/(desk)/desk/imports/new/actions.ts#createImportAction": { allowed: EDITORS, args: FORM },
  "app/(desk)/desk/imports/[id]/actions.ts#acceptImportAction": { allowed: EDITORS, args: { importId: 0, baseVersion: 1 } },
  "app/(desk)/desk/imports/[id]/actions.ts#rerunEngineAction": { allowed: EDITORS, args: { importId: 0, baseVersion: 1 } },
  "app/(desk)/desk/imports/[id]/actions.ts#saveImportMastheadAction": { allowed: EDITORS, args: { importId: 0, baseVersion: 1, masthead: {} } },
  "app/(desk)/desk/imports/actions.ts#archiveImportAction": { allowed: EDITORS, args: FORM },
  "app/(desk)/desk/imports/actions.ts#deleteImportAction": { allowed: EDITORS, args: FORM },
  "app/(desk)/desk/issues/[date]/actions.ts#moveArticleAction": { allowed: EDITORS, args: FORM },
  "app/(desk)/desk/issues/[date]/actions.ts#linkJumpAction": { allowed: EDITORS, args: FORM },
  "app/(desk)/desk/issues/[date]/actions.ts#publishIssueAction": { allowed: REVIEWERS, args: FORM },
  "app/(desk)/desk/issues/[date]/actions.ts#setIssuePagesAction": { allowed: EDITORS, args: FORM },
  "app/(desk)/desk/media/actions.ts#updatePhotoAction": { allowed: EDITORS, args: { id: 0, baseVersion: 1, caption: "", credit: "", alt: "", focalX: 0.5, focalY: 0.5 } },
};

const NEXT_DIR = path.join(__dirname, "..", ".next");

/** Page and route patterns of the build, from Next's own manifest (route groups removed). */
function builtRoutes(): { pages: string[]; handlers: string[] } {
  const manifest = JSON.parse(fs.readFileSync(path.join(NEXT_DIR, "app-path-routes-manifest.json"), "utf8")) as Record<string, string>;
  const pages: string[] = [];
  const handlers: string[] = [];
  for (const [entry, route] of Object.entries(manifest)) {
    // /_not-found and /_global-error are the framework's own fallbacks, not routes of ours.
    if (route.startsWith("/_")) continue;
    if (entry.endsWith("/page")) pages.push(route);
    if (entry.endsWith("/route")) {
      // Which methods a handler answers: its exported functions.
      const file = path.join(__dirname, "..", "app", `${entry.replace(/\/route$/, "")}/route.ts`);
      // A metadata file (app/icon.svg) is served as a GET route with no source of its own.
      if (!fs.existsSync(file)) {
        handlers.push(`GET ${route}`);
        continue;
      }
      const source = fs.readFileSync(file, "utf8");
      const exported = [...source.matchAll(/export (?:async )?(?:function|const) (GET|HEAD|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!);
      for (const list of source.matchAll(/export \{([^}]*)\}/g)) exported.push(...[...list[1]!.matchAll(/as (GET|HEAD|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!));
      for (const method of exported) handlers.push(`${method} ${route}`);
    }
  }
  return { pages, handlers };
}

test("every page, route handler and server action of the build is in the table", () => {
  const { pages, handlers } = builtRoutes();
  const actions = builtActions().map((a) => a.key);
  expect(pages.filter((p) => !(p in PAGES)), "pages missing from PAGES").toEqual([]);
  expect(handlers.filter((h) => !(h in ROUTES)), "route handlers missing from ROUTES").toEqual([]);
  expect(actions.filter((a) => !(a in ACTIONS)), "server actions missing from ACTIONS").toEqual([]);
  // And the table names nothing that no longer exists.
  expect(Object.keys(ACTIONS).filter((a) => !actions.includes(a))).toEqual([]);
  expect(Object.keys(PAGES).filter((p) => !pages.includes(p))).toEqual([]);
});

/** Everything a refused call could have written, apart from the audit log and sign-in records. */
async function fingerprint(): Promise<string> {
  const tables = [users, sections, imports, importWork, issues, pages, articles, articleRevisions, articleComments, articleApprovals, articleLocks, notifications, media, mediaFiles, articlePhotos];
  return withDatabase(async (db) => {
    const rows: string[] = [];
    for (const t of tables) rows.push(JSON.stringify((await db.select({ n: count(), u: max(t.updatedAt) }).from(t))[0]));
    return rows.join("|");
  });
}

async function refusalCount(): Promise<number> {
  return await withDatabase(async (db) => (await db.select({ n: count() }).from(auditLog).where(inArray(auditLog.action, ["authz.forbidden", "authz.unauthenticated"])))[0]!.n);
}

async function sessions(browser: Browser, pageAs: (account: DemoAccount) => Promise<Page>): Promise<Record<Who, APIRequestContext>> {

  const out: Partial<Record<Who, APIRequestContext>> = {};
  out.anonymous = (await browser.newContext()).request;
  for (const who of ["editor", "reviewer", "admin"] as const) out[who] = (await pageAs(who)).context().request;
  // A real session whose user is deactivated afterwards: refused from the very next request.
  const gone = await createTestUser("editor");
  const context = await browser.newContext();
  await signIn(await context.newPage(), gone.email, gone.password);
  await withDatabase(async (db) => await db.update(users).set({ active: false }).where(eq(users.email, gone.email)));
  out.deactivated = context.request;
  return out as Record<Who, APIRequestContext>;
}

function isLoginRedirect(status: number, location: string | undefined): boolean {
  return status >= 300 && status < 400 && (location ?? "").startsWith("/login");
}

test("each page answers each role as the table says; refusals are 403 or a sign-in redirect, audited, never 500", async ({ browser, pageAs }) => {
  const as = await sessions(browser, pageAs);
  for (const [pattern, { url, allowed }] of Object.entries(PAGES)) {
    for (const who of EVERYONE) {
      const before = await refusalCount();
      const res = await as[who].get(url, { maxRedirects: 0 });
      const where = `${who} GET ${url} (${pattern})`;
      expect(res.status(), where).toBeLessThan(500);
      if (allowed.includes(who)) {
        // Signed-in people asking for the sign-in page are sent on to the desk.
        const onward = res.status() >= 300 && res.status() < 400 && !isLoginRedirect(res.status(), res.headers().location);
        expect(res.status() === 200 || onward, `${where} → ${res.status()}`).toBe(true);
      } else {
        const refused = res.status() === 403 || res.status() === 401 || isLoginRedirect(res.status(), res.headers().location);
        expect(refused, `${where} → ${res.status()} ${res.headers().location ?? ""}`).toBe(true);
        expect(await refusalCount(), `${where} audited`).toBeGreaterThan(before);
      }
    }
  }
});

test("each route handler answers each role as the table says", async ({ browser, pageAs }) => {
  const as = await sessions(browser, pageAs);
  for (const [key, { url, allowed, data }] of Object.entries(ROUTES)) {
    const method = key.split(" ")[0]!;
    for (const who of EVERYONE) {
      const before = await fingerprint();
      const audited = await refusalCount();
      const res = await as[who].fetch(url, { method, data, maxRedirects: 0 });
      const where = `${who} ${key}`;
      expect(res.status(), where).toBeLessThan(500);
      if (allowed.includes(who)) {
        expect([401, 403], where).not.toContain(res.status());
      } else {
        expect([401, 403], where).toContain(res.status());
        expect(await fingerprint(), `${where} wrote nothing`).toBe(before);
        expect(await refusalCount(), `${where} audited`).toBeGreaterThan(audited);
      }
    }
  }
});

const REFUSAL = /您没有权限执行此操作。|请先登录。/;

test("each server action, posted directly, answers each role as the table says; refusals write nothing and are audited", async ({ browser, pageAs }) => {
  const as = await sessions(browser, pageAs);
  for (const action of builtActions()) {
    const { allowed, args } = ACTIONS[action.key]!;
    // (prevState, formData) actions get an empty form; the others their object (or argument list).
    const body = args === FORM ? [{ ok: false }, "$K1"] : Array.isArray(args) ? args : [args];
    for (const who of EVERYONE) {
      const before = await fingerprint();
      const audited = await refusalCount();
      const res = await as[who].post(urlOfWorker(action.worker), {
        headers: { "next-action": action.id, accept: "text/x-component" },
        multipart: { "0": JSON.stringify(body) },
        maxRedirects: 0,
      });
      const where = `${who} ${action.key}`;
      const text = await res.text();
      expect(res.status(), `${where}: ${text.slice(0, 200)}`).toBeLessThan(500);
      if (allowed.includes(who)) {
        expect(actionResult(text), where).not.toMatch(REFUSAL);
      } else {
        expect(await fingerprint(), `${where} wrote nothing`).toBe(before);
        expect(await refusalCount(), `${where} audited`).toBeGreaterThan(audited);
      }
    }
  }
});

test("object-level rules hold even for allowed roles: an editor cannot edit an article in review", async ({ browser, pageAs }) => {
  const as = await sessions(browser, pageAs);
  const id = await arrangeArticle({ title: "审核中的稿件不许编辑", state: "in_review", sectionSlug: "news" });
  const save = builtActions().find((a) => a.key.endsWith("#saveArticleAction"))!;
  const before = await fingerprint();
  const res = await as.editor.post(urlOfWorker(save.worker), {
    headers: { "next-action": save.id, accept: "text/x-component" },
    multipart: {
      "0": JSON.stringify([
        {
          articleId: id,
          baseVersion: 1,
          fields: { kicker: "", title: "改掉标题", subtitle: "", rubric: "", byline: "", source: "", reporters: "", correspondents: "", photographers: "", sectionId: "", language: "zh-CN" },
          body: { type: "doc", content: [] },
        },
      ]),
    },
  });
  expect(res.status()).toBeLessThan(500);
  expect(await res.text()).toContain("您的角色不能执行这个操作。");
  expect(await fingerprint()).toBe(before);
});

test("a forged x-middleware-subrequest header does not get past the session check", async ({ request }) => {
  for (const forged of ["proxy:proxy:proxy:proxy:proxy", "middleware:middleware:middleware:middleware:middleware", "src/middleware:src/middleware"]) {
    const before = await refusalCount();
    const res = await request.get("/desk/admin/users", { headers: { "x-middleware-subrequest": forged }, maxRedirects: 0 });
    expect(isLoginRedirect(res.status(), res.headers().location) || res.status() === 401, forged).toBe(true);
    expect(await refusalCount()).toBeGreaterThan(before);
  }
});
