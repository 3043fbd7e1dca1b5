import { auditActions } from "./support/db";
import { expect, test } from "./support/fixtures";

test("an admin creates, renames, reorders and hides a section; bad slugs are refused clearly", async ({ pageAs }) => {
  const page = await pageAs("admin");
  await page.goto("/desk/admin/sections");
  const create = page.getByRole("region", { name: "新建栏目" });

  await create.getByLabel("名称").fill("乡村振兴");
  await create.getByLabel("路径名").fill("rural revival");
  await create.getByRole("button", { name: "新建栏目" }).click();
  await expect(create.getByText("路径名只能包含小写字母、数字和连字符，不能有空格。")).toBeVisible();
  await expect(create.getByLabel("名称")).toHaveValue("乡村振兴");

  await create.getByLabel("路径名").fill("news");
  await create.getByRole("button", { name: "新建栏目" }).click();
  await expect(create.getByText("该路径名已被其他栏目使用。")).toBeVisible();

  const slug = `rural-${Date.now()}`;
  await create.getByLabel("路径名").fill(slug);
  await create.getByLabel("所需审核数").selectOption("3");
  await create.getByRole("button", { name: "新建栏目" }).click();
  await expect(create.getByText("已创建栏目“乡村振兴”。")).toBeVisible();

  const items = page.getByRole("listitem");
  const created = page.getByRole("listitem", { name: "乡村振兴" });
  await expect(items.last()).toHaveAccessibleName("乡村振兴");
  await expect(created.getByLabel("所需审核数")).toHaveValue("3");

  await created.getByLabel("名称").fill("乡村振兴专栏");
  await created.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("已保存栏目“乡村振兴专栏”。")).toBeVisible();
  const renamed = page.getByRole("listitem", { name: "乡村振兴专栏" });

  await renamed.getByRole("button", { name: "上移 乡村振兴专栏" }).click();
  await expect(items.nth((await items.count()) - 2)).toHaveAccessibleName("乡村振兴专栏");

  await renamed.getByRole("button", { name: "隐藏" }).click();
  await expect(renamed.getByText("已隐藏栏目“乡村振兴专栏”。")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("listitem", { name: "乡村振兴专栏" }).getByText("已隐藏", { exact: true })).toBeVisible();

  const actions = (await auditActions({ actorEmail: "admin@folio.local" })).map((a) => a.action);
  for (const a of ["section.create", "section.update", "section.move", "section.hide"]) expect(actions).toContain(a);
});

test("an editor cannot manage sections", async ({ pageAs }) => {
  const page = await pageAs("editor");
  expect((await page.goto("/desk/admin/sections"))?.status()).toBe(403);
});
