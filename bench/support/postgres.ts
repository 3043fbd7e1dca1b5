import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/**
 * A private PostgreSQL for a benchmark (scripts/postgres-server.sh), durable as a real one (fsync
 * and synchronous commit on), in `folder`. Started by a benchmark's parent process before the
 * child that measures: the child's tables are chosen by DATABASE_URL when its modules load.
 */
export function startPostgres(folder: string, port: number): { url: string; stop: () => void } {
  // The server runs as the user postgres (when started as root), which must reach the folder.
  fs.chmodSync(path.dirname(folder), 0o755);
  const script = path.join(process.cwd(), "scripts", "postgres-server.sh");
  const url = execFileSync("bash", [script, "start", folder, String(port)], { env: { ...process.env, POSTGRES_DURABLE: "1" }, encoding: "utf8" }).trim();
  return { url, stop: () => execFileSync("bash", [script, "stop", folder]) };
}
