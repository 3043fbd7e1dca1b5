import type { Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import { articleLocks, articles, imports, sections, users } from "../db/schema";
import { arrangeArticle } from "./support/db";
import { withDatabase } from "./support/database";
import { expect, test } from "./support/fixtures";
import { DEMO_DIR, importThroughDesk } from "./support/imports";
import { DEMO_DATE } from "./support/public";

/*
 * Trap: English inside the Chinese interface: the engine's doubt reasons ("Joined 6 column
 * break(s)…"), history labels ("Kicker:"), timeline entries as codes (article.save), the
 * browser's own "Choose File" and "mm/dd/yyyy". This walks the desk in zh-CN as the admin (who
 * sees every page) and reads every text a person sees or hears: no English word may be left but
 * what people typed (names, titles), codes marked translate="no", addresses and numbers.
 */

test.use({ signedInAs: "admin" });

/** English that once reached the Chinese desk: it must never come back. */
const KNOWN_FRAGMENTS = ["Joined", "column break", "Kicker:", "Title:", "Byline:", "article.save", "article.lock", "Choose File", "No file chosen", "mm/dd/yyyy"];

/**
 * Words that are names, not English: the product, a language's own name, encodings and file
 * types, the keys on the keyboard (a Chinese keyboard's keys say Ctrl and Enter too), units.
 */
const ALLOWED_WORDS = new Set([
  "Folio",
  "English",
  "utf",
  "bom",
  "le",
  "be",
  "gb",
  "md",
  "txt",
  "pdf",
  "markdown",
  "text",
  "plain",
  "Ctrl",
  "Alt",
  "Shift",
  "Enter",
  "Backspace",
  "Home",
  "End",
  "Tab",
  "Esc",
  "KB",
  "MB",
  "IP",
]);

/** What people typed into Folio (names, titles, file names): content, not interface. */
async function typedByPeople(): Promise<string[]> {
  const typed = await withDatabase(async (db) => [
    ...(await db.select({ a: users.name, b: users.email }).from(users)).flatMap((r) => [r.a, r.b]),
    ...(await db.select({ a: articles.title, b: articles.kicker, c: articles.subtitle, d: articles.byline, e: articles.source }).from(articles)).flatMap((r) => [r.a, r.b, r.c, r.d, r.e]),
    ...(await db.select({ a: sections.name, b: sections.nameEn, c: sections.slug }).from(sections)).flatMap((r) => [r.a, r.b, r.c]),
    ...(await db.select({ a: imports.fileName }).from(imports)).map((r) => r.a),
  ]);
  return typed.filter((s): s is string => typeof s === "string" && /[A-Za-z]{2}/.test(s));
}

/** Every visible text node and every text a person hears or reads on hover (labels, placeholders, titles). */
async function interfaceText(page: Page): Promise<string[]> {

  return page.evaluate(() => {
    const out: string[] = [];
    const skip = (el: Element | null) => !el || el.closest('script, style, noscript, [translate="no"], [data-testid="raw-text"]') !== null;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const el = node.parentElement;
      if (skip(el) || !el!.checkVisibility()) continue;
      const text = (node.textContent ?? "").trim();
      if (text) out.push(text);
    }
    for (const el of Array.from(document.body.querySelectorAll("[placeholder], [title], [aria-label], [alt]"))) {
      if (skip(el)) continue;
      for (const attr of ["placeholder", "title", "aria-label", "alt"]) {
        const value = el.getAttribute(attr)?.trim();
        if (value) out.push(value);
      }
    }
    return out;
  });
}

async function englishOn(page: Page, url: string, typed: string[]): Promise<string[]> {

  await page.goto(url);
  await page.waitForLoadState("networkidle");
  const found: string[] = [];
  for (const raw of await interfaceText(page)) {
    let text = raw;
    for (const s of typed) text = text.split(s).join(" ");
    text = text
      .replace(/https?:\/\/\S+/g, " ")
      .replace(/(?:\/[a-z0-9-]+)+\/?(?:…)?/g, " ")
      .replace(/\S+@\S+\.\S+/g, " ")
      .replace(/\bv\d+\b/g, " ");
    for (const fragment of KNOWN_FRAGMENTS) if (raw.includes(fragment)) found.push(`${url}: "${fragment}" in "${raw}"`);
    for (const word of text.match(/[A-Za-z][A-Za-z_.]+/g) ?? []) {
      if (!word.split(/[._]/).every((w) => w === "" || ALLOWED_WORDS.has(w) || ALLOWED_WORDS.has(w.toLowerCase()))) found.push(`${url}: "${word}" in "${raw}"`);
    }
  }
  // The browser's own controls speak the browser's language: none of them in the desk.
  const native = await page.locator('input[type="date"], input[type="datetime-local"], input[type="time"], input[type="file"]:not(.sr-only)').count();
  if (native > 0) found.push(`${url}: ${native} browser date/file control(s)`);
  return found;
}

test("every desk page in Chinese shows no English but names, codes and addresses", async ({ page }) => {
  // A fresh import, so the workbench shows the engine's doubts as it reads them.
  const importId = await importThroughDesk(page, { file: `${DEMO_DIR}/rongchang-2024-03-08-p1.md`, masthead: { 出版日期: "2024-03-20", 版次: "1" } });
  await expect(page.locator("[data-doubt]").first()).toBeVisible();

  // An article with a history and a timeline: a save (labels in the diff), a lock taken over.
  const articleId = await arrangeArticle({ title: "中文界面检查稿件", sectionSlug: "news" });
  await withDatabase(async (db) => {
    const holder = (await db.select({ id: users.id }).from(users).where(eq(users.email, "editor@folio.local")))[0]!;
    await db.insert(articleLocks).values({ articleId, userId: holder.id, expiresAt: new Date(Date.now() + 60_000) });
  });
  await page.goto(`/desk/articles/${articleId}`);
  await page.getByRole("button", { name: "接手编辑" }).click();
  await page.getByLabel("引题").fill("引题文字");
  await page.getByLabel("署名行").fill("本报讯 记者 王五");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByText("已保存。", { exact: true })).toBeVisible();
  await page.reload();
  const timeline = page.getByRole("region", { name: "时间线" });
  await expect(timeline).toContainText("保存了稿件");
  await expect(timeline).toContainText("接管了编辑");

  const typed = await typedByPeople();
  const found: string[] = [];
  for (const url of [
    "/desk",
    "/desk/imports",
    "/desk/imports/new",
    `/desk/imports/${importId}`,
    // The demo's feature page came from a PDF: its workbench shows the printed page.
    `/desk/imports/${await withDatabase(async (db) => (await db.select({ id: imports.id }).from(imports).where(eq(imports.format, "pdf")).orderBy(imports.id))[0]!.id)}`,
    "/desk/issues",
    `/desk/issues/${DEMO_DATE}`,
    "/desk/articles",
    `/desk/articles/${articleId}`,
    `/desk/articles/${articleId}/history`,
    "/desk/review",
    "/desk/admin/users",
    "/desk/admin/sections",
    "/desk/admin/audit",
    "/desk/account",
  ]) {
    found.push(...(await englishOn(page, url, typed)));
  }
  expect(found).toEqual([]);
});
