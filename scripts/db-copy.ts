import { copyDatabase, placeOf } from "@/db/copy";
import { MaintenanceError } from "@/db/maintenance";
import { argumentsOrHelp, fail } from "./support/cli";

const USAGE = `usage: npm run db:copy -- <from> <to>
  each a SQLite file (data/folio.db) or a PostgreSQL URL (postgres://user@host:5432/folio);
  the target must be new or empty. Stop Folio (or keep it read-only) while it copies.`;

async function main(): Promise<void> {
  const args = argumentsOrHelp(USAGE);
  if (!args) return;
  const [from, to] = args;
  if (!from || !to || args.length !== 2 || args.some((a) => a.startsWith("-"))) fail(USAGE);
  const result = await copyDatabase({ from: placeOf(from), to: placeOf(to) });
  for (const [table, { rows, sha256 }] of Object.entries(result.tables)) process.stdout.write(`${table.padEnd(20)} ${String(rows).padStart(8)} rows  ${sha256.slice(0, 16)}\n`);
  process.stdout.write(`copied ${result.rows} rows in ${(result.ms / 1000).toFixed(1)} s; every table's count and checksum agree with the source\n`);
  process.stdout.write("photos: copy the media folder (MEDIA_DIR) as it is; its files are named by their content\n");
}

main().catch((e) => {
  if (e instanceof MaintenanceError) fail(e.message);
  fail(e instanceof Error ? e.message : String(e), 1);
});
