import { sections } from "../db/schema";
import { LOCALE_COOKIE } from "../lib/i18n/locales";
import { arrangeArticle } from "./support/db";
import { withDatabase } from "./support/database";
import { expect, test } from "./support/fixtures";

/*
 * Trap: a reviewer who proofread an article no longer saw "审核通过", with no word why. Now every
 * action they might look for and may not take says why, in lib/workflow's words (translated).
 */

/** A section that needs two reviewers (二审), made for this test. */
async function twoApprovalSection(): Promise<string> {
  const slug = `two-reviewers-${Date.now()}`;
  await withDatabase(async (db) => await db.insert(sections).values({ slug, name: `二审栏目${Date.now() % 1000}`, approvalsRequired: 2 }));
  return slug;
}

const reasons = (page: import("@playwright/test").Page) => page.getByTestId("workflow-unavailable");

test("a reviewer who edited since submission, and a second approval still to come, are told why the buttons are missing", async ({ pageAs }) => {
  const id = await arrangeArticle({ title: "需要二审的稿件", state: "in_review", sectionSlug: await twoApprovalSection() });

  // The first reviewer proofreads (saves) and so may not approve this round.
  const first = await pageAs("reviewer");
  await first.goto(`/desk/articles/${id}`);
  await first.getByLabel("副题").fill("审校时加的副题");
  await first.getByRole("button", { name: "保存", exact: true }).click();
  await expect(first.getByText("已保存。", { exact: true })).toBeVisible();
  await first.reload();
  await expect(first.getByRole("button", { name: "审核通过" })).toHaveCount(0);
  await expect(reasons(first)).toContainText("审核通过：您在提交审核后修改过这篇稿件，需由其他审核员审核通过。");
  await expect(reasons(first)).toContainText("本栏目需要 2 位审核员审核通过，本轮已有 0 位。");

  // The second approves; one more is needed, and the panel says how many there are.
  const second = await pageAs("reviewer2");
  await second.goto(`/desk/articles/${id}`);
  await second.getByRole("button", { name: "审核通过" }).click();
  await expect(second.getByText("已审核通过。")).toBeVisible();
  await expect(reasons(second)).toContainText("审核通过：您已审核通过本轮。本栏目需要 2 位不同的审核员，已有 1 位，还需其他审核员。");
  await expect(reasons(second)).toContainText("立即发布和定时发布：本栏目需要 2 位审核员审核通过，本轮已有 1 位。");

  // The same reasons in English.
  await second.context().addCookies([{ name: LOCALE_COOKIE, value: "en", url: second.url() }]);
  await second.reload();
  await expect(reasons(second)).toContainText("Approve: You have approved this round. The section needs 2 different reviewers and has 1; another reviewer must approve.");
  await expect(reasons(second)).toContainText("Publish now and Schedule: The section needs 2 approvals; this round has 1.");
});

test("a reviewer's own article: it is their work, another reviewer must approve", async ({ pageAs }) => {
  const id = await arrangeArticle({ title: "审核员自己写的稿件", state: "in_review", sectionSlug: "news", authorEmail: "reviewer@folio.local" });
  const page = await pageAs("reviewer");
  await page.goto(`/desk/articles/${id}`);
  await expect(page.getByRole("button", { name: "审核通过" })).toHaveCount(0);
  await expect(reasons(page)).toContainText("审核通过：这是您自己的稿件，需由其他审核员审核通过。");
});
