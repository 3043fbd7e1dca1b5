import { eq } from "drizzle-orm";
import { imports } from "../db/schema";
import { withDatabase } from "./support/database";
import { expect, test } from "./support/fixtures";
import { importThroughDesk } from "./support/imports";

/*
 * Trap: every workbench whose raw text starts with a newline threw React's hydration error #418
 * (the HTML parser drops a newline right after <pre>). Every spec now fails on any console error
 * (support/fixtures.ts); this one makes sure the case stays covered.
 */

test.use({ signedInAs: "editor" });

test("a raw text that starts with blank lines opens in the workbench without an error, every character in place", async ({ page }) => {
  const raw = "\n\n荣昌报\n\n# 开头有空行的版面\n\n本报讯 第一段正文，原文以两个空行开头。\n";
  const id = await importThroughDesk(page, { text: raw, masthead: { 出版日期: "2024-03-21", 版次: "1" } });
  await page.goto(`/desk/imports/${id}`);
  await expect(page.locator("[data-article-id]").first()).toBeVisible();
  // The raw pane holds the text the spans point into, its leading newline included.
  const stored = await withDatabase(async (db) => ((await db.select({ proposal: imports.proposal }).from(imports).where(eq(imports.id, id)))[0]!.proposal as { text: string }).text);
  expect(stored.startsWith("\n")).toBe(true);
  expect(await page.getByTestId("raw-text").evaluate((el) => el.textContent)).toBe(stored);
});
