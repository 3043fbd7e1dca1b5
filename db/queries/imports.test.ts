import { removeTemporaryDatabase } from "@/db/testing/temporary-database";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { anImport, aUser } from "@/db/testing/builders";
import { auditLog, importWork, imports } from "@/db/schema";
import { deleteImport, getImportById, listImports, setImportArchived, updateImportMasthead } from "./imports";

afterAll(removeTemporaryDatabase);

const editor = aUser({ role: "editor", name: "张编辑" });
const actor = { id: editor.id, email: editor.email };
const MASTHEAD = { paper: "荣昌报", issueDate: "2024-03-09", totalIssueNo: 274, issueNo: 28, pageCount: 4, pageNumber: 2, pageName: "综合" };

describe("an import's masthead, changed in the workbench", () => {
  it("fills a masthead the engine could not read, versioned, with what it was in the audit entry", () => {
    const { item } = anImport({ by: editor, issueDate: null, pageNumber: null });
    const outcome = updateImportMasthead({ id: item.id, baseVersion: item.version, masthead: MASTHEAD, actor });
    expect(outcome).toMatchObject({ ok: true, item: { issueDate: "2024-03-09", pageNumber: 2, version: item.version + 1 } });
    const entry = getDb().select().from(auditLog).where(eq(auditLog.action, "import.masthead")).all().at(-1);
    expect(entry?.detail).toMatchObject({ was: { issueDate: null, pageNumber: null }, now: { issueDate: "2024-03-09", pageNumber: 2 } });
  });

  it("refuses a change based on an older version", () => {
    const { item } = anImport({ by: editor });
    expect(updateImportMasthead({ id: item.id, baseVersion: item.version, masthead: MASTHEAD, actor }).ok).toBe(true);
    expect(updateImportMasthead({ id: item.id, baseVersion: item.version, masthead: { ...MASTHEAD, pageNumber: 3 }, actor })).toEqual({
      ok: false,
      reason: "stale",
      version: item.version + 1,
    });
    expect(getImportById({ id: item.id })?.pageNumber).toBe(2);
  });
});

describe("abandoned imports", () => {
  it("archived ones leave the list, and come back", () => {
    const { item } = anImport({ by: editor });
    expect(setImportArchived({ id: item.id, archived: true, actor })).toEqual({ ok: true });
    expect(listImports().map((r) => r.id)).not.toContain(item.id);
    expect(listImports({ archived: true }).map((r) => r.id)).toContain(item.id);
    expect(setImportArchived({ id: item.id, archived: false, actor })).toEqual({ ok: true });
    expect(listImports().map((r) => r.id)).toContain(item.id);
  });

  it("a deleted one is gone with its working state, and its raw text is in the audit entry", () => {
    const text = "荣昌报\n\n# 一个被放弃的导入\n\n本报讯 正文第一段。\n";
    const { item } = anImport({ by: editor, text });
    const later = anImport({ by: editor }).item;
    getDb().update(imports).set({ supersedesId: item.id }).where(eq(imports.id, later.id)).run();
    expect(deleteImport({ id: item.id, actor })).toEqual({ ok: true });
    expect(getImportById({ id: item.id })).toBeUndefined();
    expect(getDb().select().from(importWork).where(eq(importWork.importId, item.id)).get()).toBeUndefined();
    expect(getImportById({ id: later.id })?.supersedesId).toBeNull();
    const entry = getDb().select().from(auditLog).where(eq(auditLog.action, "import.delete")).all().at(-1);
    expect(entry).toMatchObject({ targetId: String(item.id), detail: { rawText: text, rawSha256: item.rawSha256 } });
  });

  it("an accepted import made articles: it can be neither archived nor deleted", () => {
    const { item } = anImport({ by: editor });
    getDb().update(imports).set({ status: "accepted" }).where(eq(imports.id, item.id)).run();
    expect(setImportArchived({ id: item.id, archived: true, actor })).toEqual({ ok: false, reason: "accepted" });
    expect(deleteImport({ id: item.id, actor })).toEqual({ ok: false, reason: "accepted" });
    expect(getImportById({ id: item.id })).toBeDefined();
  });
});
