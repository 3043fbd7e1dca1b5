import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { BrowserContext, Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { DEMO_DATE, arrangeArticle, articleIdByTitle } from "./support/public";

const LEAD_TITLE = "重庆将实施五大行动加速创新要素向企业集聚";
const KICKER_TITLE = "为妇女参与经济社会发展创造条件 营造尊重妇女关爱妇女良好社会氛围";

async function expectNoSeriousViolations(page: Page, url: string) {
  await page.goto(url);
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious, `axe on ${url}`).toEqual([]);
}

test("home, a printed page, a story and search results have no serious or critical axe violations", async ({ page }) => {
  const id = await articleIdByTitle(KICKER_TITLE);
  for (const url of ["/", `/issues/${DEMO_DATE}/3`, `/articles/${id}`, `/search?q=${encodeURIComponent("荣昌")}`, "/issues", "/sections/news"]) {
    await expectNoSeriousViolations(page, url);
  }
});

/** Font files requested by any page of the context. */
function recordFontRequests(context: BrowserContext): string[] {
  const fonts: string[] = [];
  context.on("request", (r) => {
    if (r.resourceType() === "font" || /\.(woff2?|ttf|otf|eot)(\?|$)/i.test(r.url())) fonts.push(r.url());
  });
  return fonts;
}

test("a story reads and navigates with JavaScript disabled", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const id = await articleIdByTitle(KICKER_TITLE);
  const response = await page.goto(`/articles/${id}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(KICKER_TITLE);
  await expect(page.getByRole("article", { name: KICKER_TITLE })).toContainText("本报讯(融媒体中心记者 张雪)");
  await expect(page.locator(".article-body p").first()).toBeVisible();

  // Plain links and GET forms: 下一篇, back to the page, the search box.
  await page.getByRole("navigation", { name: "本版其他稿件" }).locator('a[rel="next"]').click();
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(KICKER_TITLE);
  await page.getByRole("link", { name: "第1版", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/issues/${DEMO_DATE}/1$`));
  await expect(page.getByRole("region", { name: "第1版 要闻" }).getByRole("heading", { level: 3 }).first()).toHaveText(LEAD_TITLE);
  await page.getByRole("banner").getByRole("searchbox", { name: "搜索稿件" }).fill("河长制");
  await page.getByRole("banner").getByRole("button", { name: "搜索" }).click();
  await expect(page.getByRole("heading", { level: 2, name: /“河长制”共找到 \d+ 篇稿件/ })).toBeVisible();
  await expect(page.locator("main mark").first()).toHaveText("河长制");

  // The language switch is a server-action form: it works as a plain POST too.
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("button", { name: "English" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Search");
  await context.close();
});

/**
 * The client components the story route's tree can render (the build's client reference
 * manifest, keyed by source path). All must come from node_modules (Next's router, next-intl's
 * provider): then serving the page without Next's client runtime (lib/http/page-cache.ts) loses
 * nothing of ours.
 */
function clientModulesOfArticleRoute(): string[] {
  const source = fs.readFileSync(path.join(process.cwd(), ".next", "server", "app", "(site)", "articles", "[id]", "page_client-reference-manifest.js"), "utf8");
  const holder: { __RSC_MANIFEST?: Record<string, unknown> } = {};
  new Function("globalThis", "self", source)(holder, holder);
  const manifest = Object.values(holder.__RSC_MANIFEST ?? {})[0] as { clientModules: Record<string, unknown> };
  return Object.keys(manifest.clientModules);
}

test("a story page ships no client component of ours, no JavaScript at all and no web fonts", async ({ browser, request }) => {
  const modules = clientModulesOfArticleRoute();
  expect(modules.length).toBeGreaterThan(0);
  expect(
    modules.filter((key) => !key.startsWith("[project]/node_modules/")),
    "client components of ours in the story route",
  ).toEqual([]);

  const id = await articleIdByTitle(KICKER_TITLE);
  const html = await (await request.get(`/articles/${id}`)).text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts, "only the JSON-LD data block").toEqual(['<script type="application/ld+json">']);
  expect(html).not.toContain("self.__next_f");

  // No web font is declared or downloaded: system CJK fonts only.
  const context = await browser.newContext();
  const fonts = recordFontRequests(context);
  const page = await context.newPage();
  const scriptRequests: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script") scriptRequests.push(r.url());
  });
  for (const url of ["/", `/articles/${id}`, `/search?q=${encodeURIComponent("荣昌")}`, "/issues"]) {
    await page.goto(url, { waitUntil: "networkidle" });
    expect(await page.evaluate(() => document.fonts.size), `@font-face rules on ${url}`).toBe(0);
  }
  expect(fonts).toEqual([]);
  expect(scriptRequests, "scripts downloaded by the reader's pages").toEqual([]);
  await context.close();
});

test("at 360 px wide nothing scrolls sideways", async ({ browser }) => {
  const longUrl = "https://www.rongchang.gov.cn/zwgk_rongchang/zfxxgkml/zcwj/xzgfxwj/202403/t20240308_12345678_wap.html";
  const id = await arrangeArticle({
    state: "published",
    title: "荣昌区关于进一步优化营商环境的若干措施（全文）",
    kicker: "政策解读",
    paragraphs: [`全文见区政府网站：${longUrl}`, "各镇街、各部门要抓好落实。"],
    sectionSlug: "news",
  });
  const english = await arrangeArticle({
    state: "published",
    language: "en",
    title: "Rongchang's Internationalisation-and-Standardisation Programme Expands",
    paragraphs: [`Details: ${longUrl}`],
  });
  const gone = await arrangeArticle({ state: "unpublished", title: "已撤下的稿件", paragraphs: ["撤下。"] });
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  for (const url of [
    "/",
    `/issues/${DEMO_DATE}/3`,
    `/articles/${await articleIdByTitle(LEAD_TITLE)}`,
    `/articles/${await articleIdByTitle(KICKER_TITLE)}`,
    `/articles/${id}`,
    `/articles/${english}`,
    `/search?q=${encodeURIComponent("荣昌")}`,
    `/search?q=${encodeURIComponent("rongchang")}`,
    "/issues",
    "/sections/news",
    "/articles/999999",
    `/articles/${gone}`,
  ]) {
    await page.goto(url);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `scrollWidth of ${url}`).toBeLessThanOrEqual(360);
  }
  await context.close();
});
