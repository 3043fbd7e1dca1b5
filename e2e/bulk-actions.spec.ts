import { eq, inArray } from "drizzle-orm";
import { articleComments, articles, sections } from "../db/schema";
import { arrangeArticle, arrangeIssue } from "./support/db";
import { withDatabase } from "./support/database";
import { expect, switchToEnglish, test } from "./support/fixtures";

const statesOf = async (ids: number[]) =>
  await withDatabase(async (db) =>
    (await db
      .select({ id: articles.id, state: articles.state, sectionId: articles.sectionId })
      .from(articles)
      .where(inArray(articles.id, ids))
      )
      .sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id)),
  );

test("a reviewer approves and then publishes a whole page; each story goes through the workflow, and what it refuses is listed with the reason", async ({ pageAs }) => {
  const { issueId, pageIds } = await arrangeIssue("2024-01-12", 1);
  const on = async (title: string, position: number, authorEmail = "editor@folio.local") =>
    await arrangeArticle({ title, state: "in_review", sectionSlug: "news", issueId, pageId: pageIds[0], position, authorEmail });
  const ids = [await on("整版审核甲", 0), await on("整版审核乙", 1), await on("整版审核丙", 2), await on("审核员本人的稿件", 3, "reviewer@folio.local")];

  const reviewer = await pageAs("reviewer");
  await reviewer.goto("/desk/issues/2024-01-12");
  await reviewer.getByRole("button", { name: "审核通过第1版（4 篇）" }).click();
  // The form keeps its answer while the page around it refreshes (its label then counts what is left).
  const approveForm = reviewer.locator("#page-1-approve");
  await expect(approveForm.getByRole("status")).toHaveText("完成 3 篇，未执行 1 篇。");
  const report = approveForm.getByRole("list", { name: "逐篇结果" });
  await expect(report.getByRole("listitem")).toHaveText([
    "✓ 《整版审核甲》：已审核通过。",
    "✓ 《整版审核乙》：已审核通过。",
    "✓ 《整版审核丙》：已审核通过。",
    "✗ 《审核员本人的稿件》：不能审核通过自己撰写的稿件。",
  ]);
  expect((await statesOf(ids)).map((a) => a.state)).toEqual(["approved", "approved", "approved", "in_review"]);

  await reviewer.reload();
  await reviewer.getByRole("button", { name: "发布第1版（4 篇）" }).click();
  const publishForm = reviewer.locator("#page-1-publish");
  await expect(publishForm.getByRole("status")).toHaveText("完成 3 篇，未执行 1 篇。");
  await expect(publishForm.getByRole("listitem").last()).toHaveText("✗ 《审核员本人的稿件》：本栏目需要 1 位审核员审核通过，本轮已有 0 位。");
  expect((await statesOf(ids)).map((a) => a.state)).toEqual(["published", "published", "published", "in_review"]);
  // Readers see them at once; the story still in review stays off the site.
  const res = await reviewer.request.get("/issues/2024-01-12/1");
  expect(await res.text()).toContain("整版审核丙");
  expect(await (await reviewer.request.get("/issues/2024-01-12/1")).text()).not.toContain("审核员本人的稿件");
});

test("an editor sets the section of several articles; a reviewer sends several back with one comment, each as on its own page", async ({ pageAs }) => {
  const ids: number[] = [];
  for (const title of ["批量栏目一号稿", "批量栏目二号稿", "批量栏目三号稿"]) ids.push(await arrangeArticle({ title, state: "draft", body: `${title}：批量操作测试专用词。` }));
  const economy = await withDatabase(async (db) => (await db.select({ id: sections.id }).from(sections).where(eq(sections.slug, "economy")))[0]!.id);

  const editor = await pageAs("editor");
  await editor.goto(`/desk/articles?q=${encodeURIComponent("批量操作测试专用词")}`);
  await editor.getByRole("checkbox", { name: "选择《批量栏目一号稿》" }).check();
  await editor.getByRole("checkbox", { name: "选择《批量栏目三号稿》" }).check();
  const bar = editor.getByRole("form", { name: "批量操作" });
  await bar.getByLabel("栏目").selectOption({ label: "经济" });
  await bar.getByRole("button", { name: "所选设为此栏目" }).click();
  await expect(bar.getByRole("status")).toHaveText("完成 2 篇，未执行 0 篇。");
  expect((await statesOf(ids)).map((a) => a.sectionId)).toEqual([economy, null, economy]);

  // Select all, then submit them all for review.
  await editor.reload();
  await editor.getByRole("checkbox", { name: "全选" }).check();
  await bar.getByRole("button", { name: "提交所选" }).click();
  await expect(bar.getByRole("status")).toHaveText("完成 3 篇，未执行 0 篇。");
  expect((await statesOf(ids)).map((a) => a.state)).toEqual(["in_review", "in_review", "in_review"]);

  const reviewer = await pageAs("reviewer2");
  await reviewer.goto("/desk/review");
  for (const title of ["批量栏目一号稿", "批量栏目二号稿"]) await reviewer.getByRole("checkbox", { name: `选择《${title}》` }).check();
  const queueBar = reviewer.getByRole("form", { name: "批量操作" });
  await queueBar.getByRole("button", { name: "退回所选" }).click();
  await expect(queueBar.getByRole("alert")).toHaveText("退回修改时必须写明要改什么。");
  await queueBar.getByLabel("退回意见（所选稿件共用）").fill("请统一核实数据来源。");
  await queueBar.getByRole("button", { name: "退回所选" }).click();
  await expect(queueBar.getByRole("status")).toHaveText("完成 2 篇，未执行 0 篇。");
  expect((await statesOf(ids)).map((a) => a.state)).toEqual(["changes_requested", "changes_requested", "in_review"]);
  const comments = await withDatabase(async (db) => (await db.select({ articleId: articleComments.articleId, body: articleComments.body }).from(articleComments).where(inArray(articleComments.articleId, ids))));
  expect(comments).toEqual([
    { articleId: ids[0], body: "请统一核实数据来源。" },
    { articleId: ids[1], body: "请统一核实数据来源。" },
  ]);

  // In English, the same report.
  await switchToEnglish(reviewer);
  await reviewer.goto("/desk/review");
  await reviewer.getByRole("checkbox", { name: "Select “批量栏目三号稿”" }).check();
  const englishBar = reviewer.getByRole("form", { name: "Bulk actions" });
  await englishBar.getByRole("button", { name: "Approve selected" }).click();
  await expect(englishBar.getByRole("status")).toHaveText("1 done, 0 refused.");
  await expect(englishBar.getByRole("listitem")).toHaveText(["✓ “批量栏目三号稿”: Approved."]);
});
