import "server-only";
import { getPaperModel, listCorrectedImports, savePaperModel } from "@/db/queries/paper-models";
import type { Segmentation } from "@/lib/ingest";
import { baseModel } from "@/lib/ingest/model/base";
import { addLayer, modelFromJson, modelToJson, type Model, type ModelJson } from "@/lib/ingest/model/model";
import { correctionExamples, paperLayer } from "@/lib/ingest/model/paper";
import { correctedPageOf } from "@/lib/workbench/corrections";

/**
 * Each paper's own model: the lab model plus a layer trained on the paper's accepted
 * imports. Retraining reads every accepted import of the paper again (their raw bytes and
 * the accepted working state) and replaces the layer, kept when it reads the paper's
 * corrected pages no worse than the lab model (lib/ingest/model/paper.ts `adopts`); imports of the
 * paper are read with it from then on.
 */
export type RetrainOutcome =
  | { ok: true; pages: number; adopted: boolean; labAccuracy: number | null; paperAccuracy: number | null }
  | { ok: false; reason: "no_pages" };

export async function retrainPaperModel({ paper, trainedById }: { paper: string; trainedById: number | null }): Promise<RetrainOutcome> {
  const rows = await listCorrectedImports({ paper });
  const examples = correctionExamples(
    rows.map((r) => ({
      bytes: new Uint8Array(r.rawBytes),
      page: correctedPageOf(r.doc, (r.proposal as Pick<Segmentation, "mastheadSpans">).mastheadSpans ?? []),
    })),
  );
  if (examples.length === 0) return { ok: false, reason: "no_pages" };
  const { layer, check } = paperLayer(baseModel(), examples, { paper, imports: rows.map((r) => r.id) });
  const outcome = { pages: examples.length, labAccuracy: check?.lab ?? null, paperAccuracy: check?.paper ?? null };
  await savePaperModel({ paper, model: layer ? modelToJson(layer) : null, trainedById, ...outcome });
  cache.delete(paper);
  return { ok: true, adopted: layer !== null, ...outcome };
}

const cache = new Map<string, { stamp: number; model: Model }>();

/** The model to read a page of `paper` with: its own when it has one, else the lab model. */
export async function modelForPaper(paper: string | null | undefined): Promise<{ model: Model; paperPages: number | null }> {
  if (!paper) return { model: baseModel(), paperPages: null };
  const row = await getPaperModel({ paper });
  if (!row || row.model == null) return { model: baseModel(), paperPages: null };
  const stamp = row.updatedAt.getTime();
  let hit = cache.get(paper);
  if (!hit || hit.stamp !== stamp) {
    hit = { stamp, model: addLayer(baseModel(), modelFromJson(row.model as ModelJson)) };
    cache.set(paper, hit);
  }
  return { model: hit.model, paperPages: row.pages };
}
