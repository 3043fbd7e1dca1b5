import { eq } from "drizzle-orm";
import { articles, publicGeneration, sections } from "../db/schema";
import { actionNamed, postAction } from "./support/actions";
import { arrangeArticle, articleState } from "./support/db";
import { withDatabase } from "./support/database";
import { selectInBody } from "./support/editor";
import { expect, pageAlert, test, type DemoAccount } from "./support/fixtures";
import { raw } from "./support/http";

/*
 * A published story is changed on a pending revision: readers (and search) keep the published
 * text until the revision is published, a big change goes through the section's review, and a
 * small correction goes out at once with its reason, shown as 更正 when it changes words.
 */

const PARAGRAPHS = [
  "区图书馆自下月起延长开放时间，工作日开放至晚上九点，周末开放至晚上八点。",
  "馆方介绍，延长开放时间是根据读者问卷调查作出的决定，问卷共收回一千二百份，其中七成读者希望晚间也能借阅图书。",
  "为此，图书馆新增了八名工作人员，并调整了自助借还设备的位置，方便读者在晚间自助办理借阅手续。",
  "据了解，区图书馆现有藏书三十五万册，去年接待读者四十二万人次，举办阅读推广活动一百六十场。",
];
const LIVE_TEXT = PARAGRAPHS.join("");

async function publicToken(): Promise<string> {
  return await withDatabase(async (db) => (await db.select({ token: publicGeneration.token }).from(publicGeneration))[0]!.token);
}

/** A published story in a section of its own that needs `approvals` reviewers (三审 when 3). */
async function publishedStory(title: string, approvals: number): Promise<number> {
  const id = await arrangeArticle({ title, state: "published", body: LIVE_TEXT });
  await withDatabase(async (db) => {
    const section = (await db
      .insert(sections)
      .values({ slug: `revision-${id}`, name: `修改测试${id}`, approvalsRequired: approvals })
      .returning({ id: sections.id })
      )[0];
    await db.update(articles).set({ sectionId: section!.id, body: { type: "doc", content: PARAGRAPHS.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) }, bodyText: PARAGRAPHS.join("\n") }).where(eq(articles.id, id));
  });
  return id;
}

async function readerSees(baseURL: string, id: number): Promise<string> {

  const page = await raw(baseURL, `/articles/${id}`);
  expect(page.status).toBe(200);
  return page.body;
}

async function searchFinds(baseURL: string, term: string, id: number): Promise<boolean> {

  return (await raw(baseURL, `/search?q=${encodeURIComponent(term)}`)).body.includes(`/articles/${id}`);
}

test("an editor's change to a published story stays pending through autosave and review; readers see it once it is approved and published", async ({ pageAs, baseURL }) => {
  test.setTimeout(120_000);
  const id = await publishedStory("区图书馆延长开放时间", 2);
  const tokenBefore = await publicToken();

  const editor = await pageAs("editor");
  await editor.goto(`/desk/articles/${id}`);
  await expect(editor.getByText("已发布：在这里的修改先成为待审修改")).toBeVisible();
  const body = editor.getByRole("textbox", { name: "正文" });
  await body.click();
  await editor.keyboard.press("Control+End");
  await editor.keyboard.press("Enter");
  await editor.keyboard.type("此外，图书馆将在三楼开设夜间自习室，试点期间免费预约，每晚提供一百个座位，并配备饮水和充电设施。");
  // The autosave, without pressing save.
  await expect(editor.getByText(/^已保存 v\d+/)).toBeVisible({ timeout: 15_000 });
  await expect(editor.getByText("已发布版本在线；待审修改（草稿）")).toBeVisible();

  // Readers and search still have the published text; nothing public changed.
  expect((await articleState(id)).body_text).toBe(PARAGRAPHS.join("\n"));
  expect(await readerSees(baseURL!, id)).not.toContain("夜间自习室");
  expect(await searchFinds(baseURL!, "夜间自习室", id)).toBe(false);
  expect(await publicToken()).toBe(tokenBefore);

  // Too big for a correction: the editor is told so and offered review only; a replayed correction is refused.
  await editor.getByLabel("修改理由（更正说明）").fill("补充夜间自习室安排。");
  await expect(editor.getByText(/超出小更正的范围/)).toBeVisible({ timeout: 15_000 });
  await expect(editor.getByRole("button", { name: "发布更正" })).toHaveCount(0);
  const version = Number(/已保存 v(\d+)/.exec((await editor.getByText(/^已保存 v\d+/).textContent()) ?? "")?.[1]);
  const replay = await postAction(editor.request, actionNamed("transitionArticleAction"), [{ articleId: id, baseVersion: version, action: "publish_correction" }]);
  expect(replay.result).toContain('"ok":false');
  expect(await readerSees(baseURL!, id)).not.toContain("夜间自习室");

  await editor.getByRole("button", { name: "提交审核" }).click();
  await expect(editor.getByText("已提交审核。")).toBeVisible();
  await expect(editor.getByText("已发布版本在线；待审修改（审核中）")).toBeVisible();
  expect(await readerSees(baseURL!, id)).not.toContain("夜间自习室");

  // Two reviewers (the section's quota), each seeing the change against the published version.
  for (const account of ["reviewer", "reviewer2"] as DemoAccount[]) {
    const reviewer = await pageAs(account);
    await reviewer.goto("/desk/review");
    await reviewer.getByRole("link", { name: "区图书馆延长开放时间" }).click();
    const diff = reviewer.getByTestId("revision-diff");
    await expect(diff.locator("ins", { hasText: "夜间自习室" })).toBeVisible();
    await expect(diff).toContainText("补充夜间自习室安排。");
    await reviewer.getByRole("button", { name: "审核通过" }).click();
    await expect(reviewer.getByText("已审核通过。")).toBeVisible();
    expect(await readerSees(baseURL!, id)).not.toContain("夜间自习室");
    if (account === "reviewer2") {
      await expect(reviewer.getByText("已发布版本在线；待审修改（已通过）")).toBeVisible();
      await reviewer.getByRole("button", { name: "立即发布" }).click();
      await expect(reviewer.getByText("已发布。")).toBeVisible();
    }
  }

  const published = await readerSees(baseURL!, id);
  expect(published).toContain("夜间自习室");
  expect(published).toContain("补充夜间自习室安排。");
  expect(await searchFinds(baseURL!, "夜间自习室", id)).toBe(true);
  expect((await articleState(id)).state).toBe("published");
  expect(await publicToken()).not.toBe(tokenBefore);
});

test("a small correction goes out at once with its reason, shown as 更正; without a reason it is refused", async ({ pageAs, baseURL }) => {
  const id = await publishedStory("区图书馆藏书数量更正", 3);
  const editor = await pageAs("editor");
  await editor.goto(`/desk/articles/${id}`);
  // 三十五万册 → 三十八万册: one character of some two hundred.
  await selectInBody(editor, "三十五万册", 2, 3);
  await editor.keyboard.type("八");
  await expect(editor.getByText(/^已保存 v\d+/)).toBeVisible({ timeout: 15_000 });
  await expect(editor.getByText(/小更正：可直接发布/)).toBeVisible();

  await editor.getByRole("button", { name: "发布更正" }).click();
  await expect(pageAlert(editor)).toContainText("必须写明理由");
  expect(await readerSees(baseURL!, id)).toContain("三十五万册");

  await editor.getByLabel("修改理由（更正说明）").fill("藏书数量原稿有误，应为三十八万册。");
  await editor.getByRole("button", { name: "发布更正" }).click();
  await expect(editor.getByText("已发布更正。")).toBeVisible();

  const page = await readerSees(baseURL!, id);
  expect(page).toContain("三十八万册");
  expect(page).not.toContain("三十五万册");
  expect(page).toContain("藏书数量原稿有误，应为三十八万册。");
  expect(page).toContain("更正");
  expect((await articleState(id)).state).toBe("published");
});
