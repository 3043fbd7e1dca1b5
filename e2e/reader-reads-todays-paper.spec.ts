import fs from "node:fs";
import path from "node:path";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { DEMO_DATE, articleIdByTitle, comesBefore, publishedTitlesOnPage } from "./support/public";

/** The front page as the import engine reads it: the demo seed publishes these stories on page 1, in this order. */
const FRONT = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "db", "demo", "rongchang-2024-03-08-p1.expected.json"), "utf8")) as {
  articles: { kicker: string | null; title: string; subtitle: string | null; byline: string; bodyStarts: string }[];
};
const FEATURE_TITLE = "荣昌：提升创新能力 绽放科技之花";

function pageRegion(page: Page, name: string): Locator {
  return page.getByRole("region", { name, exact: true });
}

async function expectMasthead(page: Page) {
  const masthead = page.locator("main header").filter({ has: page.getByRole("heading", { level: 1, name: "荣昌报" }) });
  await expect(masthead).toHaveCount(1);
  // The dateline in the order the paper prints it.
  await expect(masthead.locator("p")).toHaveText(/^\s*2024年3月8日\s+星期五\s+农历\S*正月廿八\s+总第273期\s+第27期(\s|$)/);
}

test("the front page is today's paper: masthead, page tabs and page 1's headlines in print order, lead story first", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle("荣昌报");
  await expectMasthead(page);

  const tabs = page.getByRole("navigation", { name: "版面导航" }).getByRole("link");
  await expect(tabs).toHaveText(["第1版 要闻", "第3版 专题"]);
  await expect(tabs.first()).toHaveAttribute("aria-current", "page");
  await expect(tabs.nth(1)).not.toHaveAttribute("aria-current", /.*/);
  await expect(tabs.nth(1)).toHaveAttribute("href", `/issues/${DEMO_DATE}/3`);

  // Print order: the demo page's stories as printed, then anything the newsroom placed after them.
  const printOrder = await publishedTitlesOnPage(1);
  expect(printOrder.slice(0, FRONT.articles.length)).toEqual(FRONT.articles.map((a) => a.title));
  const stories = pageRegion(page, "第1版 要闻").getByRole("article");
  await expect(stories.getByRole("heading", { level: 3 })).toHaveText(printOrder);

  for (const [i, expected] of FRONT.articles.entries()) {
    const story = stories.nth(i);
    const title = story.getByRole("heading", { level: 3 });
    // 引题 above 主题, 副题 below it: in the DOM and on the screen.
    if (expected.kicker) {
      const kicker = story.locator("hgroup > p").first();
      await expect(kicker).toHaveText(expected.kicker);
      expect(await comesBefore(kicker, title), `kicker before title: ${expected.title}`).toBe(true);
      expect((await kicker.boundingBox())!.y).toBeLessThan((await title.boundingBox())!.y);
    }
    if (expected.subtitle) {
      const subtitle = story.locator("hgroup > p").last();
      await expect(subtitle).toHaveText(expected.subtitle);
      expect(await comesBefore(title, subtitle), `title before subtitle: ${expected.title}`).toBe(true);
    }
    await expect(story).toContainText(expected.byline);
  }

  // The lead story opens the page, set larger, with the start of its text.
  const lead = stories.first();
  await expect(lead).toContainText(FRONT.articles[0]!.bodyStarts);
  const size = (l: Locator) => l.getByRole("heading", { level: 3 }).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(await size(lead)).toBeGreaterThan(await size(stories.nth(1)));
  await expect(stories.nth(1)).not.toContainText(FRONT.articles[1]!.bodyStarts);

  // 标题导航 lists the same stories in the same order.
  await expect(page.getByRole("navigation", { name: "标题导航" }).getByRole("link")).toHaveText(printOrder);
});

test("following a headline opens the story: headline stack, byline, where it was printed, and the stories around it", async ({ page }) => {
  await page.goto("/");
  const second = FRONT.articles[1]!;
  await pageRegion(page, "第1版 要闻").getByRole("link", { name: second.title }).click();
  const id = await articleIdByTitle(second.title);
  await expect(page).toHaveURL(new RegExp(`/articles/${id}$`));
  await expect(page).toHaveTitle(`${second.title} · 荣昌报`);

  const article = page.getByRole("article", { name: second.title });
  const h1 = article.getByRole("heading", { level: 1 });
  await expect(h1).toHaveText(second.title);
  const kicker = article.locator("header hgroup > p").first();
  await expect(kicker).toHaveText(second.kicker!);
  expect(await comesBefore(kicker, h1)).toBe(true);
  await expect(article.getByText(second.byline, { exact: true })).toBeVisible();
  await expect(article).toContainText(second.bodyStarts);

  // 原载 2024年3月8日 第1版, each part a link back into the paper.
  const printed = article.locator("header p").filter({ hasText: "原载" });
  await expect(printed).toHaveText(/原载\s*2024年3月8日\s*第1版/);
  await expect(printed.getByRole("link", { name: "2024年3月8日" })).toHaveAttribute("href", `/issues/${DEMO_DATE}`);
  await expect(printed.getByRole("link", { name: "第1版", exact: true })).toHaveAttribute("href", `/issues/${DEMO_DATE}/1`);
  await expect(printed.getByRole("link", { name: "要闻" })).toHaveAttribute("href", "/sections/news");

  // 上一篇 / 下一篇 follow the print order of the page.
  const around = page.getByRole("navigation", { name: "本版其他稿件" });
  await expect(around.locator('a[rel="prev"]')).toContainText(["上一篇", FRONT.articles[0]!.title].join(""));
  await expect(around.locator('a[rel="next"]')).toContainText(["下一篇", FRONT.articles[2]!.title].join(""));
  await around.locator('a[rel="next"]').click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(FRONT.articles[2]!.title);
  await page.getByRole("navigation", { name: "本版其他稿件" }).locator('a[rel="prev"]').click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(second.title);

  // A 副题 sits below its 主题.
  const withSubtitle = FRONT.articles.find((a) => a.subtitle)!;
  await page.goto(`/articles/${await articleIdByTitle(withSubtitle.title)}`);
  const subtitled = page.getByRole("article", { name: withSubtitle.title });
  const subtitle = subtitled.locator("header hgroup > p").last();
  await expect(subtitle).toHaveText(withSubtitle.subtitle!);
  expect(await comesBefore(subtitled.getByRole("heading", { level: 1 }), subtitle)).toBe(true);

  // The lead story has no 上一篇, the last one no 下一篇.
  await page.goto(`/articles/${await articleIdByTitle(FRONT.articles[0]!.title)}`);
  await expect(page.getByRole("navigation", { name: "本版其他稿件" }).locator('a[rel="prev"]')).toHaveCount(0);
  await page.goto(`/articles/${await articleIdByTitle((await publishedTitlesOnPage(1)).at(-1)!)}`);
  await expect(page.getByRole("navigation", { name: "本版其他稿件" }).locator('a[rel="next"]')).toHaveCount(0);

  // Back to the printed page from the story.
  await page.getByRole("link", { name: "第1版", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/issues/${DEMO_DATE}/1$`));
  await expect(pageRegion(page, "第1版 要闻").getByRole("heading", { level: 3 }).first()).toHaveText(FRONT.articles[0]!.title);
});

test("the feature page, 上一版 and 下一版, and the issue's own address", async ({ page }) => {
  const response = await page.goto(`/issues/${DEMO_DATE}/3`);
  expect(response?.status()).toBe(200);
  await expectMasthead(page);
  const tabs = page.getByRole("navigation", { name: "版面导航" });
  await expect(tabs.getByRole("link", { name: "第3版 专题" })).toHaveAttribute("aria-current", "page");
  await expect(tabs.getByRole("link", { name: "第1版 要闻" })).not.toHaveAttribute("aria-current", /.*/);
  // Page 3 came from a PDF: the printed page, its stories as links over it (reader-printed-page.spec.ts has more).
  await expect(pageRegion(page, "第3版 专题").getByRole("figure")).toBeVisible();
  expect((await publishedTitlesOnPage(3))[0]).toBe(FEATURE_TITLE);

  const turn = page.getByRole("navigation", { name: "翻版" });
  await expect(turn.getByRole("link", { name: /下一版/ })).toHaveCount(0);
  await turn.getByRole("link", { name: /上一版/ }).click();
  await expect(page).toHaveURL(new RegExp(`/issues/${DEMO_DATE}/1$`));
  await expect(page.getByRole("navigation", { name: "版面导航" }).getByRole("link", { name: "第1版 要闻" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("navigation", { name: "翻版" }).getByRole("link", { name: /上一版/ })).toHaveCount(0);
  await page.getByRole("navigation", { name: "翻版" }).getByRole("link", { name: /下一版/ }).click();
  await expect(page).toHaveURL(new RegExp(`/issues/${DEMO_DATE}/3$`));

  // The feature story opens from its page.
  await pageRegion(page, "第3版 专题").getByRole("link", { name: FEATURE_TITLE }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(FEATURE_TITLE);
  await expect(page.getByRole("article", { name: FEATURE_TITLE }).locator("header p").filter({ hasText: "原载" })).toHaveText(/原载\s*2024年3月8日\s*第3版/);

  // The address opens at page 1; a page with nothing published is not found.
  await page.goto(`/issues/${DEMO_DATE}`);
  await expect(pageRegion(page, "第1版 要闻").getByRole("heading", { level: 3 })).toHaveText(await publishedTitlesOnPage(1));
  expect((await page.goto(`/issues/${DEMO_DATE}/2`))?.status()).toBe(404);
  expect((await page.goto("/issues/2024-03-07"))?.status()).toBe(404);
});

test("the archive: a month calendar, and jumping to an issue by date and by 期号", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "网站导航" }).getByRole("link", { name: "往期" }).click();
  await expect(page).toHaveURL(/\/issues$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("往期报纸");

  // The calendar opens at the latest issue's month, with the day linked.
  await expect(page.getByRole("heading", { name: "2024年3月", exact: true })).toBeVisible();
  const calendar = page.getByRole("table", { name: "2024年3月出版日历" });
  const day = calendar.getByRole("link");
  await expect(day).toHaveCount(1);
  await expect(day).toHaveAccessibleName(/2024年3月8日.*第27期/);
  await day.click();
  await expect(page).toHaveURL(new RegExp(`/issues/${DEMO_DATE}$`));
  await expectMasthead(page);

  const byDate = () => page.locator("form").filter({ has: page.getByRole("heading", { name: "按日期查找" }) });
  const byNumber = () => page.locator("form").filter({ has: page.getByRole("heading", { name: "按期号查找" }) });

  await page.goto("/issues");
  await byDate().getByLabel("出版日期").fill(DEMO_DATE);
  await byDate().getByRole("button", { name: "查找" }).click();
  await expect(page).toHaveURL(new RegExp(`/issues/${DEMO_DATE}$`));
  await expectMasthead(page);

  // No paper that day: say so and offer the nearest issue.
  await page.goto("/issues");
  await byDate().getByLabel("出版日期").fill("2024-03-10");
  await byDate().getByRole("button", { name: "查找" }).click();
  await expect(page.getByText("2024年3月10日没有出版的报纸。")).toBeVisible();
  await page.getByRole("link", { name: "前一期：2024年3月8日" }).click();
  await expect(page).toHaveURL(new RegExp(`/issues/${DEMO_DATE}$`));

  // 总第273期, then 2024年 第27期.
  await page.goto("/issues");
  await byNumber().getByLabel("期号", { exact: true }).fill("总第273期");
  await byNumber().getByRole("button", { name: "查找" }).click();
  await expect(page).toHaveURL(new RegExp(`/issues/${DEMO_DATE}$`));
  await expectMasthead(page);

  await page.goto("/issues");
  await byNumber().getByLabel("期号", { exact: true }).fill("27");
  await byNumber().getByLabel("年份（可选）").fill("2024");
  await byNumber().getByRole("button", { name: "查找" }).click();
  await expect(page).toHaveURL(new RegExp(`/issues/${DEMO_DATE}$`));

  await page.goto("/issues");
  await byNumber().getByLabel("期号", { exact: true }).fill("27");
  await byNumber().getByLabel("年份（可选）").fill("2023");
  await byNumber().getByRole("button", { name: "查找" }).click();
  await expect(page.getByText("没有找到期号为 27 的报纸。")).toBeVisible();

  await page.goto("/issues");
  await byNumber().getByLabel("期号", { exact: true }).fill("第二期");
  await byNumber().getByRole("button", { name: "查找" }).click();
  await expect(page.getByText("期号应为正整数，年份为四位数字。")).toBeVisible();
});
