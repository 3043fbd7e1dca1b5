"use server";

import { revalidatePath } from "next/cache";
import { deleteImport, setImportArchived } from "@/db/queries/imports";
import type { ActionState } from "@/lib/action-state";
import { runAction } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { requireUser } from "@/services/session";

function importIdFrom(formData: FormData): number {
  const id = Number(formData.get("importId"));
  if (!Number.isInteger(id) || id < 1) throw new AppError("not_found");
  return id;
}

/** Hides an abandoned import from the list (archived = "1"), or brings it back; nothing is lost either way. */
export async function archiveImportAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async (t) => {
    const user = await requireUser("importPages", "action:archiveImport");
    const archived = formData.get("archived") === "1";
    const outcome = await setImportArchived({ id: importIdFrom(formData), archived, actor: { id: user.id, email: user.email } });
    if (!outcome.ok) {
      if (outcome.reason === "not_found") throw new AppError("not_found");
      return { ok: false, message: t("imports.cannotAbandonAccepted") };
    }
    revalidatePath("/desk/imports");
    return { ok: true, message: t(archived ? "imports.archivedDone" : "imports.unarchivedDone") };
  });
}

/** Deletes an abandoned import; its raw text is written into the audit entry first. */
export async function deleteImportAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async (t) => {
    const user = await requireUser("importPages", "action:deleteImport");
    const outcome = await deleteImport({ id: importIdFrom(formData), actor: { id: user.id, email: user.email } });
    if (!outcome.ok) {
      if (outcome.reason === "not_found") throw new AppError("not_found");
      return { ok: false, message: t("imports.cannotAbandonAccepted") };
    }
    revalidatePath("/desk/imports");
    return { ok: true, message: t("imports.deletedDone") };
  });
}
