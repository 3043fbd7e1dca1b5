/**
 * First come, first served: each piece of work starts when the one before it has finished
 * (resolved or failed). On SQLite it holds the one writer connection for a transaction from
 * BEGIN to COMMIT, or for one write outside any transaction, so no two interleave (db/README.md).
 */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  run<T>(work: () => Promise<T>): Promise<T> {
    this.waiting += 1;
    const result = this.tail.then(work).finally(() => {
      this.waiting -= 1;
    });
    // The next piece waits for this one whatever its outcome; the caller alone sees the error.
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Pieces of work started or waiting (for tests and diagnostics). */
  get length(): number {
    return this.waiting;
  }
}
