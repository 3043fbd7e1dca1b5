import { MaintenanceError, restoreDatabase } from "@/db/maintenance";
import { restorePostgres } from "@/db/postgres-maintenance";
import { databaseSettings, EnvError, parseEnv } from "@/lib/env";
import { argumentsOrHelp, fail } from "./support/cli";

const USAGE = "usage: npm run db:restore -- <backup-file>   (stop the Folio server first)";

function main(): void {
  const args = argumentsOrHelp(USAGE);
  if (!args) return;
  const [source] = args;
  if (!source || args.length > 1 || source.startsWith("-")) fail(USAGE);
  const { DATABASE_URL: url } = parseEnv(process.env);
  if (url) {
    restorePostgres({ url, source })
      .then(() => process.stdout.write(`restored the PostgreSQL database from ${source} (one transaction)\n`))
      .catch((e: unknown) => fail(e instanceof Error ? e.message : String(e), e instanceof MaintenanceError ? 2 : 1));
    return;
  }
  const { file, mediaDir } = databaseSettings();
  try {
    const result = restoreDatabase({ source, target: file, mediaDir });
    const { articles, article_revisions: revisions, audit_log: audit, users, media: photos } = result.counts;
    process.stdout.write(`restored ${file} from ${source} (integrity ok; ${users} users, ${articles} articles, ${revisions} revisions, ${audit} audit entries, ${photos} photos)\n`);
    if (result.media.folder) process.stdout.write(`photos: ${result.media.files} files from ${result.media.folder} in ${mediaDir}\n`);
    if (result.previous) process.stdout.write(`the replaced database is kept as ${result.previous}\n`);
    if (result.pendingMigrations > 0) process.stdout.write(`${result.pendingMigrations} newer migration(s) will be applied when Folio starts\n`);
  } catch (e) {
    // 3: the database is in use (a running server); 2: the backup was refused.
    if (e instanceof MaintenanceError) fail(e.message, e.code === "in_use" ? 3 : 2);
    if (e instanceof EnvError) fail(e.message);
    fail(e instanceof Error ? e.message : String(e), 1);
  }
}

main();
