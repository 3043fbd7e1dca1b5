import { count, eq } from "drizzle-orm";
import { users } from "../db/schema";
import { auditActions } from "./support/db";
import { withDatabase } from "./support/database";
import { expect, test } from "./support/fixtures";

test("an editor gets a refusal page for the user admin, and it is audited", async ({ pageAs }) => {
  const page = await pageAs("editor");
  const response = await page.goto("/desk/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
  const refusals = await auditActions({ action: "authz.forbidden", actorEmail: "editor@folio.local" });
  expect(refusals.some((r) => r.target_id === "/desk/admin/users")).toBe(true);
});

test("an editor posting the admin create-user action directly is refused and nothing is written", async ({ pageAs }) => {
  // The admin's browser shows us what a real create-user request looks like (action id and body)...
  const admin = await pageAs("admin");
  const adminContext = admin.context();
  await admin.goto("/desk/admin/users");
  const create = admin.getByRole("region", { name: "新建用户" });
  await create.getByLabel("姓名").fill("模板");
  await create.getByLabel("电子邮箱").fill("template-user@test.folio");
  await create.getByLabel("初始密码").fill("template password 1");
  const [request] = await Promise.all([
    admin.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]),
    create.getByRole("button", { name: "新建用户" }).click(),
  ]);
  await expect(admin.getByText("已创建用户 template-user@test.folio。")).toBeVisible();
  const body = request.postData()!.replace("template-user@test.folio", "forged-by-editor@test.folio");
  await adminContext.close();

  // ...which an editor replays with their own, valid session.
  const editor = await pageAs("editor");
  const editorContext = editor.context();
  const headers = request.headers();
  const res = await editor.request.post("/desk/admin/users", {
    headers: {
      "next-action": headers["next-action"]!,
      "content-type": headers["content-type"]!,
      "next-router-state-tree": headers["next-router-state-tree"] ?? "",
      accept: "text/x-component",
    },
    data: body,
  });
  expect(res.status()).toBeLessThan(500);
  expect(await res.text()).toContain("您没有权限执行此操作。");
  await editorContext.close();

  const forged = await withDatabase(async (db) => (await db.select({ n: count() }).from(users).where(eq(users.email, "forged-by-editor@test.folio")))[0]!);
  expect(forged.n).toBe(0);
  const refusals = await auditActions({ action: "authz.forbidden", actorEmail: "editor@folio.local" });
  expect(refusals.some((r) => r.target_id === "action:createUser")).toBe(true);
});

test("a reviewer cannot open the audit log", async ({ pageAs }) => {
  const page = await pageAs("reviewer");
  const response = await page.goto("/desk/admin/audit");
  expect(response?.status()).toBe(403);
});
