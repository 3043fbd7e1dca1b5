import { parseArgs } from "node:util";
import { migrateDatabase } from "@/db/migrate";
import { ensureSections } from "@/db/queries/sections";
import { createUser, getUserByEmail } from "@/db/queries/users";
import { demoIssueExists, seedDemoIssue } from "@/db/seed/demo-issue";
import { DEMO_PASSWORD, DEMO_USERS } from "@/db/seed/demo-users";
import { STANDARD_SECTIONS } from "@/db/seed/sections";
import { hashPassword } from "@/lib/auth/password";
import { env } from "@/lib/env";
import { addDemoPhotos } from "@/services/media/demo-photos";

const { values } = parseArgs({ options: { demo: { type: "boolean", default: false } } });

async function main() {
  // The SQLite file migrates itself when opened; a PostgreSQL database only when told (a new one, in CI or the benchmarks).
  await migrateDatabase(env());
  const added = await ensureSections(STANDARD_SECTIONS);
  console.log(`sections: ${added} added, ${STANDARD_SECTIONS.length - added} already there`);
  if (!values.demo) return;
  // The demo password is below the policy on purpose: it is published in the README.
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const u of DEMO_USERS) {
    if (await getUserByEmail({ email: u.email })) continue;
    await createUser({ ...u, passwordHash: hash, isDemo: true });
    console.log(`demo user: ${u.email} (${u.role})`);
  }
  if (!(await demoIssueExists())) {
    // Drawn and processed first, so the issue is published with its photos in place.
    const editor = await getUserByEmail({ email: "editor@folio.local" });
    const photoIds = editor ? await addDemoPhotos({ uploadedById: editor.id }) : new Map<string, number>();
    const published = await seedDemoIssue({ photoIds });
    console.log(`demo issue: ${published} articles imported from db/demo and published, with ${photoIds.size} photos`);
  }
  console.log(`seeded ${env().DATABASE_URL ? "the PostgreSQL database" : env().DATABASE_PATH}`);
}

main().catch((e) => {
  console.error(`error: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
