/*
 * How many reader pages are rendered at once, and for whom. Whatever misses the page cache
 * (a page after a publish, a search nobody asked before, an unknown path) costs tens of
 * milliseconds of React and SQLite, and a stranger can ask for such pages as fast as they like.
 * The gate lets `concurrency` renders run and keeps up to `queue` waiting in arrival order; one
 * client (an address) may hold at most `perClient` of those places, so one attacker's connections
 * queue behind each other and not in front of every other reader. Whoever finds no place is turned
 * away at once (the public page server answers 503 with Retry-After): what waits stays bounded,
 * and a cached page, the desk and the sign-in never wait here at all.
 */

export type RenderGateOptions = { concurrency: number; queue: number; perClient?: number };

/** Gives back the place; calling it again does nothing. */
export type Release = () => void;

type Waiter = { client: string; grant: (release: Release) => void; gone: () => boolean };

const NOTHING: Release = () => {};

export class RenderGate {
  private running = 0;
  private readonly waiting: Waiter[] = [];
  /** Places (running and waiting) held by each client. */
  private readonly held = new Map<string, number>();
  private refusedCount = 0;

  constructor(private readonly options: RenderGateOptions) {
    if (!(options.concurrency >= 1) || !(options.queue >= 0) || !((options.perClient ?? 1) >= 1)) {
      throw new RangeError("a render gate needs at least one slot, a queue of zero or more and a place per client");
    }
  }

  /**
   * A place for one render of `client`: at once when a slot is free, after the renders ahead of it
   * when there is room in the queue, or null (turned away) when the queue or the client's share is
   * full. `gone` tells whether the reader has left meanwhile: their place goes to the next in line,
   * and they get a release that holds nothing (the caller sees the closed response and stops).
   */
  enter(client: string, gone: () => boolean = () => false): Promise<Release | null> {
    this.forgetGone();
    if ((this.held.get(client) ?? 0) >= (this.options.perClient ?? Infinity)) return this.refuse();
    if (this.running < this.options.concurrency) return Promise.resolve(this.take(client));
    if (this.waiting.length >= this.options.queue) return this.refuse();
    this.hold(client, 1);
    return new Promise<Release | null>((grant) => this.waiting.push({ client, grant, gone }));
  }

  /** Readers who left while waiting are not counted (their places are given up first). */
  get stats(): { running: number; waiting: number; refused: number } {
    this.forgetGone();
    return { running: this.running, waiting: this.waiting.length, refused: this.refusedCount };
  }

  private refuse(): Promise<null> {
    this.refusedCount += 1;
    return Promise.resolve(null);
  }

  private hold(client: string, delta: number): void {
    const n = (this.held.get(client) ?? 0) + delta;
    if (n > 0) this.held.set(client, n);
    else this.held.delete(client);
  }

  /** A running slot for `client`, who already holds a waiting place when `waited`. */
  private take(client: string, waited = false): Release {
    this.running += 1;
    if (!waited) this.hold(client, 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running -= 1;
      this.hold(client, -1);
      this.admit();
    };
  }

  private admit(): void {
    while (this.running < this.options.concurrency) {
      const waiter = this.waiting.shift();
      if (!waiter) return;
      if (waiter.gone()) {
        this.hold(waiter.client, -1);
        waiter.grant(NOTHING);
      } else waiter.grant(this.take(waiter.client, true));
    }
  }

  private forgetGone(): void {
    for (let i = this.waiting.length - 1; i >= 0; i--) {
      const waiter = this.waiting[i] as Waiter;
      if (!waiter.gone()) continue;
      this.waiting.splice(i, 1);
      this.hold(waiter.client, -1);
      waiter.grant(NOTHING);
    }
  }
}
