import { describe, expect, it } from "vitest";
import { RenderGate, type Release } from "./render-gate";

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("the render gate", () => {
  it("runs up to `concurrency` at once, queues up to `queue`, turns the rest away", async () => {
    const gate = new RenderGate({ concurrency: 2, queue: 2 });
    const a = await gate.enter("a");
    const b = await gate.enter("b");
    expect(a).toBeTypeOf("function");
    expect(b).toBeTypeOf("function");
    const order: string[] = [];
    const c = gate.enter("c").then((r) => (order.push("c"), r));
    const d = gate.enter("d").then((r) => (order.push("d"), r));
    expect(await gate.enter("e")).toBeNull();
    expect(gate.stats).toEqual({ running: 2, waiting: 2, refused: 1 });

    a!();
    a!(); // twice: still one slot given back
    await tick();
    expect(order).toEqual(["c"]);
    expect(gate.stats).toMatchObject({ running: 2, waiting: 1 });
    b!();
    await tick();
    expect(order).toEqual(["c", "d"]);
    (await c)!();
    (await d)!();
    expect(gate.stats).toMatchObject({ running: 0, waiting: 0 });
  });

  it("gives one client at most `perClient` places, running and waiting together, so others still find one", async () => {
    const gate = new RenderGate({ concurrency: 1, queue: 4, perClient: 2 });
    const first = (await gate.enter("attacker")) as Release;
    const second = gate.enter("attacker");
    // The attacker's third request is turned away although the queue has room…
    expect(await gate.enter("attacker")).toBeNull();
    // …which is there for a reader, who waits behind the attacker's two, not behind dozens.
    const reader = gate.enter("reader");
    expect(gate.stats).toMatchObject({ running: 1, waiting: 2, refused: 1 });
    first();
    (await second)!();
    const readerRelease = await reader;
    expect(readerRelease).toBeTypeOf("function");
    // With a place given back, the attacker may ask again.
    const again = gate.enter("attacker");
    readerRelease!();
    expect(await again).toBeTypeOf("function");
  });

  it("gives a queued reader's place to the next when they have left", async () => {
    const gate = new RenderGate({ concurrency: 1, queue: 1 });
    const first = (await gate.enter("a")) as Release;
    let left = false;
    const leaving = gate.enter("b", () => left);
    left = true;
    // The queue is full of someone who has gone: a newcomer takes their place instead of being turned away.
    const newcomer = gate.enter("c");
    const nobody = await leaving;
    nobody!();
    expect(gate.stats).toMatchObject({ running: 1, waiting: 1, refused: 0 });
    first();
    const granted = await newcomer;
    expect(granted).toBeTypeOf("function");
    expect(gate.stats).toMatchObject({ running: 1, waiting: 0 });
    granted!();
    expect(gate.stats.running).toBe(0);
  });

  it("with no queue, turns away everything beyond the running renders", async () => {
    const gate = new RenderGate({ concurrency: 1, queue: 0 });
    const only = await gate.enter("a");
    expect(await gate.enter("b")).toBeNull();
    only!();
    expect(await gate.enter("b")).toBeTypeOf("function");
  });
});
