import { getImportById } from "@/db/queries/imports";
import { getImportWork, saveImportWork } from "@/db/queries/import-work";
import { audit } from "@/services/audit";
import { requireUser } from "@/services/session";
import { AppError } from "@/lib/errors";
import { assertSameOrigin, handleRoute, readJson } from "@/lib/http/route";
import { textOfImport } from "@/lib/desk/import-text";
import { IMPORT_WORK_BODY_BYTES } from "@/lib/limits";
import { parseWorkbenchDoc } from "@/lib/workbench";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

async function importOf(id: string) {
  const importId = Number(id);
  const item = Number.isInteger(importId) && importId > 0 ? await getImportById({ id: importId }) : undefined;
  if (!item) throw new AppError("not_found");
  return item;
}

/** The saved working state: a second tab, or an editor whose save was stale, reloads it. */
export function GET(_request: Request, { params }: Params) {
  return handleRoute(async () => {
    await requireUser("importPages", "route:GET /api/imports/[id]/work");
    const item = await importOf((await params).id);
    const work = await getImportWork({ importId: item.id });
    if (!work) throw new AppError("not_found");
    return Response.json(
      { version: work.version, doc: work.doc, savedByName: work.savedByName, savedAt: work.updatedAt.toISOString() },
      { headers: { "cache-control": "no-store" } },
    );
  });
}

/** Autosave: `{ baseVersion, doc }`. A save based on an older version is refused (409) with who saved last. */
export function PUT(request: Request, { params }: Params) {
  return handleRoute(async () => {
    assertSameOrigin(request);
    const user = await requireUser("importPages", "route:PUT /api/imports/[id]/work");
    const item = await importOf((await params).id);
    const input = (await readJson(request, IMPORT_WORK_BODY_BYTES)) as { baseVersion?: unknown; doc?: unknown } | null;
    const baseVersion = input?.baseVersion;
    if (typeof baseVersion !== "number" || !Number.isInteger(baseVersion) || baseVersion < 1) {
      throw new AppError("invalid", "baseVersion must be a positive integer.");
    }
    const parsed = parseWorkbenchDoc(input?.doc, textOfImport(item).length);
    if (!parsed.ok) throw new AppError("invalid", parsed.message);
    const result = await saveImportWork({ importId: item.id, baseVersion, doc: parsed.doc, userId: user.id });
    if (!result.ok) {
      await audit({
        action: "import.work.stale",
        actorId: user.id,
        actorEmail: user.email,
        targetType: "import",
        targetId: item.id,
        detail: { baseVersion, current: result.stale.version },
      });
      return Response.json(
        {
          error: "conflict",
          version: result.stale.version,
          savedByName: result.stale.savedByName,
          savedAt: result.stale.savedAt.toISOString(),
        },
        { status: 409, headers: { "cache-control": "no-store" } },
      );
    }
    return Response.json({ version: result.version, savedAt: result.savedAt.toISOString() }, { headers: { "cache-control": "no-store" } });
  });
}
