/*
 * How many reader pages Next renders at once. A render is React on the one JavaScript thread
 * that also answers every cached page and every editor's save, so a crowd of requests that all
 * miss the cache (unique searches, unknown paths) would otherwise run side by side and take that
 * thread from everyone. The gate lets `concurrency` renders run, keeps up to `queue` waiting in
 * arrival order, and turns the rest away at once (scripts/serve.ts answers them 503 with
 * Retry-After), so what waits is bounded and a cached page or a save never queues behind them.
 */

export type RenderGateOptions = { concurrency: number; queue: number };

/** Gives back the slot; calling it again does nothing. */
export type Release = () => void;

type Waiter = { grant: (release: Release) => void; gone: () => boolean };

const NOTHING: Release = () => {};

export class RenderGate {
  private running = 0;
  private readonly waiting: Waiter[] = [];
  private refusedCount = 0;

  constructor(private readonly options: RenderGateOptions) {
    if (!(options.concurrency >= 1) || !(options.queue >= 0)) throw new RangeError("a render gate needs at least one slot and a queue of zero or more");
  }

  /**
   * A slot for one render: at once when one is free, after the renders ahead of it when there is
   * room in the queue, or null (turned away) when the queue is full. `gone` tells whether the
   * reader has left meanwhile: their place goes to the next in line, and they get a release that
   * holds nothing (the caller sees the closed response and stops).
   */
  enter(gone: () => boolean = () => false): Promise<Release | null> {
    if (this.running < this.options.concurrency) return Promise.resolve(this.take());
    this.forgetGone();
    if (this.waiting.length >= this.options.queue) {
      this.refusedCount += 1;
      return Promise.resolve(null);
    }
    return new Promise<Release | null>((grant) => this.waiting.push({ grant, gone }));
  }

  get stats(): { running: number; waiting: number; refused: number } {
    return { running: this.running, waiting: this.waiting.length, refused: this.refusedCount };
  }

  private take(): Release {
    this.running += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running -= 1;
      this.admit();
    };
  }

  private admit(): void {
    while (this.running < this.options.concurrency) {
      const waiter = this.waiting.shift();
      if (!waiter) return;
      waiter.grant(waiter.gone() ? NOTHING : this.take());
    }
  }

  private forgetGone(): void {
    for (let i = this.waiting.length - 1; i >= 0; i--) {
      const waiter = this.waiting[i] as Waiter;
      if (!waiter.gone()) continue;
      this.waiting.splice(i, 1);
      waiter.grant(NOTHING);
    }
  }
}
