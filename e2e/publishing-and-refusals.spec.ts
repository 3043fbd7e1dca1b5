import type { Page, Request } from "@playwright/test";
import { count, eq } from "drizzle-orm";
import { articles, sections } from "../db/schema";
import { arrangeArticle, arrangeIssue, articleState } from "./support/db";
import { withDatabase } from "./support/database";
import { expect, test } from "./support/fixtures";

/** Captures a real server-action request from the page, so the test can replay it with other arguments. */
async function capture(page: Page, trigger: () => Promise<void>, marker: string): Promise<Request> {

  const [request] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"] && (r.postData() ?? "").includes(marker), { timeout: 15_000 }),
    trigger(),
  ]);
  return request;
}

async function replay(page: Page, request: Request, url: string, args: unknown): Promise<{ status: number; text: string }> {
  const headers = request.headers();
  const res = await page.request.post(url, {
    headers: {
      "next-action": headers["next-action"]!,
      "content-type": headers["content-type"] ?? "text/plain;charset=UTF-8",
      "next-router-state-tree": headers["next-router-state-tree"] ?? "",
      accept: "text/x-component",
    },
    data: JSON.stringify([args]),
  });
  return { status: res.status(), text: await res.text() };
}

test("a scheduled article is published at its time with nobody online", async ({ pageAs }) => {
  const id = await arrangeArticle({ title: "定时发布测试稿件", state: "approved", sectionSlug: "news" });
  const page = await pageAs("reviewer");
  await page.goto(`/desk/articles/${id}`);
  await page.getByLabel("日期", { exact: true }).fill("2099-01-01");
  await page.getByLabel("时间", { exact: true }).fill("08:00");
  await page.getByRole("button", { name: "定时发布", exact: true }).click();
  await expect(page.getByText("已设定定时发布。")).toBeVisible();
  expect((await articleState(id)).state).toBe("scheduled");
  const anonymous = await page.context().browser()!.newContext();
  expect((await (await anonymous.newPage()).goto(`/articles/${id}`))?.status()).toBe(404);

  // Its time comes (moved into the past): the server's own clock publishes it, no request needed.
  await withDatabase(async (db) => await db.update(articles).set({ scheduledAt: new Date(Date.now() - 1000) }).where(eq(articles.id, id)));
  await expect.poll(async () => (await articleState(id)).state, { timeout: 40_000, intervals: [1000] }).toBe("published");
  const reader = await anonymous.newPage();
  expect((await reader.goto(`/articles/${id}`))?.status()).toBe(200);
  await expect(reader.getByRole("heading", { level: 1, name: "定时发布测试稿件" })).toBeVisible();
});

test("publish issue is blocked by an unapproved article and lists why, then publishes every article at once", async ({ pageAs }) => {
  const { issueId, pageIds } = await arrangeIssue("2024-02-01", 1);
  const ready: number[] = [];
  for (const i of [0, 1]) ready.push(await arrangeArticle({ title: `整期发布稿件${i + 1}`, state: "approved", sectionSlug: "news", issueId, pageId: pageIds[0], position: i }));
  const late = await arrangeArticle({ title: "还在草稿的稿件", state: "draft", sectionSlug: "news", issueId, pageId: pageIds[0], position: 2 });

  const page = await pageAs("reviewer");
  await page.goto("/desk/issues/2024-02-01");
  await expect(page.getByRole("list", { name: "阻止发布的问题" })).toContainText("第1版《还在草稿的稿件》尚未审核通过。");
  // The button stays off while anything blocks, and says why beside it.
  await expect(page.getByRole("button", { name: "发布整期" })).toBeDisabled();
  await expect(page.getByText("还有 1 项未完成，完成后才能发布整期。")).toBeVisible();
  for (const id of [...ready, late]) expect((await articleState(id)).state).not.toBe("published");

  await withDatabase(async (db) => await db.update(articles).set({ state: "approved", submittedAt: new Date() }).where(eq(articles.id, late)));
  await page.reload();
  await expect(page.getByText("全部就绪，可以发布整期。")).toBeVisible();
  await page.getByRole("button", { name: "发布整期" }).click();
  await expect(page.getByText("整期已发布（3 篇）。")).toBeVisible();
  for (const id of [...ready, late]) expect((await articleState(id)).state).toBe("published");
});

test("bad input is refused clearly and writes nothing: huge body, unknown node, forbidden transition, sections", async ({ pageAs }) => {
  const id = await arrangeArticle({ title: "坏输入测试稿件", sectionSlug: "news" });
  const other = await arrangeArticle({ title: "另一篇草稿", sectionSlug: "news" });
  const page = await pageAs("editor");
  await page.goto(`/desk/articles/${id}`);
  const saveRequest = await capture(
    page,
    async () => {
      await page.getByRole("textbox", { name: "正文" }).click();
      await page.keyboard.press("End");
      await page.keyboard.type("补一句。");
    },
    '"fields"',
  );
  await expect(page.getByTestId("save-status")).toHaveText(/已保存 v2/);
  const before = await articleState(id);
  const fields = JSON.parse(saveRequest.postData()!)[0].fields as Record<string, unknown>;

  const huge = "长".repeat(1_800_000); // about 5.4 MB of UTF-8
  const big = await replay(page, saveRequest, `/desk/articles/${id}`, {
    articleId: id,
    baseVersion: before.version,
    fields,
    body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: huge }] }] },
  });
  expect(big.status).toBeLessThan(500);
  expect(big.text).toContain("正文过大，无法保存");

  const script = await replay(page, saveRequest, `/desk/articles/${id}`, {
    articleId: id,
    baseVersion: before.version,
    fields,
    body: { type: "doc", content: [{ type: "script", content: [{ type: "text", text: "alert(1)" }] }] },
  });
  expect(script.text).toContain("正文含有不允许的内容");
  expect(await articleState(id)).toEqual(before);

  // Publishing a draft by posting the transition action directly: refused by the workflow.
  await page.goto(`/desk/articles/${other}`);
  const submitRequest = await capture(page, () => page.getByRole("button", { name: "提交审核", exact: true }).click(), '"submit"');
  await expect(page.getByText("已提交审核。")).toBeVisible();
  const draftBefore = await articleState(id);
  const publish = await replay(page, submitRequest, `/desk/articles/${id}`, { articleId: id, baseVersion: draftBefore.version, action: "publish" });
  expect(publish.text).toMatch(/您的角色不能执行这个操作。|稿件当前的状态不允许这个操作。/);
  expect(await articleState(id)).toEqual(draftBefore);

  // Sections: a duplicate slug is refused; a section in use cannot be deleted but an unused one can.
  const admin = await pageAs("admin");
  await admin.goto("/desk/admin/sections");
  const create = admin.getByRole("region", { name: "新建栏目" });
  await create.getByLabel("名称").fill("重复路径");
  await create.getByLabel("路径名").fill("news");
  await create.getByRole("button", { name: "新建栏目" }).click();
  await expect(create.getByText("该路径名已被其他栏目使用。")).toBeVisible();
  await admin.getByRole("button", { name: "删除栏目 要闻" }).click();
  await expect(admin.getByText(/栏目“要闻”下有 \d+ 篇稿件，不能删除；可以隐藏它。/)).toBeVisible();
  await create.getByLabel("名称").fill("临时栏目");
  await create.getByLabel("路径名").fill("temporary-section");
  await create.getByRole("button", { name: "新建栏目" }).click();
  await expect(admin.getByText("/sections/temporary-section")).toBeVisible();
  await admin.getByRole("button", { name: "删除栏目 临时栏目" }).click();
  // The row goes away with its buttons: the list itself is the confirmation.
  await expect(admin.getByText("/sections/temporary-section")).toHaveCount(0);
  expect(await withDatabase(async (db) => (await db.select({ n: count() }).from(sections).where(eq(sections.slug, "temporary-section")))[0])).toEqual({ n: 0 });
});
