import path from "node:path";
import { expect, test } from "./support/fixtures";

const FRONT_PAGE = path.join(__dirname, "..", "db", "demo", "rongchang-2024-03-08-p1.md");

test("F8 walks the engine's doubts from the least sure to the surest, and Shift+F8 walks back", async ({ pageAs }) => {
  const page = await pageAs("editor");
  await page.goto("/desk/imports/new");
  await page.getByLabel("上传文件").setInputFiles(FRONT_PAGE);
  await expect(page.getByText(/已识别：编码/)).toBeVisible();
  await page.getByLabel("版名").fill("要闻");
  await page.getByRole("button", { name: "创建导入" }).click();
  await expect(page).toHaveURL(/\/desk\/imports\/\d+$/);
  const doubtful = page.locator('[data-type="block"][data-doubt]');
  await expect(doubtful.first()).toBeVisible();

  // Every doubt shows how sure the engine was.
  await expect(doubtful.first()).toContainText(/存疑( \d+%)?：/);
  const stops = await page.locator('[data-doubt]').count();
  expect(stops).toBeGreaterThan(2);

  // Start from a block, then walk: each stop is outlined and no surer than the next.
  await page.locator('[data-type="block"]').first().click();
  const focus = page.locator("[data-doubt-focus]");
  const seen: number[] = [];
  for (let i = 0; i < Math.min(stops, 8); i++) {
    await page.keyboard.press("F8");
    await expect(focus).toHaveCount(1);
    seen.push(Number(await focus.getAttribute("data-doubt-focus")));
  }
  for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1] as number);
  expect(seen[0]).toBeLessThan(seen[seen.length - 1] as number);

  // Shift+F8 goes back to the stop before.
  await page.keyboard.press("Shift+F8");
  expect(Number(await focus.getAttribute("data-doubt-focus"))).toBeLessThanOrEqual(seen[seen.length - 1] as number);
});
