import path from "node:path";
import { expect, type Page } from "@playwright/test";

export const DEMO_DIR = path.join(__dirname, "..", "..", "db", "demo");
/** The feature page has no masthead of its own: the engine reads no date and no page number. */
export const FEATURE_PAGE = path.join(DEMO_DIR, "rongchang-feature-page.txt");

/**
 * Creates an import through the desk's own form, pasted or uploaded, with the masthead fields
 * given (by label) filled in over what the engine read; ends on the workbench, returns the id.
 */
export async function importThroughDesk(page: Page, { text, file, masthead = {} }: { text?: string; file?: string; masthead?: Record<string, string> }): Promise<number> {
  await page.goto("/desk/imports/new");
  if (file) await page.getByLabel("上传文件").setInputFiles(file);
  else await page.getByLabel("或粘贴文字").fill(text ?? "");
  await expect(page.getByText(/已识别：编码/)).toBeVisible();
  for (const [label, value] of Object.entries(masthead)) await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole("button", { name: "创建导入" }).click();
  await expect(page).toHaveURL(/\/desk\/imports\/\d+$/);
  await expect(page.locator("[data-article-id]").first()).toBeVisible();
  return Number(page.url().split("/").pop());
}

/** The version the workbench's save status shows (0 while it shows none). */
export async function workbenchVersion(page: Page): Promise<number> {
  const text = (await page.getByTestId("save-status").textContent()) ?? "";
  return Number(/已保存 v(\d+)/.exec(text)?.[1] ?? 0);
}

/**
 * The workbench's autosave has caught up with the edits made since it showed version `past`.
 * A freshly opened import already says "已保存 v1": waiting for any saved status would pass
 * before the edit's save (800 ms later), and a reload then races that save.
 */
export async function workbenchSaved(page: Page, { past }: { past: number }) {
  await expect(page.getByTestId("save-status")).toHaveText(/已保存 v\d+/, { timeout: 15_000 });
  await expect.poll(() => workbenchVersion(page), { timeout: 15_000 }).toBeGreaterThan(past);
  await expect(page.getByTestId("save-status")).toHaveText(/已保存 v\d+/);
}
