import { isDatabaseReady } from "@/db/queries/health";

export const dynamic = "force-dynamic";

/** For scripts and load balancers: 200 once the database is open and migrated. */
export async function GET() {
  const ok = await isDatabaseReady();
  return Response.json({ ok }, { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
