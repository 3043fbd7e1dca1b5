"use server";

import { redirect } from "next/navigation";
import { getLatestImportForPage, insertImportOfBytes } from "@/db/queries/imports";
import { keepValues, type ActionState } from "@/lib/action-state";
import { fieldErrorsFrom, runAction } from "@/lib/actions";
import { cutToChars } from "@/lib/text-length";
import { audit } from "@/services/audit";
import { modelForPaper } from "@/services/paper-models";
import { requireUser } from "@/services/session";
import { ingest, IngestError, MAX_INPUT_BYTES } from "@/lib/ingest";
import { importMastheadSchema, MASTHEAD_FIELDS } from "@/lib/validations/imports";

/** Stores the bytes exactly as received with the engine's proposal; refuses bad input before writing anything. */
export async function createImportAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let createdId: number | undefined;
  const state = await runAction(async (t) => {
    const user = await requireUser("importPages", "action:createImport");
    const values = keepValues(formData, [...MASTHEAD_FIELDS, "text"]);
    const refuse = (message: string): ActionState => ({ ok: false, message, values });

    const file = formData.get("file");
    const upload = file instanceof File && file.size > 0 ? file : null;
    const text = typeof formData.get("text") === "string" ? String(formData.get("text")) : "";
    if (upload && upload.size > MAX_INPUT_BYTES) return refuse(t("imports.errors.too_large"));
    const bytes = upload ? new Uint8Array(await upload.arrayBuffer()) : new TextEncoder().encode(text);

    const masthead = importMastheadSchema.safeParse(Object.fromEntries(formData));
    if (!masthead.success) return { ok: false, fieldErrors: fieldErrorsFrom(masthead.error, t), values };
    const m = masthead.data;

    let proposal;
    try {
      // A paper Folio has learned from its editors' corrections is read with its own model.
      proposal = ingest(bytes, { page: m.pageNumber ?? undefined, date: m.issueDate ?? undefined }, { model: (await modelForPaper(m.paper)).model });
    } catch (e) {
      if (e instanceof IngestError) return refuse(t(`imports.errors.${e.code}`));
      throw e;
    }

    const superseded = await getLatestImportForPage({ issueDate: m.issueDate, pageNumber: m.pageNumber });
    const created = await insertImportOfBytes({
      bytes,
      proposal,
      masthead: m,
      fileName: upload ? cutToChars(upload.name, 255) : null,
      supersedesId: superseded?.id ?? null,
      createdById: user.id,
    });
    await audit({
      action: "import.create",
      actorId: user.id,
      actorEmail: user.email,
      targetType: "import",
      targetId: created.id,
      detail: { issueDate: m.issueDate, page: m.pageNumber, bytes: bytes.length, supersedes: superseded?.id ?? null },
    });
    createdId = created.id;
    return { ok: true };
  });
  // Outside runAction: redirect() works by throwing.
  if (createdId !== undefined) redirect(`/desk/imports/${createdId}`);
  return state;
}
