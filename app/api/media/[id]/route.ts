import { getMediaById } from "@/db/queries/media";
import { AppError } from "@/lib/errors";
import { handleRoute } from "@/lib/http/route";
import { mediaSummary } from "@/services/media/summary";
import { requireUser } from "@/services/session";

export const dynamic = "force-dynamic";

/** One photo as the desk sees it: the upload form polls this until the photo is ready. */
export function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleRoute(async () => {
    await requireUser("openArticles", "route:GET /api/media/[id]");
    const id = Number((await params).id);
    const photo = Number.isSafeInteger(id) && id > 0 ? await getMediaById({ id }) : undefined;
    if (!photo) throw new AppError("not_found");
    return Response.json({ photo: mediaSummary(photo), failure: photo.failure }, { headers: { "cache-control": "no-store" } });
  });
}
