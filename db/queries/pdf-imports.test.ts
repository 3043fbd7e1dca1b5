import { removeTemporaryDatabase } from "@/db/testing/temporary-database";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { aUser } from "@/db/testing/builders";
import { importPageImages, imports, pdfFiles } from "@/db/schema";
import { unconfirmedMasthead } from "@/lib/desk/import-text";
import { ingest } from "@/lib/ingest";
import { deleteImport } from "./imports";
import { getImportPageImage, getImportPagePdf, getImportPrintPage, getPdfOfImport, insertPdfImport, insertPdfWithoutText } from "./pdf-imports";

afterAll(removeTemporaryDatabase);

/** Every message along an error's causes (drizzle wraps the driver's error, which carries the trigger's). */
function messages(e: unknown): string {
  const out: string[] = [];
  for (let current = e; current instanceof Error; current = current.cause) out.push(current.message);
  return out.join(" / ");
}

const editor = await aUser({ role: "editor", name: "张编辑" });
const actor = { id: editor.id, email: editor.email };
// Not a real PDF: these queries keep bytes, they do not read them (services/pdf-import.ts does).
const PDF = Buffer.from("%PDF-1.7 two pages");

function page(number: number, alone: Buffer | null) {
  const proposal = ingest(Buffer.from(`第${number}版的正文，濑溪河两岸春色。`, "utf8"));
  return {
    number,
    width: 841.89,
    height: 1190.55,
    proposal,
    masthead: unconfirmedMasthead(proposal, { issueDate: "2024-03-15", pageNumber: number, pageName: null }),
    alone,
    images: [{ variant: "thumb" as const, width: 120, height: 170, bytes: Buffer.from(`thumb ${number}`) }],
  };
}

describe("a print PDF's pages", () => {
  it("are stored in one go: the file, an import per page with its text, size and images; a page alone when the file had several", async () => {
    const { fileId, imports: made } = await insertPdfImport({ bytes: PDF, fileName: "issue.pdf", pageCount: 2, pages: [page(1, Buffer.from("page 1 alone")), page(2, null)], actor });
    expect(made.map((i) => [i.pdfFileId, i.pdfPage, i.format, i.pageNumber])).toEqual([
      [fileId, 1, "pdf", 1],
      [fileId, 2, "pdf", 2],
    ]);
    const first = made[0]!;
    expect(Buffer.from(first.rawBytes).toString("utf8")).toContain("第1版的正文");
    expect(await getImportPrintPage({ importId: first.id })).toEqual({ importId: first.id, width: 841.89, height: 1190.55, images: [expect.objectContaining({ variant: "thumb", width: 120 })] });
    expect((await getImportPageImage({ importId: first.id, variant: "thumb" }))?.bytes.toString()).toBe("thumb 1");
    expect((await getImportPagePdf({ importId: first.id }))?.bytes.toString()).toBe("page 1 alone");
    // The second page has no copy of its own: the uploaded file is the page's PDF.
    expect((await getImportPagePdf({ importId: made[1]!.id }))?.bytes.equals(PDF)).toBe(true);
    expect(await getPdfOfImport({ importId: made[1]!.id })).toEqual({ bytes: PDF, page: 2 });
  });

  it("supersede the earlier import of the same page, and a deleted import takes its images but never the PDF", async () => {
    const { imports: before } = await insertPdfImport({ bytes: PDF, fileName: "p3.pdf", pageCount: 1, pages: [page(3, null)], actor });
    const { fileId, imports: after } = await insertPdfImport({ bytes: PDF, fileName: "p3-again.pdf", pageCount: 1, pages: [page(3, null)], actor });
    expect(after[0]!.supersedesId).toBe(before[0]!.id);
    expect(await deleteImport({ id: after[0]!.id, actor })).toEqual({ ok: true });
    expect(await getDb().select().from(importPageImages).where(eq(importPageImages.importId, after[0]!.id))).toEqual([]);
    expect(await getDb().select({ id: pdfFiles.id }).from(pdfFiles).where(eq(pdfFiles.id, fileId))).toEqual([{ id: fileId }]);
  });

  it("keep the uploaded file unchanged: the database refuses to rewrite it", async () => {
    const { fileId } = await insertPdfWithoutText({ bytes: PDF, fileName: "scan.pdf", pageCount: 1, actor });
    const rewrite = getDb().update(pdfFiles).set({ bytes: Buffer.from("%PDF-1.7 other") }).where(eq(pdfFiles.id, fileId));
    await expect(rewrite.then(() => "written", (e: unknown) => messages(e))).resolves.toContain("an uploaded PDF is never changed");
    expect(await getDb().select({ status: pdfFiles.status }).from(pdfFiles).where(eq(pdfFiles.id, fileId))).toEqual([{ status: "no_text" }]);
    expect(await getDb().select({ id: imports.id }).from(imports).where(eq(imports.pdfFileId, fileId))).toEqual([]);
  });
});
