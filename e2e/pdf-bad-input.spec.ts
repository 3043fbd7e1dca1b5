import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { imports, pdfFiles } from "../db/schema";
import { withDatabase } from "./support/database";
import { expect, test } from "./support/fixtures";
import { brokenPdf, encryptedPdf, manyPagesPdf, scannedPdf } from "./support/pdfs";

/*
 * Bad PDFs get a clear message and store nothing, except a scan: OCR is not supported yet, and
 * the file is kept (it is all the newsroom has of that page).
 */
async function stored(): Promise<{ imports: number; files: number; scans: number }> {
  return await withDatabase(async (db) => ({
    imports: (await db.select({ n: count() }).from(imports))[0]!.n,
    files: (await db.select({ n: count() }).from(pdfFiles))[0]!.n,
    scans: (await db.select({ n: count() }).from(pdfFiles).where(eq(pdfFiles.status, "no_text")))[0]!.n,
  }));
}

test.use({
  signedInAs: "editor",
  // Each refusal is an HTTP error the browser logs: on purpose here.
  expectedBrowserErrors: [/status of (413|422) .*\/api\/imports\/pdf/],
});

test("encrypted, broken, too long and not-a-PDF files are refused plainly and nothing is stored", async ({ page }) => {
  test.setTimeout(120_000);
  const cases: [string | { name: string; mimeType: string; buffer: Buffer }, RegExp][] = [
    [await encryptedPdf(), /encrypted\.pdf：这个 PDF 有密码保护，无法读取/],
    [await brokenPdf(), /broken\.pdf：这个 PDF 已损坏，无法读取/],
    [await manyPagesPdf(), /65-pages\.pdf：这个 PDF 有 65 页，一次最多导入 64 页/],
    [{ name: "notes.pdf", mimeType: "application/pdf", buffer: Buffer.from("just some notes, not a PDF") }, /notes\.pdf：这不是 PDF 文件/],
  ];
  for (const [file, message] of cases) {
    const before = await stored();
    await page.goto("/desk/imports/new");
    await page.getByLabel("上传文件").setInputFiles(file);
    await page.getByRole("button", { name: "上传 PDF" }).click();
    await expect(page.getByRole("alert").filter({ hasText: message })).toBeVisible({ timeout: 60_000 });
    expect(await stored()).toEqual(before);
  }
});

test("a scan (no text layer) is kept and the editor is told OCR is not supported yet", async ({ page }) => {
  const before = await stored();
  await page.goto("/desk/imports/new");
  await page.getByLabel("上传文件").setInputFiles(await scannedPdf());
  await page.getByRole("button", { name: "上传 PDF" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /scan\.pdf：这个 PDF 没有文字层（可能是扫描件），暂不支持文字识别（OCR），没有生成导入。文件已保存（PDF #\d+）。/ })).toBeVisible({
    timeout: 60_000,
  });
  expect(await stored()).toEqual({ imports: before.imports, files: before.files + 1, scans: before.scans + 1 });
});

test("a PDF over 50 MB is refused before it is sent, and by the server if sent anyway", async ({ page }) => {
  const before = await stored();
  const big = Buffer.alloc(50 * 1024 * 1024 + 1, 0x20);
  big.write("%PDF-1.4\n");
  const file = path.join(process.env.FOLIO_E2E_DIR ?? os.tmpdir(), "huge.pdf");
  fs.writeFileSync(file, big);
  await page.goto("/desk/imports/new");
  await page.getByLabel("上传文件").setInputFiles(file);
  const sent: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/api/imports/pdf")) sent.push(r.url());
  });
  await page.getByRole("button", { name: "上传 PDF" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "huge.pdf：PDF 超过 50 MB，无法导入" })).toBeVisible();
  expect(sent).toEqual([]);
  // Straight to the route: refused on its length alone.
  const res = await page.request.post("/api/imports/pdf", { headers: { "content-type": "application/pdf" }, data: big });
  expect(res.status()).toBe(413);
  expect(await stored()).toEqual(before);
});
