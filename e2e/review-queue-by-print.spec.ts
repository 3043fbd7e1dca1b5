import { arrangeArticle, arrangeIssue } from "./support/db";
import { expect, switchToEnglish, test } from "./support/fixtures";

test.use({ signedInAs: "reviewer" });

test("the review queue shows each story's issue date, page and section, and narrows to an issue, a page or a section", async ({ page }) => {
  const { issueId, pageIds } = await arrangeIssue("2031-11-02", 3);
  await arrangeArticle({ title: "队列：头版新闻", state: "in_review", sectionSlug: "news", issueId, pageId: pageIds[0] });
  await arrangeArticle({ title: "队列：二版经济", state: "in_review", sectionSlug: "economy", issueId, pageId: pageIds[1] });
  await arrangeArticle({ title: "队列：三版文化", state: "in_review", sectionSlug: "culture", issueId, pageId: pageIds[2] });

  await page.goto("/desk/review");
  const queue = page.getByRole("list", { name: "审核队列" });
  const row = (title: string) => queue.getByRole("listitem").filter({ hasText: title });
  await expect(row("队列：二版经济").getByTestId("placement")).toHaveText("2031-11-02 第2版 第2版");
  await expect(row("队列：二版经济")).toContainText("经济");

  const filters = page.getByRole("form", { name: "筛选审核队列" });
  await filters.getByLabel("期").fill("2031-11-02");
  await filters.getByRole("button", { name: "筛选" }).click();
  await expect(queue.getByRole("link", { name: /^队列：/ })).toHaveText(["队列：头版新闻", "队列：二版经济", "队列：三版文化"]);
  await filters.getByLabel("版").fill("2");
  await filters.getByRole("button", { name: "筛选" }).click();
  await expect(queue.getByRole("listitem")).toHaveCount(1);
  await expect(queue.getByRole("link", { name: /^队列：/ })).toHaveText(["队列：二版经济"]);
  await page.goto("/desk/review?issue=2031-11-02");
  await filters.getByLabel("栏目").selectOption({ label: "文化" });
  await filters.getByRole("button", { name: "筛选" }).click();
  await expect(queue.getByRole("link", { name: /^队列：/ })).toHaveText(["队列：三版文化"]);

  await switchToEnglish(page);
  await page.goto("/desk/review?issue=2031-11-02&page=1");
  await expect(page.getByRole("list", { name: "Review queue" }).getByTestId("placement")).toHaveText("2031-11-02, page 1 第1版");
});
