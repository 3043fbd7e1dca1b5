import { eq } from "drizzle-orm";
import { articles } from "../db/schema";
import { arrangeArticle } from "./support/db";
import { withDatabase } from "./support/database";
import { expect, test } from "./support/fixtures";
import { publishedTitlesOnPage } from "./support/public";
import { importThroughDesk, workbenchSaved, workbenchVersion } from "./support/imports";

/* Small traps of issue 19: each cost a moment of doubt on every use. */

test("a submitted article reads as read-only to its editor: no formatting toolbar, no inputs that look editable", async ({ pageAs }) => {
  const id = await arrangeArticle({ title: "已提交的稿件", state: "in_review", sectionSlug: "news" });
  const page = await pageAs("editor");
  await page.goto(`/desk/articles/${id}`);
  await expect(page.getByText("当前状态下您不能编辑这篇稿件。")).toBeVisible();
  await expect(page.getByRole("toolbar", { name: "正文格式" })).toHaveCount(0);
  await expect(page.getByRole("textbox", { name: "主题（标题）" })).toHaveCount(0);
  await expect(page.getByRole("textbox", { name: "正文" })).toHaveAttribute("aria-readonly", "true");
  await expect(page.getByRole("button", { name: "保存", exact: true })).toHaveCount(0);
  await expect(page.getByText("已提交的稿件").first()).toBeVisible();
});

test("after a load the save status names the time of the saved version, never a dash", async ({ pageAs }) => {
  const id = await arrangeArticle({ title: "看保存时间的稿件", sectionSlug: "news" });
  const page = await pageAs("editor");
  await page.goto(`/desk/articles/${id}`);
  await expect(page.getByTestId("save-status")).toHaveText(/^已保存 v1（\d{1,2}:\d{2}:\d{2}）$/);
});

test("a title split from its text at the spaces between them keeps none of the spaces", async ({ pageAs }) => {
  const page = await pageAs("editor");
  const titled = async () => (await withDatabase(async (db) => db.select({ title: articles.title }).from(articles).where(eq(articles.title, "分拆标题")))).length;
  const before = await titled();
  await importThroughDesk(page, {
    // No headline of its own: the engine reads one untitled article, the title still in the first line.
    text: "分拆标题   这是同一行里跟在标题后面的正文，足够长，读作一个段落。\n\n第二段正文也在这里，同样是正文内容。\n",
    masthead: { 出版日期: "2024-03-22", 版次: "2" },
  });
  const opened = await workbenchVersion(page);
  const line = page.locator('[data-type="block"]').filter({ hasText: "分拆标题" }).locator(":scope > div");
  // At the very start of the line (Control+Home is not that: the untitled article opens with a
  // doubt note about its second paragraph, and Chromium's caret goes to where that note is anchored).
  // Until the caret is in the editor: a click that came before the editor could take it (CI,
  // the PostgreSQL pass) left the keys below to the page, and the line unsplit.
  // And until the caret stands inside the spaces before Enter: the arrows were lost once with the
  // caret in the editor (CI's PostgreSQL pass), and Enter at the line's start split off an empty line.
  const textBeforeCaret = () =>
    page.evaluate(() => {
      const selection = window.getSelection();
      if (!selection || selection.rangeCount === 0) return null;
      const caret = selection.getRangeAt(0);
      const node = caret.startContainer;
      const block = (node instanceof Element ? node : node.parentElement)?.closest('[data-type="block"] > div');
      if (!block) return null;
      const before = document.createRange();
      before.selectNodeContents(block);
      before.setEnd(caret.startContainer, caret.startOffset);
      return before.toString();
    });
  const editorTextBeforeCaret = () =>
    page.evaluate(() => {
      // Tiptap keeps its editor on the editable element.
      const editable = document.querySelector('[contenteditable="true"]') as (Element & { editor?: { state: { selection: { $from: { parent: { textBetween(a: number, b: number): string }; parentOffset: number } } } } }) | null;
      const $from = editable?.editor?.state.selection.$from;
      return $from ? $from.parent.textBetween(0, $from.parentOffset) : null;
    });
  await expect(async () => {
    await line.click({ position: { x: 1, y: 8 } });
    expect(await page.evaluate(() => document.activeElement?.closest('[contenteditable="true"]') !== null)).toBe(true);
    await page.keyboard.press("Home");
    for (let i = 0; i < "分拆标题  ".length; i++) await page.keyboard.press("ArrowRight"); // inside the spaces
    expect(await textBeforeCaret()).toBe("分拆标题  ");
    // And the editor's own selection there too: it follows the browser's caret a moment later, and
    // an Enter pressed before it had (CI's PostgreSQL pass) split the line after 分拆.
    await expect.poll(editorTextBeforeCaret, { timeout: 2_000 }).toBe("分拆标题  ");
  }).toPass({ timeout: 15_000 });
  await page.keyboard.press("Enter");
  // Into the split-off line by clicking it once it is drawn: an ArrowUp pressed at once, on a
  // loaded machine (CI at load 15), stayed in the text below and made that the 主题.
  const split = page.locator('[data-type="block"] > div').filter({ hasText: /^\s*分拆标题\s*$/ });
  await expect(split).toHaveCount(1);
  const title = page.locator('[data-type="block"][data-role="title"]').filter({ hasText: "分拆标题" }).locator(":scope > div");
  // The key marks the block the editor's cursor is in: only once the click has put it there (CI's
  // PostgreSQL pass marked the text below 主题 too, the caret still in it after Enter). Once more
  // if the keystroke was lost (CI at load 15); marking the same line 主题 twice changes nothing.
  await expect(async () => {
    await split.click();
    await expect(split.locator("..")).toHaveAttribute("data-current", "true", { timeout: 2_000 });
    await page.keyboard.press("Control+Alt+2"); // 主题
    await expect(title).toHaveText("分拆标题", { timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.locator('[data-type="block"][data-role="title"]')).toHaveCount(1);
  const body = page.locator('[data-type="block"]').filter({ hasText: "这是同一行里" }).locator(":scope > div");
  await expect.poll(() => body.textContent().then((t) => t?.slice(0, 3))).toBe("这是同");
  await workbenchSaved(page, { past: opened });
  await page.getByRole("button", { name: "接受划分，生成稿件" }).click();
  await expect(page.getByText(/已接受：新建/)).toBeVisible();
  expect(await titled()).toBe(before + 1);
});

test("the issue desk's ↑ and ↓ stay in their columns, also after a move has answered", async ({ pageAs }) => {
  const page = await pageAs("editor");
  await page.goto("/desk/issues/2024-03-08");
  const rows = page.getByRole("list", { name: "第1版的稿件" }).getByTestId("desk-article");
  const printed = await publishedTitlesOnPage(1);
  await rows.nth(2).getByRole("button", { name: /^上移/ }).click();
  // The move has answered when the third story is second (a button alone is there before and after).
  await expect(rows.nth(1)).toContainText(printed[2]!);
  await expect.poll(() => publishedTitlesOnPage(1)).toEqual([printed[0], printed[2], printed[1], ...printed.slice(3)]);
  await page.waitForLoadState("networkidle");
  const xs = async (name: RegExp) =>
    Promise.all(
      (await rows.all()).slice(1, -1).map(async (r) => Math.round((await r.getByRole("button", { name }).boundingBox())!.x)),
    );
  const up = await xs(/^上移/);
  const down = await xs(/^下移/);
  expect(new Set(up).size, `↑ at ${up.join(", ")}`).toBe(1);
  expect(new Set(down).size, `↓ at ${down.join(", ")}`).toBe(1);
  // Put it back for the other stories of this issue.
  await rows.nth(1).getByRole("button", { name: /^下移/ }).click();
  // Wait for the move to be stored, not only for a button: the reader specs check this page's print order.
  await expect.poll(() => publishedTitlesOnPage(1)).toEqual(printed);
});

test("a published demo import opens as accepted, its doubts confirmed, not 20 unresolved", async ({ pageAs }) => {
  const page = await pageAs("editor");
  await page.goto("/desk/imports/1");
  const state = page.getByTestId("accepted-state");
  await expect(state).toContainText("已接受");
  await expect(state).toContainText("已发布");
  await expect(state).toContainText("接受时所有存疑都已确认");
  await expect(page.getByRole("status").filter({ hasText: "稿件 8 篇" })).toContainText("存疑 0 处");
  await expect(page.locator("[data-doubt]")).toHaveCount(0);
});
