import path from "node:path";
import { seedArchive, seedSectionsAndUsers, type Archive } from "./seed";
import { makeTempDir, requireBuild, startFolio, type Server } from "./servers";

/*
 * The common start of the site benchmarks: a temporary database with sections, the demo
 * accounts and a seeded archive, and `npm start`'s server (scripts/serve.ts) on the existing build serving it.
 */

export type BenchSite = { dir: string; databasePath: string; archive: Archive; next: Server };

export async function startSeededSite({
  issues = 100,
  perPage = 10,
  beforeStart,
  env,
}: { issues?: number; perPage?: number; beforeStart?: () => void | Promise<void>; env?: Record<string, string> } = {}): Promise<BenchSite> {
  requireBuild();
  const dir = makeTempDir("folio-bench-");
  const databasePath = path.join(dir, "folio.db");
  // Read by lib/env on the first database access, which is below: the connection and the server share the file.
  process.env.DATABASE_PATH = databasePath;
  await seedSectionsAndUsers();
  const archive = await seedArchive({ issues, perPage });
  await beforeStart?.();
  const next = await startFolio({ databasePath, env });
  return { dir, databasePath, archive, next };
}

/** The canonical URL of the latest issue's second story on page 1: a typical article with neighbours on its page. */
export async function typicalArticleUrl(origin: string, archive: Archive): Promise<string> {
  const res = await fetch(`${origin}/issues/${archive.latestDate}/1`);
  const html = await res.text();
  const links = [...html.matchAll(/href="(\/articles\/[^"]+)"/g)].map((m) => m[1] as string);
  const unique = [...new Set(links)];
  const pick = unique[1] ?? unique[0];
  if (!pick) throw new Error(`no article link on ${archive.latestDate} page 1 (HTTP ${res.status})`);
  // Follow a redirect to the canonical address, so the benchmark never measures a 308.
  const final = await fetch(`${origin}${pick}`);
  if (!final.ok) throw new Error(`article ${pick}: HTTP ${final.status}`);
  return new URL(final.url).pathname;
}
