import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/*
 * Processes and files a benchmark starts, and their cleanup: every server runs in its
 * own process group, which is ended when the benchmark ends, fails or is interrupted.
 */

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "node_modules", ".bin");

const children = new Set<ChildProcess>();
const tempDirs = new Set<string>();
let hooked = false;

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** Ends every server this process started and removes its temporary folders. Safe to call twice. */
export async function cleanup(): Promise<void> {
  const waits = [...children].map(
    (child) =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => {
          killGroup(child, "SIGKILL");
          resolve();
        }, 5000);
        child.once("exit", () => {
          clearTimeout(timer);
          resolve();
        });
        killGroup(child, "SIGTERM");
      }),
  );
  await Promise.all(waits);
  children.clear();
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

function hookExit(): void {
  if (hooked) return;
  hooked = true;
  // Last resort on a synchronous exit: no waiting possible, so SIGKILL the groups.
  process.on("exit", () => {
    for (const child of children) killGroup(child, "SIGKILL");
    for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping servers`);
      void cleanup().finally(() => process.exit(130));
    });
  }
}

/** Runs a benchmark's main function; servers are stopped whether it succeeds or throws. */
export function runBench(main: () => Promise<void>): void {
  hookExit();
  main()
    .then(cleanup)
    .catch(async (e: unknown) => {
      console.error(`\nerror: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      await cleanup();
      process.exit(1);
    });
}

/** Benchmarks measure the production build; they never build it themselves. */
export function requireBuild(): void {
  if (fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) return;
  console.error("error: no production build (.next/BUILD_ID is missing). Run `npm run build` first; the benchmark measures that build and does not build it.");
  process.exit(1);
}

export function makeTempDir(prefix: string): string {
  hookExit();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function startProcess(command: string, args: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; log: () => string } {
  hookExit();
  // detached: its own process group, so the server and anything it forks end together.
  const child = spawn(command, args, { cwd: ROOT, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  children.add(child);
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  child.once("exit", () => children.delete(child));
  return { child, log: () => output };
}

async function waitForUrl(url: string, child: ChildProcess, log: () => string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode} before answering ${url}:\n${log()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no answer from ${url} within ${timeoutMs} ms:\n${log()}`);
}

export type Server = { origin: string; port: number; stop: () => Promise<void>; /** The process started (its group holds the server's processes). */ pid: number };

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      killGroup(child, "SIGTERM");
    });
}

/** `npm start`'s server (scripts/serve.ts) on the existing build, on a free port, on the given database. */
export async function startFolio({ databasePath, env = {} }: { databasePath: string; env?: Record<string, string> }): Promise<Server> {
  const port = await freePort();
  const { child, log } = startProcess(path.join(BIN, "tsx"), [path.join(ROOT, "scripts", "serve.ts"), "-p", String(port), "-H", "127.0.0.1"], {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_PATH: databasePath,
    PORT: String(port),
    ...env,
  });
  const origin = `http://127.0.0.1:${port}`;
  await waitForUrl(`${origin}/api/health`, child, log);
  return { origin, port, stop: stopper(child), pid: child.pid ?? 0 };
}

/** The baseline static server (bench/support/static-server.ts) over the files of `dir`. */
export async function startStatic({ dir }: { dir: string }): Promise<Server> {
  const port = await freePort();
  const { child, log } = startProcess(path.join(BIN, "tsx"), [path.join(__dirname, "static-server.ts"), dir, String(port)], process.env);
  const origin = `http://127.0.0.1:${port}`;
  const probe = fs.readdirSync(dir)[0];
  await waitForUrl(`${origin}/${probe ?? ""}`, child, log);
  return { origin, port, stop: stopper(child), pid: child.pid ?? 0 };
}

/**
 * CPU seconds used so far by `pid` and every process it started (a server started here, its
 * render process included, which runs in a session of its own), by command line.
 */
export function treeCpuSeconds(pid: number): { cpu: number; command: string }[] {
  const tick = 100; // USER_HZ on Linux
  const processes = new Map<number, { parent: number; cpu: number }>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // The fields after the command (which may hold spaces): ppid is field 4, utime 14, stime 15.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      processes.set(Number(entry), { parent: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / tick });
    } catch {
      // gone meanwhile
    }
  }
  const tree = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [id, p] of processes) {
      if (!tree.has(id) && tree.has(p.parent)) {
        tree.add(id);
        grew = true;
      }
    }
  }
  return [...tree].flatMap((id) => {
    const p = processes.get(id);
    if (!p) return [];
    try {
      return [{ cpu: p.cpu, command: fs.readFileSync(`/proc/${id}/cmdline`, "utf8").replace(/\0/g, " ") }];
    } catch {
      return [];
    }
  });
}
