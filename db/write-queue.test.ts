import { describe, expect, it } from "vitest";
import { WriteQueue } from "./write-queue";

const tick = () => new Promise((r) => setTimeout(r, 1));

describe("WriteQueue", () => {
  it("never lets two pieces of work overlap, and keeps their order", async () => {
    const queue = new WriteQueue();
    const log: string[] = [];
    let running = 0;
    let most = 0;
    const piece = (name: string) =>
      queue.run(async () => {
        running += 1;
        most = Math.max(most, running);
        log.push(`${name} begin`);
        await tick();
        await tick();
        log.push(`${name} end`);
        running -= 1;
        return name;
      });
    const results = await Promise.all([piece("a"), piece("b"), piece("c")]);
    expect(results).toEqual(["a", "b", "c"]);
    expect(most).toBe(1);
    expect(log).toEqual(["a begin", "a end", "b begin", "b end", "c begin", "c end"]);
  });

  it("goes on after a failure, which only its own caller sees", async () => {
    const queue = new WriteQueue();
    const failed = queue.run(async () => {
      await tick();
      throw new Error("boom");
    });
    const next = queue.run(async () => "next");
    await expect(failed).rejects.toThrow("boom");
    await expect(next).resolves.toBe("next");
    expect(queue.length).toBe(0);
  });
});
