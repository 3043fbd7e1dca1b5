import path from "node:path";
import { backupDatabase, defaultBackupPath, MaintenanceError } from "@/db/maintenance";
import { backupPostgres, defaultPostgresBackupPath } from "@/db/postgres-maintenance";
import { databaseSettings, EnvError, parseEnv } from "@/lib/env";
import { argumentsOrHelp, fail } from "./support/cli";

const USAGE = "usage: npm run db:backup [-- <target-file>]   (default: <data folder>/backups/folio-YYYYMMDD-HHMMSS.db)";

async function main(): Promise<void> {
  const args = argumentsOrHelp(USAGE);
  if (!args) return;
  if (args.length > 1 || args.some((a) => a.startsWith("-"))) fail(USAGE);
  const { DATABASE_URL: url } = parseEnv(process.env);
  if (url) {
    const { file, mediaDir } = databaseSettings();
    const result = await backupPostgres({ url, target: args[0] ?? defaultPostgresBackupPath(path.dirname(file)) });
    process.stdout.write(`backup written: ${result.target} (${(result.bytes / 1024 / 1024).toFixed(1)} MB, pg_dump custom format, ${result.tables} tables, read back ok)\n`);
    process.stdout.write(`photos: the media folder ${mediaDir} is not in a PostgreSQL dump; back it up with the server's files (README, PostgreSQL)\n`);
    return;
  }
  const { file, busyTimeoutMs, mediaDir } = databaseSettings();
  const target = args[0] ?? defaultBackupPath(file);
  const result = await backupDatabase({ source: file, target, busyTimeoutMs, mediaDir });
  const { articles, article_revisions: revisions, audit_log: audit, users, media: photos } = result.counts;
  process.stdout.write(
    `backup written: ${result.target} (${(result.bytes / 1024 / 1024).toFixed(1)} MB, integrity ok; ` +
      `${users} users, ${articles} articles, ${revisions} revisions, ${audit} audit entries, ${photos} photos)\n`,
  );
  if (result.media.folder) {
    process.stdout.write(`photos: ${result.media.files} files (${(result.media.bytes / 1024 / 1024).toFixed(1)} MB, each checked against its hash) in ${result.media.folder}\n`);
  }
}

main().catch((e) => {
  if (e instanceof MaintenanceError || e instanceof EnvError) fail(e.message);
  fail(e instanceof Error ? e.message : String(e), 1);
});
