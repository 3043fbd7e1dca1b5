import { createHash } from "node:crypto";
import path from "node:path";
import type { Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import { importWork, imports, paperModels, users } from "../db/schema";
import { ingest, textOfSpans } from "../lib/ingest";
import type { WorkbenchDoc } from "../lib/workbench/types";
import { bracketedFrontPage } from "./support/bracketed-page";
import { auditActions } from "./support/db";
import { withDatabase } from "./support/database";
import { expect, test } from "./support/fixtures";

const ROOT = path.join(__dirname, "..");
const FEATURE_PAGE = path.join(ROOT, "db", "demo", "rongchang-feature-page.txt");

/** An editor imports the feature page as a page of `paper` and opens its workbench. */
async function importAs(page: Page, paper: string, date: string): Promise<void> {

  await page.goto("/desk/imports/new");
  await page.getByLabel("上传文件").setInputFiles(FEATURE_PAGE);
  await expect(page.getByText(/已识别：编码/)).toBeVisible();
  await page.getByLabel("报名").fill(paper);
  await page.getByLabel("出版日期").fill(date);
  await page.getByLabel("版次").fill("3");
  await page.getByRole("button", { name: "创建导入" }).click();
  await expect(page).toHaveURL(/\/desk\/imports\/\d+$/);
  await expect(page.locator("[data-article-id]").first()).toBeVisible();
}

/**
 * An accepted import of a page of `paper` whose accepted working state is the segmentation
 * an editor made of it by hand: the front page as a paper that prints its headlines in 【】
 * brackets (a form the lab model reads poorly) would print it.
 */
async function arrangeCorrectedImport(paper: string, date: string): Promise<void> {
  const page = bracketedFrontPage();
  const bytes = Buffer.from(page.text, "utf8");
  let id = 0;
  const doc = {
    type: "doc",
    content: [
      ...page.articles.map((a, i) => ({
        type: "article",
        attrs: { id: `a${i + 1}`, doubt: null },
        content: a.blocks.map((b) => ({ type: "block", attrs: { id: `b${++id}`, role: b.role, spans: b.spans, confidence: 1, doubt: null }, content: [{ type: "text", text: textOfSpans(page.text, b.spans, true) }] })),
      })),
      { type: "tray" },
      { type: "bin" },
    ],
  } as WorkbenchDoc;
  await withDatabase(async (db) => {
    const editor = (await db.select({ id: users.id }).from(users).where(eq(users.email, "editor@folio.local")))[0];
    const row = (await db
      .insert(imports)
      .values({
        rawBytes: bytes,
        rawSha256: createHash("sha256").update(bytes).digest("hex"),
        fileName: "front-page.md",
        encoding: "utf-8",
        format: "markdown",
        paper,
        issueDate: date,
        pageNumber: 1,
        articleCount: page.articles.length,
        proposal: { mastheadSpans: ingest(page.text).mastheadSpans },
        status: "accepted",
        createdById: editor!.id,
      })
      .returning({ id: imports.id })
      )[0];
    await db.insert(importWork).values({ importId: row!.id, doc, version: 1, manual: true, acceptedVersion: 1 });
  });
}

test("an admin retrains a paper's own model from its accepted imports; it is used when it reads the paper no worse", async ({ pageAs }) => {
  const paper = `练习报${Date.now() % 100000}`;
  const editor = await pageAs("editor");
  const admin = await pageAs("admin");

  // One page of a new paper, accepted in the workbench: nothing to check a model against yet.
  await importAs(editor, paper, "2024-05-06");
  await expect(editor.getByTestId("import-model")).toHaveText("实验室模型（本报尚无自己的模型）");
  await editor.getByRole("button", { name: "接受划分，生成稿件" }).click();
  await expect(editor.getByText(/已接受：新建 \d+ 篇/)).toBeVisible();

  await admin.goto("/desk/admin/papers");
  let row = admin.getByRole("row", { name: paper });
  await expect(row.getByRole("cell").nth(1)).toHaveText("1");
  await expect(row.getByTestId("paper-model")).toHaveText("尚无：用实验室模型读版");
  await row.getByRole("button", { name: "用已采用的导入重新训练" }).click();
  await expect(row.getByText(`${paper}：只有一个校正过的版面，无法检验本报模型；导入仍使用实验室模型。再采用一个版面后重新训练。`)).toBeVisible();
  await expect(row.getByTestId("paper-model")).toContainText("一个版面无法检验，未采用");

  // Two more pages an editor corrected by hand, printed in a form the lab model reads poorly:
  // the paper's model reads them no worse than the lab model (here better), so it is adopted.
  await arrangeCorrectedImport(paper, "2024-05-07");
  await arrangeCorrectedImport(paper, "2024-05-08");
  await admin.reload();
  row = admin.getByRole("row", { name: paper });
  await expect(row.getByRole("cell").nth(1)).toHaveText("3");
  await row.getByRole("button", { name: "用已采用的导入重新训练" }).click();
  // Training the layer and checking it, leaving each page out in turn, takes seconds of CPU:
  // on a busy machine more than the default 5 (the button stays disabled meanwhile).
  await expect(row.getByText(new RegExp(`^${paper}：已基于 3 个校正过的版面重新训练；逐版留一检验，它对这些版面的稿件划分不比实验室模型差`))).toBeVisible({ timeout: 30_000 });
  await expect(row.getByTestId("paper-model")).toContainText("基于 3 个版面训练");
  expect(await auditActions({ action: "paper_model.train", actorEmail: "admin@folio.local", targetId: paper })).toHaveLength(2);
  const stored = await withDatabase(async (db) => (await db.select().from(paperModels).where(eq(paperModels.paper, paper)))[0]);
  expect(stored?.pages).toBe(3);
  expect(stored?.model).not.toBeNull();

  // The next page of that paper is read with its own model.
  await importAs(editor, paper, "2024-05-09");
  await expect(editor.getByTestId("import-model")).toHaveText(`${paper}的本报模型（基于 3 个校正版面）`);
});

test("editors and reviewers cannot open the papers page", async ({ pageAs }) => {
  for (const who of ["editor", "reviewer"] as const) {
    const page = await pageAs(who);
    const response = await page.goto("/desk/admin/papers");
    expect(response?.status()).toBe(403);
  }
});
