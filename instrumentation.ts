/** Starts the scheduled-publishing clock once per server process (Node only, not the edge runtime). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startScheduler } = await import("./services/scheduler");
  startScheduler();
}
