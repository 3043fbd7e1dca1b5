import "server-only";
import { claimMediaJob, completeMediaJob, failMediaJob } from "@/db/queries/media";
import type { Media } from "@/db/schema";
import { filePath, originalPath } from "@/lib/media/paths";
import { makeRenditions } from "./renditions";
import { mediaStore, type MediaStore } from "./store";

/*
 * The processing job queue, in the server process and off the request path: an upload stores the
 * original and its row (status "processing") and returns; this loop makes the sizes and marks the
 * photo ready. The queue is the media table itself: a photo is taken with a lease (one UPDATE), so
 * several app processes can share the work, and a photo whose process died mid-job is taken again
 * once its lease runs out. sharp works on libuv's threads, one photo at a time here, so readers'
 * requests keep the event loop (bench/media.ts measures their p99 during uploads).
 */

/** Long enough for a 100-megapixel photo on a busy machine; a dead process's photo waits this long. */
const LEASE_MS = 3 * 60_000;
/** How often an idle process looks for photos another process uploaded (or one that died left). */
const POLL_MS = 10_000;
/** A photo that fails for reasons other than its own bytes (the disk) is tried this often. */
const MAX_ATTEMPTS = 3;

type Queue = { running: Promise<void> | null; again: boolean; timer: ReturnType<typeof setInterval> | null };
// On globalThis: Next may load this module once per bundle (route handlers, instrumentation).
const holder = globalThis as unknown as { folioMediaJobs?: Queue };
const queue = (holder.folioMediaJobs ??= { running: null, again: false, timer: null });

class UnreadablePhoto extends Error {}

/** Makes and stores one photo's sizes, then records them and marks it ready (or failed). */
export async function processMediaJob(job: Media, store: MediaStore = mediaStore()): Promise<"ready" | "failed" | "retry"> {
  try {
    const original = await store.read(originalPath(job.sha256, job.format)).catch((e: NodeJS.ErrnoException) => {
      throw e.code === "ENOENT" ? new UnreadablePhoto("the original file is missing from the media folder") : e;
    });
    const renditions = await makeRenditions(original, job.format).catch((e: unknown) => {
      throw new UnreadablePhoto(e instanceof Error ? e.message : String(e));
    });
    for (const r of renditions) await store.put(filePath(r.name), r.data);
    await completeMediaJob({ id: job.id, files: renditions.map(({ name, format, width, height, bytes }) => ({ name, format, width, height, bytes })) });
    return "ready";
  } catch (e) {
    // Its own bytes will not get better; a full disk or a busy database may.
    if (e instanceof UnreadablePhoto || job.attempts >= MAX_ATTEMPTS) {
      console.error(`media ${job.id}: processing failed:`, e instanceof Error ? e.message : e);
      await failMediaJob({ id: job.id, failure: e instanceof Error ? e.message.slice(0, 500) : "processing failed" });
      return "failed";
    }
    console.error(`media ${job.id}: processing interrupted, will retry:`, e);
    return "retry";
  }
}

async function drain(store: MediaStore): Promise<void> {
  for (;;) {
    queue.again = false;
    let job: Media | undefined;
    try {
      job = await claimMediaJob({ leaseMs: LEASE_MS });
    } catch (e) {
      console.error("media jobs: cannot claim a job:", e);
      return;
    }
    if (!job) {
      if (queue.again) continue;
      return;
    }
    await processMediaJob(job, store);
  }
}

/**
 * Runs the queue until no photo waits; an upload calls this so its photo starts at once. Returns
 * the run under way (tests and the seed await it).
 */
export function kickMediaJobs(store?: MediaStore): Promise<void> {
  if (queue.running) {
    queue.again = true;
    return queue.running;
  }
  queue.running = drain(store ?? mediaStore()).finally(() => {
    queue.running = null;
  });
  return queue.running;
}

/** Starts the queue with the server: photos left waiting by a restart, then a look every few seconds. */
export function startMediaJobs(): void {
  if (queue.timer) return;
  queue.timer = setInterval(() => void kickMediaJobs(), POLL_MS);
  queue.timer.unref?.();
  void kickMediaJobs();
}
