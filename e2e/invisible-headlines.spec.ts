import { eq } from "drizzle-orm";
import { articles } from "../db/schema";
import { actionNamed, postAction } from "./support/actions";
import { arrangeArticle, articleState } from "./support/db";
import { withDatabase } from "./support/database";
import { expect, pageAlert, test } from "./support/fixtures";

/** Zero-width space, zero-width joiner, word joiner, Hangul filler, braille blank, a variation selector and a no-break space. */
const INVISIBLE_TITLE = "\u200B\u200D\u2060\u3164\u2800\uFE0F\u00A0";
const EMPTY_BODY = { type: "doc" as const, content: [{ type: "paragraph" as const }] };

/** An article in the given state whose title only looks blank, or whose body is empty (both by default). */
async function blankLooking(state: "draft" | "in_review" | "approved", { title = true, body = true } = {}): Promise<number> {
  const id = await arrangeArticle({ title: "看得见的标题", state, sectionSlug: "news" });
  await withDatabase(async (db) =>
    await db
      .update(articles)
      .set({ ...(title ? { title: INVISIBLE_TITLE } : {}), ...(body ? { body: EMPTY_BODY, bodyText: "", charCount: 0 } : {}) })
      .where(eq(articles.id, id))
      ,
  );
  return id;
}

test("a title of invisible characters and an empty body cannot be submitted, approved or published", async ({ pageAs }) => {
  const draft = await blankLooking("draft");
  const editor = await pageAs("editor");
  await editor.goto(`/desk/articles/${draft}`);
  await editor.getByRole("button", { name: "提交审核" }).click();
  await expect(pageAlert(editor)).toContainText("标题是空的，或只有空格、零宽字符等看不见的字符");
  expect((await articleState(draft)).state).toBe("draft");

  // A visible title is not enough while the body is empty.
  await editor.getByLabel("主题（标题）").fill("看得见的标题");
  await editor.getByRole("button", { name: "提交审核" }).click();
  await expect(pageAlert(editor)).toContainText("正文是空的");
  expect((await articleState(draft)).state).toBe("draft");

  // Approve and publish refuse it too, for stories that got that far before this rule (or around the desk).
  const reviewer = await pageAs("reviewer");
  const transition = actionNamed("transitionArticleAction");
  for (const [state, action, blank, message] of [
    ["in_review", "approve", { body: false }, "标题是空的"],
    ["in_review", "approve", { title: false }, "正文是空的"],
    ["approved", "publish", { body: false }, "标题是空的"],
    ["approved", "publish", { title: false }, "正文是空的"],
  ] as const) {
    const id = await blankLooking(state, blank);
    const answer = await postAction(reviewer.request, transition, [{ articleId: id, baseVersion: 1, action }]);
    expect(answer.result).toContain('"ok":false');
    expect(answer.result).toContain(message);
    expect((await articleState(id)).state).toBe(state);
  }
});
