import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { readBytes, readJson } from "./route";

/** A POST whose body stream fails after its first chunk, as Node's does when the browser goes away. */
function abandoned(): Request {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"doc":'));
      controller.error(Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
    },
  });
  return new Request("http://localhost/api/x", { method: "PUT", body, duplex: "half" } as RequestInit);
}

describe("reading a request's body", () => {
  it("a body cut off mid-way is refused as invalid input, not reported as a busy database", async () => {
    for (const read of [() => readJson(abandoned(), 1000), () => readBytes(abandoned(), 1000)]) {
      const error = await read().then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("invalid");
      expect((error as AppError).message).toMatch(/cut off.*aborted/);
    }
  });

  it("a whole body is read", async () => {
    const request = () => new Request("http://localhost/api/x", { method: "PUT", body: '{"a":1}' });
    expect(await readJson(request(), 1000)).toEqual({ a: 1 });
    expect((await readBytes(request(), 1000)).toString()).toBe('{"a":1}');
  });
});
