import { removeTemporaryDatabase } from "@/db/testing/temporary-database";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { anImport, aUser } from "@/db/testing/builders";
import { imports } from "@/db/schema";
import type { WorkbenchDoc } from "@/lib/workbench";
import { ensureImportWork, getImportWork, listImportWorkRevisions, replaceImportWorkWithEngine, saveImportWork } from "./import-work";
import { firstRow } from "@/db/raw";

afterAll(removeTemporaryDatabase);

const editor = await aUser({ role: "editor", name: "张编辑" });
const other = await aUser({ role: "editor", name: "李编辑" });

/** A working state that differs from the engine's: the first article's blocks in reverse order. */
function edited(doc: WorkbenchDoc): WorkbenchDoc {
  const copy = structuredClone(doc);
  const first = copy.content.find((n) => n.type === "article");
  if (first?.type === "article") first.content.reverse();
  return copy;
}

describe("import working state (the workbench's autosave)", () => {
  it("starts as the engine's proposal, created once", async () => {
    const { item, work } = await anImport({ by: editor });
    expect(work).toMatchObject({ version: 1, manual: false, savedById: null });
    let asked = false;
    const again = await ensureImportWork({
      importId: item.id,
      doc: () => {
        asked = true;
        return edited(work.doc);
      },
    });
    expect(asked).toBe(false);
    expect(again).toEqual(work);
  });

  it("saves at the version it started from, marking the state manual", async () => {
    const { item, work } = await anImport({ by: editor });
    const doc = edited(work.doc);
    const result = await saveImportWork({ importId: item.id, baseVersion: work.version, doc, userId: editor.id });
    expect(result).toMatchObject({ ok: true, version: 2 });
    expect(await getImportWork({ importId: item.id })).toMatchObject({ version: 2, manual: true, savedById: editor.id, savedByName: "张编辑", doc });
  });

  it("refuses a stale save with who saved and when, keeping their state", async () => {
    const { item, work } = await anImport({ by: editor });
    const theirs = edited(work.doc);
    expect((await saveImportWork({ importId: item.id, baseVersion: work.version, doc: theirs, userId: other.id })).ok).toBe(true);
    const stored = (await getImportWork({ importId: item.id }))!;
    const mine = await saveImportWork({ importId: item.id, baseVersion: work.version, doc: work.doc, userId: editor.id });
    expect(mine).toEqual({ ok: false, stale: { version: 2, savedByName: "李编辑", savedAt: stored.updatedAt } });
    expect((await getImportWork({ importId: item.id }))?.doc).toEqual(theirs);
  });

  it("re-running the engine keeps a manual state as a revision first, and refreshes the engine's reading", async () => {
    const { item, work } = await anImport({ by: editor });
    const manual = edited(work.doc);
    expect((await saveImportWork({ importId: item.id, baseVersion: 1, doc: manual, userId: editor.id })).ok).toBe(true);
    const fresh = work.doc;
    const result = await replaceImportWorkWithEngine({ importId: item.id, baseVersion: 2, doc: fresh, proposal: { rerun: true }, articleCount: 3, userId: editor.id });
    expect(result).toMatchObject({ ok: true, version: 3 });
    expect(await getImportWork({ importId: item.id })).toMatchObject({ version: 3, manual: false, doc: fresh });
    expect((await listImportWorkRevisions({ importId: item.id })).map((r) => [r.version, r.reason, r.savedByName])).toEqual([[2, "rerun", "张编辑"]]);
    expect(firstRow(await getDb().select({ proposal: imports.proposal, articleCount: imports.articleCount }).from(imports).where(eq(imports.id, item.id)))).toEqual({
      proposal: { rerun: true },
      articleCount: 3,
    });
  });

  it("re-running on an untouched state keeps no revision, and a stale re-run changes nothing", async () => {
    const { item, work } = await anImport({ by: editor });
    expect((await replaceImportWorkWithEngine({ importId: item.id, baseVersion: 1, doc: work.doc, proposal: {}, articleCount: 0, userId: editor.id })).ok).toBe(true);
    expect(await listImportWorkRevisions({ importId: item.id })).toEqual([]);
    const before = (await getImportWork({ importId: item.id }))!;
    const stale = await replaceImportWorkWithEngine({ importId: item.id, baseVersion: 1, doc: edited(work.doc), proposal: {}, articleCount: 0, userId: other.id });
    expect(stale).toMatchObject({ ok: false, stale: { version: 2 } });
    expect(await getImportWork({ importId: item.id })).toEqual(before);
  });
});
