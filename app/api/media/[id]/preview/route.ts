import { getMediaById } from "@/db/queries/media";
import { AppError } from "@/lib/errors";
import { handleRoute } from "@/lib/http/route";
import { mediaPreviewResponse } from "@/services/media/serve";
import { requireUser } from "@/services/session";

export const dynamic = "force-dynamic";

/** The small picture of a photo the desk shows (the editor's photo node, the library, the picker); 404 while it is processed. */
export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleRoute(async () => {
    await requireUser("openArticles", "route:GET /api/media/[id]/preview");
    const id = Number((await params).id);
    const photo = Number.isSafeInteger(id) && id > 0 ? await getMediaById({ id }) : undefined;
    if (!photo) throw new AppError("not_found");
    return await mediaPreviewResponse(request, photo);
  });
}
