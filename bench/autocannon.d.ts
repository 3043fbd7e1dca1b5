// The part of autocannon 9's API bench/load.ts uses (the package ships no types).
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  type Histogram = { average: number; mean: number; p50: number; p90: number; p99: number; max: number; total: number };
  export type Result = {
    requests: Histogram & { sent: number };
    latency: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    duration: number;
    statusCodeStats: Record<string, { count: number }>;
  };
  export type Options = {
    url: string;
    connections?: number;
    /** Seconds. */
    duration?: number;
    /** Seconds a request may take before it counts as a timeout (an error). */
    timeout?: number;
    requests?: {
      method?: string;
      path: string;
      headers?: Record<string, string>;
      /** Called before every request: rewrites it (a new path each time, say). */
      setupRequest?: (request: { path: string }) => { path: string };
    }[];
  };
  /** Emits `response` (client, statusCode, bytes, ms) and `reqError` (error) for every request; a promise of the totals. */
  export type Tracker = EventEmitter & PromiseLike<Result> & { stop(): void };
  export default function autocannon(options: Options): Tracker;
}
