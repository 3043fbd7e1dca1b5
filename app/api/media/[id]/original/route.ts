import { getMediaById } from "@/db/queries/media";
import { AppError } from "@/lib/errors";
import { handleRoute } from "@/lib/http/route";
import { audit } from "@/services/audit";
import { mediaOriginalResponse } from "@/services/media/serve";
import { requireUser } from "@/services/session";

export const dynamic = "force-dynamic";

/** The original file as uploaded, for the archive (metadata and GPS included): the photo desk only. */
export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleRoute(async () => {
    const user = await requireUser("managePhotos", "route:GET /api/media/[id]/original");
    const id = Number((await params).id);
    const photo = Number.isSafeInteger(id) && id > 0 ? await getMediaById({ id }) : undefined;
    if (!photo) throw new AppError("not_found");
    await audit({ action: "media.original", actorId: user.id, actorEmail: user.email, targetType: "media", targetId: photo.id });
    return await mediaOriginalResponse(request, photo);
  });
}
