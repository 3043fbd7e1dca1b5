// autocannon ships no types: the part of its API the benchmarks use.
declare module "autocannon" {
  type Stats = { average: number; mean: number; stddev: number; min: number; max: number; p50: number; p90: number; p99: number; total: number };
  type Options = { url: string; connections?: number; duration?: number; amount?: number; headers?: Record<string, string>; timeout?: number };
  type Result = {
    requests: Stats;
    latency: Stats;
    throughput: Stats;
    errors: number;
    timeouts: number;
    non2xx: number;
    duration: number;
    "2xx": number;
  };
  function autocannon(options: Options): Promise<Result> & { stop?: () => void };
  export = autocannon;
}
