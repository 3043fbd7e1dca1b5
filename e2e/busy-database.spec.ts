import path from "node:path";
import { eq } from "drizzle-orm";
import { articles } from "../db/schema";
import { auditActions, openTestDb, withSqliteFile, type TestDb } from "./support/db";
import { expect, test } from "./support/fixtures";

// The server waits busy_timeout (DB_BUSY_TIMEOUT_MS, 5000 ms by default) for the lock, then gives up.
const BUSY_MESSAGE = "数据库正忙（可能正在备份或维护），本次未保存，请稍后重试。";
const FRONT_PAGE = path.join(__dirname, "..", "db", "demo", "rongchang-2024-03-08-p1.md");

// Every story here is the editor's: signed in once per worker (support/fixtures.ts).
test.use({ signedInAs: "editor" });

/** Another process (this test runner) takes the write lock, as a backup or a script could, and keeps it. */
function holdWriteLock(): TestDb {
  const db = openTestDb();
  db.$client.exec("BEGIN EXCLUSIVE");
  return db;
}

function release(db: TestDb) {
  db.$client.exec("ROLLBACK");
  db.$client.close();
}

function articleRow(id: number) {
  return withSqliteFile((db) => db.select({ kicker: articles.kicker, version: articles.version }).from(articles).where(eq(articles.id, id)).get()!);
}

test("a save while another process holds the database says 'busy, retry', keeps the text, and the retry saves", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto("/desk/articles");
  await page.getByLabel("新稿件标题").fill("数据库繁忙时的保存");
  await page.getByRole("button", { name: "新建稿件" }).click();
  await expect(page).toHaveURL(/\/desk\/articles\/\d+$/);
  const id = Number(page.url().split("/").pop());
  const before = articleRow(id);

  const lock = holdWriteLock();
  let locked = true;
  try {
    await page.getByLabel("引题", { exact: true }).fill("锁住时写的引题");
    const status = page.getByTestId("save-status");
    await expect(status).toContainText(BUSY_MESSAGE, { timeout: 30_000 });
    await expect(page.getByLabel("引题", { exact: true })).toHaveValue("锁住时写的引题");
    expect(articleRow(id)).toEqual(before);
    release(lock);
    locked = false;

    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(status).toHaveText(/已保存 v\d+/, { timeout: 15_000 });
    const after = articleRow(id);
    expect(after.kicker).toBe("锁住时写的引题");
    expect(after.version).toBe(before.version + 1);
    expect(await auditActions({ action: "article.save", targetId: String(id) })).toHaveLength(1);
  } finally {
    if (locked) release(lock);
  }
});

test("the workbench autosave route answers 503 busy with Retry-After while the lock is held, then saves", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto("/desk/imports/new");
  await page.getByLabel("上传文件").setInputFiles(FRONT_PAGE);
  await expect(page.getByText(/已识别：编码/)).toBeVisible();
  await page.getByLabel("出版日期", { exact: true }).fill("2024-05-21");
  await page.getByRole("button", { name: "创建导入" }).click();
  await expect(page).toHaveURL(/\/desk\/imports\/\d+$/);
  const id = Number(page.url().split("/").pop());
  // Off the workbench, so its own autosave stays out of the way.
  await page.goto("/desk");
  const { version, doc } = (await (await page.request.get(`/api/imports/${id}/work`)).json()) as { version: number; doc: unknown };
  const put = () => page.request.put(`/api/imports/${id}/work`, { data: { baseVersion: version, doc }, timeout: 30_000 });

  const lock = holdWriteLock();
  let locked = true;
  try {
    const busy = await put();
    expect(busy.status()).toBe(503);
    expect(busy.headers()["retry-after"]).toBe("2");
    expect(await busy.json()).toEqual({ error: "busy", message: BUSY_MESSAGE });
    release(lock);
    locked = false;
    const saved = await put();
    expect(saved.status()).toBe(200);
    expect(((await saved.json()) as { version: number }).version).toBe(version + 1);
  } finally {
    if (locked) release(lock);
  }
});
