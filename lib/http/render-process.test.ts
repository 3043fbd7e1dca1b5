import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { forwardTo } from "./render-process";

const servers: http.Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

async function listen(handler: http.RequestListener): Promise<number> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return (server.address() as AddressInfo).port;
}

const agent = new http.Agent({ keepAlive: false });

describe("forwarding renders to the render process", () => {
  it("passes the request on with its host and the client's address, and the answer back as it came", async () => {
    const seen: http.IncomingHttpHeaders[] = [];
    const renderer = await listen((req, res) => {
      seen.push(req.headers);
      res.writeHead(404, { "content-type": "text/html; charset=utf-8", "set-cookie": ["a=1", "b=2"], "x-from": "renderer" });
      res.end(`<p>${req.method} ${req.url}</p>`);
    });
    const fallback: http.RequestListener = (_req, res) => res.end("fallback");
    const front = await listen(forwardTo({ port: () => renderer, agent }, fallback));
    // node:http, not fetch: fetch does not let a caller name the Host.
    const res = await new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
      const req = http.get({ port: front, path: "/search?q=%E8%8D%A3", headers: { host: "news.example.cn", "x-forwarded-proto": "https" }, agent }, (answer) => {
        let body = "";
        answer.on("data", (chunk: Buffer) => (body += chunk.toString()));
        answer.on("end", () => resolve({ status: answer.statusCode ?? 0, headers: answer.headers, body }));
      });
      req.on("error", reject);
    });
    expect(res.status).toBe(404);
    expect(res.body).toBe("<p>GET /search?q=%E8%8D%A3</p>");
    expect(res.headers["x-from"]).toBe("renderer");
    expect(res.headers["set-cookie"]).toEqual(["a=1", "b=2"]);
    expect(seen[0]).toMatchObject({ host: "news.example.cn", "x-forwarded-proto": "https", "x-forwarded-for": "127.0.0.1" });
  });

  it("renders in this process while the render process is not there", async () => {
    const fallback: http.RequestListener = (_req, res) => res.end("rendered here");
    const closed = await listen(() => {});
    servers.pop()!.close();
    for (const port of [() => null, () => closed]) {
      const front = await listen(forwardTo({ port, agent }, fallback));
      expect(await (await fetch(`http://127.0.0.1:${front}/`)).text()).toBe("rendered here");
    }
  });
});
