import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { importWork, importWorkRevisions, imports, users, type ImportWork } from "@/db/schema";
import type { WorkbenchDoc } from "@/lib/workbench/types";
import { firstRow } from "@/db/raw";

export type ImportWorkRow = ImportWork & { savedByName: string | null };

export async function getImportWork({ importId }: { importId: number }): Promise<ImportWorkRow | undefined> {
  return (await getDb()
    .select({ work: importWork, savedByName: users.name })
    .from(importWork)
    .leftJoin(users, eq(users.id, importWork.savedById))
    .where(eq(importWork.importId, importId)))
    .map((r) => ({ ...r.work, savedByName: r.savedByName }))[0];
}

/** The first working state is the engine's proposal; created on first open, never replaced here. */
export async function ensureImportWork({ importId, doc }: { importId: number; doc: () => WorkbenchDoc }): Promise<ImportWorkRow> {
  const existing = await getImportWork({ importId });
  if (existing) return existing;
  await getDb().insert(importWork).values({ importId, doc: doc() }).onConflictDoNothing();
  return await getImportWork({ importId }) as ImportWorkRow;
}

export type StaleSave = { version: number; savedByName: string | null; savedAt: Date };
export type SaveWorkResult = { ok: true; version: number; savedAt: Date } | { ok: false; stale: StaleSave };

/**
 * Saves the working state only if nobody saved since `baseVersion`: the compare and the
 * write are one UPDATE, so two tabs racing cannot both win.
 */
export async function saveImportWork({
  importId,
  baseVersion,
  doc,
  userId,
}: {
  importId: number;
  baseVersion: number;
  doc: WorkbenchDoc;
  userId: number;
}): Promise<SaveWorkResult> {
  const savedAt = new Date();
  const updated = await getDb()
    .update(importWork)
    .set({ doc, version: baseVersion + 1, manual: true, savedById: userId, updatedAt: savedAt })
    .where(and(eq(importWork.importId, importId), eq(importWork.version, baseVersion)))
    .returning({ importId: importWork.importId });
  if (updated.length === 1) return { ok: true, version: baseVersion + 1, savedAt };
  const current = await getImportWork({ importId });
  if (!current) throw new Error(`import ${importId} has no working state`);
  return { ok: false, stale: { version: current.version, savedByName: current.savedByName, savedAt: current.updatedAt } };
}

/** Replaces the working state with a fresh engine run, keeping the manual state as a revision first. */
export function replaceImportWorkWithEngine({
  importId,
  baseVersion,
  doc,
  proposal,
  articleCount,
  userId,
}: {
  importId: number;
  baseVersion: number;
  doc: WorkbenchDoc;
  proposal: unknown;
  articleCount: number;
  userId: number;
}): Promise<SaveWorkResult> {
  return getDb().transaction(async (tx) => {
    const current = firstRow(await tx.select().from(importWork).where(eq(importWork.importId, importId)));
    if (!current) throw new Error(`import ${importId} has no working state`);
    if (current.version !== baseVersion) {
      const savedBy = current.savedById
        ? firstRow(await tx.select({ name: users.name }).from(users).where(eq(users.id, current.savedById)))
        : undefined;
      return {
        ok: false,
        stale: { version: current.version, savedByName: savedBy?.name ?? null, savedAt: current.updatedAt },
      } as const;
    }
    if (current.manual) {
      await tx.insert(importWorkRevisions)
        .values({ importId, version: current.version, reason: "rerun", doc: current.doc, savedById: current.savedById });
    }
    const savedAt = new Date();
    await tx.update(importWork)
      .set({ doc, version: current.version + 1, manual: false, savedById: userId, updatedAt: savedAt })
      .where(eq(importWork.importId, importId));
    // The raw bytes never change; only the engine's reading of them is refreshed.
    await tx.update(imports).set({ proposal, articleCount, updatedAt: savedAt }).where(eq(imports.id, importId));
    return { ok: true, version: current.version + 1, savedAt } as const;
  });
}

export async function listImportWorkRevisions({ importId }: { importId: number }) {
  return (await getDb()
    .select({
      id: importWorkRevisions.id,
      version: importWorkRevisions.version,
      reason: importWorkRevisions.reason,
      createdAt: importWorkRevisions.createdAt,
      savedByName: users.name,
    })
    .from(importWorkRevisions)
    .leftJoin(users, eq(users.id, importWorkRevisions.savedById))
    .where(eq(importWorkRevisions.importId, importId))
    .orderBy(desc(importWorkRevisions.id)));
}
