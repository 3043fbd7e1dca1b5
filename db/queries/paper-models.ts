import "server-only";
import { and, count, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { firstRow, onlyRow } from "@/db/raw";
import { importWork, imports, paperModels, type PaperModel } from "@/db/schema";
import type { WorkbenchDoc } from "@/lib/workbench/types";

export type PaperRow = {
  paper: string;
  imports: number;
  accepted: number;
  /** The last training: on how many pages, whether a layer was kept, and the check's figures. */
  model: { pages: number; trainedAt: Date; adopted: boolean; labAccuracy: number | null; paperAccuracy: number | null } | null;
};

/** Every paper the desk has imported pages of, with how many were accepted and its own model if any. */
export async function listPapers(): Promise<PaperRow[]> {
  const db = getDb();
  const rows = await db
    .select({
      paper: imports.paper,
      imports: count(),
      accepted: sql<number>`sum(case when ${imports.status} = 'accepted' then 1 else 0 end)`,
    })
    .from(imports)
    .where(isNotNull(imports.paper))
    .groupBy(imports.paper)
    .orderBy(desc(count()));
  const models = new Map((await db.select().from(paperModels)).map((m) => [m.paper, m]));
  return rows.map((r) => {
    const m = models.get(r.paper as string);
    return {
      paper: r.paper as string,
      imports: Number(r.imports),
      accepted: Number(r.accepted ?? 0),
      model: m ? { pages: m.pages, trainedAt: m.updatedAt, adopted: m.model != null, labAccuracy: m.labAccuracy, paperAccuracy: m.paperAccuracy } : null,
    };
  });
}

export type CorrectedImportRow = { id: number; rawBytes: Buffer; proposal: unknown; doc: WorkbenchDoc };

/**
 * A paper's accepted text imports: the raw bytes, the engine's proposal (its masthead) and the
 * accepted working state. PDF imports are left out: the PDF importer reads a page by its
 * geometry, not with the line labeller a paper's model adjusts.
 */
export async function listCorrectedImports({ paper }: { paper: string }): Promise<CorrectedImportRow[]> {
  return getDb()
    .select({ id: imports.id, rawBytes: imports.rawBytes, proposal: imports.proposal, doc: importWork.doc })
    .from(imports)
    .innerJoin(importWork, eq(importWork.importId, imports.id))
    .where(and(eq(imports.paper, paper), eq(imports.status, "accepted"), isNotNull(importWork.acceptedVersion), isNull(imports.pdfFileId)))
    .orderBy(imports.id);
}

export async function getPaperModel({ paper }: { paper: string }): Promise<PaperModel | undefined> {
  return firstRow(await getDb().select().from(paperModels).where(eq(paperModels.paper, paper)));
}

export type PaperModelValues = { paper: string; model: unknown; pages: number; labAccuracy: number | null; paperAccuracy: number | null; trainedById: number | null };

/** Stores (or replaces) a paper's last training: its layer, or null when none was kept. */
export async function savePaperModel(values: PaperModelValues): Promise<PaperModel> {
  const now = new Date();
  const { paper, ...rest } = values;
  return onlyRow(
    await getDb()
      .insert(paperModels)
      .values({ paper, ...rest, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({ target: paperModels.paper, set: { ...rest, updatedAt: now } })
      .returning(),
  );
}
