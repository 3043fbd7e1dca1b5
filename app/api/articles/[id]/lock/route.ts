import { releaseLock } from "@/db/queries/article-locks";
import { requireUser } from "@/services/session";
import { AppError } from "@/lib/errors";
import { assertSameOrigin, handleRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/**
 * A leaving editor's page releases its soft lock with navigator.sendBeacon (a POST that
 * outlives the page; a server action cannot). Only the signed-in person's own lock goes.
 */
export function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleRoute(async () => {
    assertSameOrigin(request);
    const user = await requireUser("workOnArticles", "route:POST /api/articles/[id]/lock");
    const articleId = Number((await params).id);
    if (!Number.isInteger(articleId) || articleId < 1) throw new AppError("not_found");
    await releaseLock({ articleId, userId: user.id });
    return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
  });
}
