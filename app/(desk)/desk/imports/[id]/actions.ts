"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { acceptImportWork } from "@/db/queries/accept-import";
import { getImportById, updateImportMasthead } from "@/db/queries/imports";
import { getImportWork, replaceImportWorkWithEngine } from "@/db/queries/import-work";
import { missingMediaIds } from "@/db/queries/media";
import { photosOfBody } from "@/lib/article-body/photos";
import type { ArticleBody } from "@/lib/article-body/types";
import { audit } from "@/services/audit";
import { modelForPaper } from "@/services/paper-models";
import { rereadPdfImport } from "@/services/pdf-import";
import { requireUser } from "@/services/session";
import type { AcceptPlan } from "@/lib/desk/accept-plan";
import { proposalOf, textOfImport } from "@/lib/desk/import-text";
import { fieldErrorsFrom, runAction } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { ingest } from "@/lib/ingest";
import { importMastheadSchema, type ImportMasthead } from "@/lib/validations/imports";
import { acceptedArticles, fromSegmentation, withPrintedPhotos, workbenchStatus } from "@/lib/workbench";

export type WorkbenchActionResult =
  | { ok: true; message: string; version?: number; redirectTo?: string; confirmed?: number }
  | { ok: false; message: string; stale?: { version: number }; needsConfirm?: boolean; held?: HeldArticle[] };

export type HeldArticle = { id: number; state: string; title: string; changed: string[] };

/** The import and its working state named by an action's input, with the version the client started from. */
async function importAndWork(input: { importId?: unknown; baseVersion?: unknown } | null | undefined) {
  const importId = Number(input?.importId);
  const baseVersion = Number(input?.baseVersion);
  const item = Number.isInteger(importId) && importId > 0 ? await getImportById({ id: importId }) : undefined;
  const work = item ? await getImportWork({ importId }) : undefined;
  if (!item || !work) throw new AppError("not_found");
  if (!Number.isInteger(baseVersion) || baseVersion < 1) throw new AppError("invalid");
  return { importId, baseVersion, item, work };
}

function heldOf(plan: AcceptPlan): HeldArticle[] {
  return plan.held.map((h) => ({ id: h.id, state: h.state, title: h.article.title ?? "", changed: h.changed }));
}

/**
 * Accepts the saved working state (the client saves first, then names that version): the
 * issue, the page and one draft per article. Held articles need `confirm` or `skipHeld`.
 */
export async function acceptImportAction(input: {
  importId: number;
  baseVersion: number;
  confirm?: number[];
  skipHeld?: boolean;
}): Promise<WorkbenchActionResult> {
  return runAction(async () => {
    const user = await requireUser("importPages", "action:acceptImport");
    const t = await getTranslations("workbench");
    const { importId, baseVersion, item, work } = await importAndWork(input);
    const status = workbenchStatus(work.doc);
    if (!status.canAccept) return { ok: false, message: t("acceptBlocked") };
    const confirmed = new Set((Array.isArray(input.confirm) ? input.confirm : []).map(Number).filter(Number.isInteger));
    const accepted = acceptedArticles(work.doc);
    // Captions attached to photos: each photo must be in the library.
    const missing = await missingMediaIds({ ids: accepted.flatMap((a) => photosOfBody(a.body as ArticleBody).map((p) => p.mediaId)) });
    if (missing.length > 0) return { ok: false, message: t("photoMissing", { ids: missing.map((id) => `#${id}`).join("、") }) };
    const outcome = await acceptImportWork({
      importId,
      baseVersion,
      accepted,
      masthead: proposalOf(item).masthead,
      person: { id: user.id, role: user.role, email: user.email },
      confirmed,
      skipHeld: input.skipHeld === true,
    });
    if (!outcome.ok) {
      if (outcome.reason === "stale") return { ok: false, message: t("staleAccept"), stale: { version: outcome.version } };
      if (outcome.reason === "masthead") return { ok: false, message: t("mastheadMissing") };
      return { ok: false, message: t("heldArticles"), held: heldOf(outcome.plan) };
    }
    revalidatePath("/desk/issues", "layout");
    revalidatePath("/desk/articles");
    return {
      ok: true,
      message: t("accepted", { created: outcome.created, updated: outcome.updated, removed: outcome.removed }),
      redirectTo: `/desk/issues/${outcome.issueDate}`,
      version: outcome.version,
      confirmed: outcome.confirmed,
    };
  });
}

/** Runs the engine again on the stored raw bytes. Manual edits are kept as a revision, after the editor agrees. */
export async function rerunEngineAction(input: { importId: number; baseVersion: number; confirm?: boolean }): Promise<WorkbenchActionResult> {
  return runAction(async () => {
    const user = await requireUser("importPages", "action:rerunEngine");
    const t = await getTranslations("workbench");
    const { importId, baseVersion, item, work } = await importAndWork(input);
    if (work.manual && input.confirm !== true) return { ok: false, message: t("rerunConfirm"), needsConfirm: true };
    const hints = { page: item.pageNumber ?? undefined, date: item.issueDate ?? undefined };
    // A PDF import reads its page of the stored PDF again; a text import its raw bytes, with
    // the paper's own model when it has one.
    const proposal =
      item.pdfFileId !== null
        ? await rereadPdfImport({ importId, hints })
        : ingest(new Uint8Array(item.rawBytes), hints, { model: (await modelForPaper(item.paper)).model });
    if (proposal === null || proposal.text !== textOfImport(item)) return { ok: false, message: t("rerunPdfChanged") };
    const result = await replaceImportWorkWithEngine({
      importId,
      baseVersion,
      doc: withPrintedPhotos(fromSegmentation(proposal), proposal),
      proposal,
      articleCount: proposal.articles.length,
      userId: user.id,
    });
    if (!result.ok) return { ok: false, message: t("staleRerun"), stale: { version: result.stale.version } };
    await audit({
      action: "import.rerun",
      actorId: user.id,
      actorEmail: user.email,
      targetType: "import",
      targetId: importId,
      detail: { keptRevision: work.manual, version: result.version },
    });
    return { ok: true, message: t("rerunDone"), version: result.version };
  });
}

export type MastheadActionResult =
  | { ok: true; message: string; version: number; masthead: ImportMasthead }
  | { ok: false; message: string; fieldErrors?: Record<string, string>; stale?: { version: number } };

/**
 * Files the import under another masthead (paper, date, numbers, page, page name), at any time:
 * before correcting, after it, after accepting (the next accept moves its articles there). The
 * import row's version guards against two people changing it at once.
 */
export async function saveImportMastheadAction(input: { importId: number; baseVersion: number; masthead: Record<string, unknown> }): Promise<MastheadActionResult> {
  return runAction(async (t) => {
    const user = await requireUser("importPages", "action:saveImportMasthead");
    const importId = Number(input?.importId);
    const baseVersion = Number(input?.baseVersion);
    if (!Number.isInteger(importId) || importId < 1 || !Number.isInteger(baseVersion) || baseVersion < 1) throw new AppError("invalid");
    const parsed = importMastheadSchema.safeParse(input.masthead ?? {});
    if (!parsed.success) return { ok: false, message: t("errors.invalid"), fieldErrors: fieldErrorsFrom(parsed.error, t) };
    const outcome = await updateImportMasthead({ id: importId, baseVersion, masthead: parsed.data, actor: { id: user.id, email: user.email } });
    if (!outcome.ok) {
      if (outcome.reason === "not_found") throw new AppError("not_found");
      return { ok: false, message: t("workbench.mastheadStale"), stale: { version: outcome.version } };
    }
    revalidatePath(`/desk/imports/${importId}`);
    revalidatePath("/desk/imports");
    return { ok: true, message: t("workbench.mastheadSaved"), version: outcome.item.version, masthead: parsed.data };
  });
}
