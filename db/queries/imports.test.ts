import { removeTemporaryDatabase } from "@/db/testing/temporary-database";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { anImport, aUser } from "@/db/testing/builders";
import { auditLog, importWork, imports } from "@/db/schema";
import { deleteImport, getImportById, listImports, setImportArchived, updateImportMasthead } from "./imports";
import { firstRow } from "@/db/raw";

afterAll(removeTemporaryDatabase);

const editor = await aUser({ role: "editor", name: "张编辑" });
const actor = { id: editor.id, email: editor.email };
const MASTHEAD = { paper: "荣昌报", issueDate: "2024-03-09", totalIssueNo: 274, issueNo: 28, pageCount: 4, pageNumber: 2, pageName: "综合" };

describe("an import's masthead, changed in the workbench", () => {
  it("fills a masthead the engine could not read, versioned, with what it was in the audit entry", async () => {
    const { item } = await anImport({ by: editor, issueDate: null, pageNumber: null });
    const outcome = await updateImportMasthead({ id: item.id, baseVersion: item.version, masthead: MASTHEAD, actor });
    expect(outcome).toMatchObject({ ok: true, item: { issueDate: "2024-03-09", pageNumber: 2, version: item.version + 1 } });
    const entry = (await getDb().select().from(auditLog).where(eq(auditLog.action, "import.masthead"))).at(-1);
    expect(entry?.detail).toMatchObject({ was: { issueDate: null, pageNumber: null }, now: { issueDate: "2024-03-09", pageNumber: 2 } });
  });

  it("refuses a change based on an older version", async () => {
    const { item } = await anImport({ by: editor });
    expect((await updateImportMasthead({ id: item.id, baseVersion: item.version, masthead: MASTHEAD, actor })).ok).toBe(true);
    expect(await updateImportMasthead({ id: item.id, baseVersion: item.version, masthead: { ...MASTHEAD, pageNumber: 3 }, actor })).toEqual({
      ok: false,
      reason: "stale",
      version: item.version + 1,
    });
    expect((await getImportById({ id: item.id }))?.pageNumber).toBe(2);
  });
});

describe("abandoned imports", () => {
  it("archived ones leave the list, and come back", async () => {
    const { item } = await anImport({ by: editor });
    expect(await setImportArchived({ id: item.id, archived: true, actor })).toEqual({ ok: true });
    expect((await listImports()).map((r) => r.id)).not.toContain(item.id);
    expect((await listImports({ archived: true })).map((r) => r.id)).toContain(item.id);
    expect(await setImportArchived({ id: item.id, archived: false, actor })).toEqual({ ok: true });
    expect((await listImports()).map((r) => r.id)).toContain(item.id);
  });

  it("a deleted one is gone with its working state, and its raw text is in the audit entry", async () => {
    const text = "荣昌报\n\n# 一个被放弃的导入\n\n本报讯 正文第一段。\n";
    const { item } = await anImport({ by: editor, text });
    const later = (await anImport({ by: editor })).item;
    await getDb().update(imports).set({ supersedesId: item.id }).where(eq(imports.id, later.id));
    expect(await deleteImport({ id: item.id, actor })).toEqual({ ok: true });
    expect(await getImportById({ id: item.id })).toBeUndefined();
    expect(firstRow(await getDb().select().from(importWork).where(eq(importWork.importId, item.id)))).toBeUndefined();
    expect((await getImportById({ id: later.id }))?.supersedesId).toBeNull();
    const entry = (await getDb().select().from(auditLog).where(eq(auditLog.action, "import.delete"))).at(-1);
    expect(entry).toMatchObject({ targetId: String(item.id), detail: { rawText: text, rawSha256: item.rawSha256 } });
  });

  it("an accepted import made articles: it can be neither archived nor deleted", async () => {
    const { item } = await anImport({ by: editor });
    await getDb().update(imports).set({ status: "accepted" }).where(eq(imports.id, item.id));
    expect(await setImportArchived({ id: item.id, archived: true, actor })).toEqual({ ok: false, reason: "accepted" });
    expect(await deleteImport({ id: item.id, actor })).toEqual({ ok: false, reason: "accepted" });
    expect(await getImportById({ id: item.id })).toBeDefined();
  });
});
