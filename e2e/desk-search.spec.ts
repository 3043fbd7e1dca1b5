import { arrangeArticle, arrangeIssue } from "./support/db";
import { expect, switchToEnglish, test } from "./support/fixtures";

test.use({ signedInAs: "reviewer" });

test("the desk searches every article whatever its state, short Chinese terms too, with filters; the reader's search never sees unpublished text", async ({ page, browser }) => {
  const { issueId, pageIds } = await arrangeIssue("2023-04-07", 2);
  await arrangeArticle({ title: "城南旧事新编", body: "草稿里写到桂花巷的老茶馆重新开张。", state: "draft", sectionSlug: "culture" });
  await arrangeArticle({ title: "桂花巷改造完工", body: "审核中的稿件写到巷口新修了青石板路。", state: "in_review", sectionSlug: "news", issueId, pageId: pageIds[1] });
  await arrangeArticle({ title: "老街焕新颜", body: "已发布的稿件也写到桂花巷，游客渐多。", state: "published", sectionSlug: "news", issueId, pageId: pageIds[0] });

  // The search box in the desk header, from any desk page.
  await page.goto("/desk/review");
  await page.getByRole("searchbox", { name: "检索稿件" }).fill("桂花巷");
  await page.getByRole("searchbox", { name: "检索稿件" }).press("Enter");
  await expect(page).toHaveURL(/\/desk\/articles\?q=/);
  const results = page.getByRole("table");
  await expect(results.getByRole("link")).toHaveText(["老街焕新颜", "桂花巷改造完工", "城南旧事新编"]);
  await expect(page.getByRole("status").filter({ hasText: "共 3 篇。" })).toBeVisible();
  // Each hit is marked, in the headline and in a snippet of the body.
  await expect(results.locator("mark").first()).toHaveText("桂花巷");
  await expect(results.getByTestId("snippet").nth(2)).toContainText("老茶馆重新开张");

  // Two characters, and two terms that must both occur.
  const search = page.getByRole("search", { name: "检索稿件" }).last();
  await search.getByLabel("全文检索").fill("茶馆");
  await search.getByRole("button", { name: "筛选" }).click();
  await expect(results.getByRole("link")).toHaveText(["城南旧事新编"]);
  await search.getByLabel("全文检索").fill("桂花巷 石板");
  await search.getByRole("button", { name: "筛选" }).click();
  await expect(results.getByRole("link")).toHaveText(["桂花巷改造完工"]);

  // Filters: state, issue date and page, section.
  await search.getByLabel("全文检索").fill("桂花巷");
  await search.getByLabel("状态").selectOption({ label: "草稿" });
  await search.getByRole("button", { name: "筛选" }).click();
  await expect(results.getByRole("link")).toHaveText(["城南旧事新编"]);
  await page.goto(`/desk/articles?q=${encodeURIComponent("桂花巷")}&issue=2023-04-07&page=2`);
  await expect(results.getByRole("link")).toHaveText(["桂花巷改造完工"]);
  await page.goto(`/desk/articles?q=${encodeURIComponent("巷")}&issue=2023-04-07`);
  await expect(results.getByRole("link")).toHaveText(["老街焕新颜", "桂花巷改造完工"]);
  await page.goto(`/desk/articles?q=${encodeURIComponent("没有这个词语")}`);
  await expect(page.getByText("没有稿件包含“没有这个词语”。")).toBeVisible();

  // The reader's search holds published text only.
  const readerContext = await browser.newContext();
  const reader = await readerContext.newPage();
  await reader.goto(`/search?q=${encodeURIComponent("桂花巷")}`);
  await expect(reader.getByRole("link", { name: "老街焕新颜" })).toBeVisible();
  await expect(reader.getByRole("link", { name: "桂花巷改造完工" })).toHaveCount(0);
  for (const unpublished of ["老茶馆", "茶馆", "石板路", "城南旧事"]) {
    await reader.goto(`/search?q=${encodeURIComponent(unpublished)}`);
    await expect(reader.locator("main")).not.toContainText("城南旧事新编");
    await expect(reader.locator("main")).not.toContainText("桂花巷改造完工");
  }
  await readerContext.close();

  await switchToEnglish(page);
  await page.goto(`/desk/articles?q=${encodeURIComponent("桂花巷")}`);
  await expect(page.getByLabel("Full text")).toHaveValue("桂花巷");
  await expect(page.getByRole("status").filter({ hasText: "3 articles." })).toBeVisible();
  await expect(page.getByRole("searchbox", { name: "Search articles" })).toBeVisible();
});
