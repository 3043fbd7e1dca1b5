import { eq } from "drizzle-orm";
import { articles } from "../db/schema";
import { actionNamed, postAction } from "./support/actions";
import { DEMO_PASSWORD } from "./support/db";
import { withDatabase } from "./support/database";
import { expect, signIn, test } from "./support/fixtures";

/*
 * A length limit counts characters (code points) and never cuts one in half (lib/text-length.ts).
 * The new-article form used to cut titles at 200 UTF-16 units: a title whose 200th character lies
 * beyond the BMP (a rare character of a name, an emoji) lost half of it, and SQLite stored U+FFFD.
 */

const RARE = "𠀀"; // U+20000: two UTF-16 units
const isWellFormed = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\uFFFD/.test(s);

async function storedTitle(id: number): Promise<string | null | undefined> {
  return await withDatabase(async (db) => (await db.select({ title: articles.title }).from(articles).where(eq(articles.id, id)))[0]?.title);
}

test("a 200-character title ending in a character beyond the BMP is kept whole; 201 characters are refused as too long", async ({ page }) => {
  await signIn(page, "editor@folio.local", DEMO_PASSWORD);
  await page.goto("/desk/articles");
  const title = "长".repeat(199) + RARE;
  expect(title.length).toBe(201);
  await page.getByLabel("新稿件标题").fill(title);
  await page.getByRole("button", { name: "新建稿件" }).click();
  await expect(page).toHaveURL(/\/desk\/articles\/\d+$/);
  const id = Number(new URL(page.url()).pathname.split("/").pop());
  const stored = await storedTitle(id) ?? "";
  expect(isWellFormed(stored)).toBe(true);
  expect(stored).toBe(title);

  // One character more: refused with the limit named, and nothing is created.
  await page.goto("/desk/articles");
  await page.getByLabel("新稿件标题").fill(title + RARE);
  await page.getByRole("button", { name: "新建稿件" }).click();
  await expect(page.getByText("过长（最多 200 个字符）")).toBeVisible();
  await expect(page).toHaveURL(/\/desk\/articles$/);

  // The article form counts the same way: 200 such characters are 400 UTF-16 units, and fit.
  const save = actionNamed("saveArticleAction");
  const rare = RARE.repeat(200);
  const fields = { kicker: "", title: rare, subtitle: "", rubric: "", byline: "", source: "", reporters: "", correspondents: "", photographers: "", sectionId: "", language: "zh-CN" };
  const body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "正文" }] }] };
  const saved = await postAction(page.request, save, [{ articleId: id, baseVersion: 1, fields, body }]);
  expect(saved.result).toContain('"ok":true');
  expect(await storedTitle(id)).toBe(rare);
});
