import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/*
 * The public renders' own process. A reader's page that misses the cache is rendered by React on
 * a JavaScript thread; in the one server process that thread also answers every cached page and
 * every editor's save, so a stranger asking for pages nobody asked before (unique searches, each
 * tens of milliseconds of React and SQLite) took it from everyone, however few renders ran at once.
 * scripts/serve.ts therefore starts a second Next server for them, at a lower CPU priority (nice),
 * and forwards them there: the operating system's scheduler then serves readers and editors first,
 * and the renders use what is left, all of it when the machine is otherwise idle.
 */

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

/** Connection headers of this hop, not passed on (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer"]);

const withoutHopByHop = (headers: http.IncomingHttpHeaders) => Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name)));

/**
 * A handler that forwards a request to the render process on `port` (loopback) and sends its
 * answer back as it comes. The request keeps its Host and the forwarding headers scripts/serve.ts
 * has already made trustworthy; the client's address is added when no trusted proxy gave one, so
 * that the render process sees the reader rather than this process. When the render process
 * cannot be reached (it is restarting), `fallback` renders the request here instead.
 */
export function forwardTo({ port, agent }: { port: () => number | null; agent: http.Agent }, fallback: Handler): Handler {
  return (req, res) => {
    const target = port();
    if (target === null) return fallback(req, res);
    const headers = withoutHopByHop(req.headers);
    headers["x-forwarded-for"] ??= req.socket.remoteAddress;
    const upstream = http.request({ host: "127.0.0.1", port: target, method: req.method, path: req.url, headers, agent });
    let answered = false;
    upstream.on("response", (answer) => {
      answered = true;
      res.writeHead(answer.statusCode ?? 502, withoutHopByHop(answer.headers));
      answer.on("data", (chunk: Buffer) => res.write(chunk));
      answer.on("end", () => res.end());
      answer.on("error", () => res.destroy());
    });
    upstream.on("error", (e: NodeJS.ErrnoException) => {
      // Not reached at all: render it here. Cut off mid-answer: the reader's connection is cut too.
      if (!answered && !res.headersSent && (e.code === "ECONNREFUSED" || e.code === "ECONNRESET")) return void fallback(req, res);
      if (!res.headersSent) {
        res.writeHead(502, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
        res.end("The page could not be rendered. Please reload.\n");
      } else res.destroy();
    });
    // The reader left: the render process stops rendering for nobody.
    res.once("close", () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  };
}

export type RenderProcess = {
  /** The port it listens on (loopback), or null while it is starting or restarting; the first call starts it. */
  port: () => number | null;
  stop: () => Promise<void>;
};

/**
 * Starts `node <execArgv> <script> <args>` under `nice -n <nice>` when it is first asked for (the
 * first public render: a server that only serves the desk, or is restarted after a crash, does not
 * pay for it), which tells its port over IPC ({ renderProcessPort }) once it listens, and starts it
 * again a second after it dies.
 */
export function startRenderProcess({ script, args, nice }: { script: string; args: string[]; nice: number }): RenderProcess {
  let port: number | null = null;
  let child: ChildProcess | null = null;
  let stopping = false;
  let withNice = true;

  const launch = () => {
    const node = [process.execPath, ...process.execArgv, script, ...args];
    // nice(1) execs node: the whole process, every thread of it, runs at the lower priority from its
    // first instruction. In a session of its own (detached), because Linux schedules each session as
    // one group ("autogroup", on by default on desktops and shared machines): within the server's
    // session its renders would still be charged to the server's share of the CPU. Its session gets
    // the same nice value. It ends with the server all the same: see serveRenders.
    const [command, ...rest] = withNice ? ["nice", "-n", String(nice), ...node] : node;
    const started = spawn(command as string, rest, { stdio: ["ignore", "inherit", "inherit", "ipc"], detached: true });
    child = started;
    if (started.pid !== undefined) {
      // Without nice(1), the process's main thread (the one that renders) is lowered right away.
      if (!withNice) lowerProcessPriority(started.pid, nice);
      lowerSessionPriority(started.pid, nice);
    }
    started.on("message", (message: { renderProcessPort?: unknown }) => {
      if (typeof message?.renderProcessPort !== "number") return;
      port = message.renderProcessPort;
    });
    started.on("error", (e: NodeJS.ErrnoException) => {
      child = null;
      if (withNice && e.code === "ENOENT") {
        // No nice(1) on this system (a minimal container): node itself, lowered by pid.
        withNice = false;
        return launch();
      }
      console.error(`render process: ${e.message}; public pages are rendered in the main process`);
    });
    started.on("exit", (code, signal) => {
      port = null;
      child = null;
      if (stopping) return;
      console.error(`render process exited (${signal ?? code}); public pages are rendered in the main process until it is back`);
      setTimeout(() => !stopping && launch(), 1000).unref();
    });
  };
  let launched = false;
  const launchOnce = () => {
    if (launched || stopping) return;
    launched = true;
    launch();
  };

  return {
    port: () => {
      launchOnce();
      return port;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        const running = child;
        if (!running || running.exitCode !== null) return resolve();
        running.once("exit", () => resolve());
        running.kill("SIGTERM");
      }),
  };
}

function lowerProcessPriority(pid: number, nice: number): void {
  try {
    os.setPriority(pid, nice);
  } catch {
    // not allowed here: it runs at the server's priority
  }
}

/** Sets the nice value of a process's autogroup (Linux with autogroup scheduling); elsewhere there is nothing to set. */
function lowerSessionPriority(pid: number, nice: number): void {
  try {
    fs.writeFileSync(`/proc/${pid}/autogroup`, String(nice));
  } catch {
    // no autogroup here (not Linux, or scheduled by cgroups alone): nice(1) is all there is
  }
}

/**
 * The render process's side: Next's request handler on a free loopback port, told to the server
 * that started it. It ends when that server does (the IPC channel closes, even after a SIGKILL).
 */
export function serveRenders(handle: Handler, onClose: () => Promise<void>): void {
  const server = http.createServer((req, res) => {
    Promise.resolve(handle(req, res)).catch((e: unknown) => {
      console.error("render failed:", e);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end();
    });
  });
  server.keepAliveTimeout = 65_000;
  const stop = () => {
    setTimeout(() => process.exit(0), 5000).unref();
    server.close(() => void onClose().finally(() => process.exit(0)));
    server.closeIdleConnections();
  };
  server.listen(0, "127.0.0.1", () => {
    // The server may die between the check and the send (seen when a test run tore it down
    // while this process was still starting): the send then fails with EPIPE, which without a
    // callback is an uncaught exception. Either way there is no one to serve: stop.
    if (process.connected) process.send?.({ renderProcessPort: (server.address() as AddressInfo).port }, undefined, {}, (e) => e && stop());
    else stop();
  });
  process.once("disconnect", stop);
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
