import { renderRobots } from "@/lib/public";
import { PUBLIC_CACHE_CONTROL } from "../_lib/cache";
import { siteUrlFromRequestHeaders } from "../_lib/site";
import { textResponse } from "../_lib/text-response";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return textResponse(request, renderRobots(siteUrlFromRequestHeaders(request.headers)), "text/plain; charset=utf-8", PUBLIC_CACHE_CONTROL.robots);
}
