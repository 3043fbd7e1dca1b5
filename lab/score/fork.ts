import { fork } from "node:child_process";
import path from "node:path";
import type { PageEntry } from "../generate";

/**
 * Shares pages among `workers` processes running `script` (a file of this folder): each gets
 * `{ ...message, pages }` once and answers `{ ok: true, tally }` or `{ ok: false, error }`.
 */
export function tallyInProcesses<T>(script: string, pages: readonly PageEntry[], workers: number, message: Record<string, unknown>): Promise<T[]> {
  const shares = Array.from({ length: workers }, (_, w) => pages.filter((_, i) => i % workers === w));
  return Promise.all(
    shares.map(
      (share) =>
        new Promise<T>((resolve, reject) => {
          const child = fork(path.join(__dirname, script), [], { execArgv: ["--import", "tsx"], stdio: ["ignore", 2, 2, "ipc"] });
          child.once("message", (m: { ok: true; tally: T } | { ok: false; error: string }) => {
            child.disconnect();
            if (m.ok) resolve(m.tally);
            else reject(new Error(m.error));
          });
          child.once("exit", (code) => reject(new Error(`a scoring worker exited (${code})`)));
          child.send({ ...message, pages: share });
        }),
    ),
  );
}
