import { expect, test } from "./support/fixtures";
import { DEMO_DATE, articleIdByTitle } from "./support/public";

/*
 * The printed page (数字报) of the demo issue's feature page, which the demo seed imported from a
 * PDF: the page image with each story a link, no script needed.
 */
const FEATURE_TITLE = "荣昌：提升创新能力 绽放科技之花";

test.use({ javaScriptEnabled: false });

test("a reader browses the printed pages and clicks through to a story, without JavaScript", async ({ page }) => {
  await page.goto(`/issues/${DEMO_DATE}/3`);
  const printed = page.getByRole("region", { name: "第3版 专题", exact: true }).getByRole("figure");
  const image = printed.getByRole("img", { name: /^第3版 专题版面图/ });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);

  // Each published story is one link over its region (more pieces of it are hidden from assistive technology).
  const story = printed.getByRole("link", { name: FEATURE_TITLE });
  await expect(story).toHaveCount(1);
  const region = await story.boundingBox();
  const picture = await image.boundingBox();
  expect(region!.width * region!.height).toBeGreaterThan(0.1 * picture!.width * picture!.height);
  // The headline list beside the page names the same stories.
  await expect(page.getByRole("navigation", { name: "标题导航" }).getByRole("link", { name: FEATURE_TITLE })).toBeVisible();

  // Keyboard: the region is focusable and outlined when focused.
  await story.focus();
  await expect(story).toHaveCSS("outline-style", "solid");

  // Thumbnails of the pages, the current one marked.
  const thumbs = page.getByRole("navigation", { name: "本期版面" }).getByRole("link");
  await expect(thumbs).toHaveCount(2);
  await expect(thumbs.nth(0)).toHaveAccessibleName("第1版 要闻");
  await expect(thumbs.nth(1)).toHaveAccessibleName("第3版 专题");
  await expect(thumbs.nth(1)).toHaveAttribute("aria-current", "page");
  await expect(thumbs.nth(1).locator("img")).toHaveCount(1);

  // 下载本版 PDF: the page as a PDF.
  const href = await page.getByRole("link", { name: "下载本版 PDF" }).getAttribute("href");
  const pdf = await page.request.get(href!);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect(pdf.headers()["content-disposition"]).toContain("attachment");
  expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");

  // The page image is named by its checksum and kept by browsers; an old name is gone.
  const src = (await image.getAttribute("src"))!;
  const res = await page.request.get(src);
  expect(res.headers()["cache-control"]).toContain("immutable");
  expect((await page.request.get(src.replace(/-[0-9a-f]{8}\.webp$/, "-00000000.webp"))).status()).toBe(404);

  // Click through to the story, and back to the printed page at its region (原版).
  await story.click();
  await expect(page).toHaveURL(new RegExp(`/articles/${await articleIdByTitle(FEATURE_TITLE)}`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(FEATURE_TITLE);
  await page.getByRole("link", { name: "原版" }).click();
  await expect(page).toHaveURL(new RegExp(`/issues/${DEMO_DATE}/3#print-${await articleIdByTitle(FEATURE_TITLE)}$`));
  await expect(page.locator(`#print-${await articleIdByTitle(FEATURE_TITLE)} > a`).first()).toHaveCSS("outline-style", "solid");

  // 上一版 leads to page 1, which has no PDF: its text view, as before.
  await page.getByRole("navigation", { name: "翻版" }).getByRole("link", { name: /上一版/ }).click();
  await expect(page).toHaveURL(new RegExp(`/issues/${DEMO_DATE}/1$`));
  await expect(page.getByRole("region", { name: "第1版 要闻", exact: true }).getByRole("figure")).toHaveCount(0);
  await expect(page.getByRole("region", { name: "第1版 要闻", exact: true }).getByRole("heading", { level: 3 }).first()).toBeVisible();
});

test("a phone gets the page image sized to its screen", async ({ browser }) => {
  const phone = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, javaScriptEnabled: false });
  const page = await phone.newPage();
  await page.goto(`/issues/${DEMO_DATE}/3`);
  const image = page.getByRole("img", { name: /^第3版 专题版面图/ });
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.currentSrc)).toMatch(/\/medium-[0-9a-f]{8}\.webp$/);
  await phone.close();
});
