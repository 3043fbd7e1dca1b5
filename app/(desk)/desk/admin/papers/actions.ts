"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type ActionState } from "@/lib/action-state";
import { runAction } from "@/lib/actions";
import { audit } from "@/services/audit";
import { retrainPaperModel } from "@/services/paper-models";
import { requireUser } from "@/services/session";

const percent = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);

const retrainSchema = z.object({ paper: z.string().trim().min(1).max(100) });

/** Retrains a paper's own model on every accepted import of it (a few seconds for a few dozen pages). */
export async function retrainPaperModelAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async (t) => {
    const admin = await requireUser("trainPaperModels", "action:retrainPaperModel");
    const parsed = retrainSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { ok: false, message: t("errors.invalid") };
    const { paper } = parsed.data;
    const outcome = await retrainPaperModel({ paper, trainedById: admin.id });
    if (!outcome.ok) return { ok: false, message: t("papers.noPages", { paper }) };
    await audit({
      action: "paper_model.train",
      actorId: admin.id,
      actorEmail: admin.email,
      targetType: "paper",
      targetId: paper,
      detail: { pages: outcome.pages, adopted: outcome.adopted, labAccuracy: outcome.labAccuracy, paperAccuracy: outcome.paperAccuracy },
    });
    revalidatePath("/desk/admin/papers");
    const key = outcome.adopted ? "papers.retrained" : outcome.labAccuracy === null ? "papers.onePage" : "papers.readsWorse";
    return { ok: true, message: t(key, { paper, pages: outcome.pages, lab: percent(outcome.labAccuracy), own: percent(outcome.paperAccuracy) }) };
  });
}
