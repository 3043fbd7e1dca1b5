/**
 * Starts, once per server process (Node only, not the edge runtime), the scheduled-publishing
 * clock and the photo processing queue (photos left waiting by a restart are taken up at once).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startScheduler } = await import("./services/scheduler");
  startScheduler();
  const { startMediaJobs } = await import("./services/media/jobs");
  startMediaJobs();
}
