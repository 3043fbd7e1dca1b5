import { mediaFileResponse } from "@/services/media/serve";

export const dynamic = "force-dynamic";

/**
 * A photo file for the reader's pages. Anyone may ask; services/media/serve.ts sends it only while
 * a published article shows the photo (the newsroom's people always), and checks that on every request.
 */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  return await mediaFileResponse(request, (await params).file);
}
