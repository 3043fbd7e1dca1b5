import { issues, pages } from "../db/schema";
import { arrangeArticle } from "./support/db";
import { withDatabase } from "./support/database";
import { expect, test } from "./support/fixtures";
import { DEMO_DATE, removeArranged } from "./support/public";

/*
 * Trap: with pages 1 and 4 of a 4-page issue online, readers saw "今日4版", two page tabs, and a
 * 404 for page 2; "publish issue" refused, but offered its button all the same.
 */

const DATE = "2024-04-02";

// Its published stories would make this issue the reader's paper of the day for every spec after it.
const cleanups: (() => Promise<void>)[] = [];
test.afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A 4-page issue whose pages 1 and 4 have a published story each; pages 2 and 3 have nothing. */
async function arrangeHalfIssue(): Promise<void> {
  const { issueId, pageIds } = await withDatabase(async (db) =>
    db.transaction(async (tx) => {
      const issue = (await tx.insert(issues).values({ paper: "荣昌报", date: DATE, pageCount: 4, issueNo: 31, totalIssueNo: 277 }).returning({ id: issues.id }))[0]!;
      const ids: number[] = [];
      for (const n of [1, 2, 3, 4]) ids.push((await tx.insert(pages).values({ issueId: issue.id, number: n, name: n === 1 ? "要闻" : n === 4 ? "副刊" : null }).returning({ id: pages.id }))[0]!.id);
      return { issueId: issue.id, pageIds: ids };
    }),
  );
  const first = await arrangeArticle({ title: "半期第一版稿件", state: "published", sectionSlug: "news", issueId, pageId: pageIds[0] });
  const fourth = await arrangeArticle({ title: "半期第四版稿件", state: "published", sectionSlug: "supplement", issueId, pageId: pageIds[3] });
  cleanups.push(() => removeArranged({ articleIds: [first, fourth], issueDate: DATE }));
}

test("an issue with only some pages online: the desk marks the others, publishing waits for that, readers see every page for what it is", async ({ pageAs, page }) => {
  await arrangeHalfIssue();
  const reviewer = await pageAs("reviewer");
  const editor = await pageAs("editor");

  // Blockers listed: the button is off, and says why beside it.
  await reviewer.goto(`/desk/issues/${DATE}`);
  const blockers = reviewer.getByRole("list", { name: "阻止发布的问题" });
  await expect(blockers).toContainText("第2版没有稿件。");
  await expect(blockers).toContainText("第3版没有稿件。");
  await expect(reviewer.getByRole("button", { name: "发布整期" })).toBeDisabled();
  await expect(reviewer.getByText("还有 2 项未完成，完成后才能发布整期。")).toBeVisible();

  // Readers: the masthead says how much is online, and every tab is a real page or says what it is.
  await page.goto(`/issues/${DATE}`);
  const dateline = page.locator("main header p").first();
  await expect(dateline).toContainText("今日4版");
  await expect(dateline).toContainText("网上刊登2版");
  const tabs = page.getByRole("navigation", { name: "版面导航" });
  await expect(tabs.getByRole("listitem")).toHaveText(["第1版 要闻", "第2版（暂未上网）", "第3版（暂未上网）", "第4版 副刊"]);
  await expect(tabs.getByRole("link")).toHaveText(["第1版 要闻", "第4版 副刊"]);
  for (const href of await tabs.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")!))) {
    expect((await page.request.get(href)).status(), href).toBe(200);
  }

  // The desk says what pages 2 and 3 are.
  await editor.goto(`/desk/issues/${DATE}`);
  await editor.getByLabel("第2版在网上").selectOption({ label: "整版广告" });
  await editor.getByLabel("第3版在网上").selectOption({ label: "未数字化" });
  await editor.getByRole("button", { name: "保存版面情况" }).click();
  await expect(editor.getByText("版面情况已保存。")).toBeVisible();
  await expect(editor.getByRole("region", { name: "第2版" })).toContainText("本版不上网：整版广告。");

  await reviewer.reload();
  await expect(reviewer.getByText("全部就绪，可以发布整期。")).toBeVisible();
  await expect(reviewer.getByRole("button", { name: "发布整期" })).toBeEnabled();

  await page.reload();
  await expect(tabs.getByRole("listitem")).toHaveText(["第1版 要闻", "第2版（广告）", "第3版（未数字化）", "第4版 副刊"]);
});

test("the demo issue is honest: pages 1 and 3 online, 2 and 4 marked not digitised, ready as a whole", async ({ pageAs, page }) => {
  const reviewer = await pageAs("reviewer");
  await reviewer.goto(`/desk/issues/${DEMO_DATE}`);
  await expect(reviewer.getByText("全部就绪，可以发布整期。")).toBeVisible();

  await page.goto(`/issues/${DEMO_DATE}`);
  await expect(page.getByRole("navigation", { name: "版面导航" }).getByRole("listitem")).toHaveText([
    "第1版 要闻",
    "第2版（未数字化）",
    "第3版 专题",
    "第4版（未数字化）",
  ]);
  await expect(page.locator("main header p").first()).toContainText("网上刊登2版");
});
