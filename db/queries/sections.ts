import "server-only";
import { asc } from "drizzle-orm";
import { getDb } from "@/db";
import { sections, type Section } from "@/db/schema";

export function listSections(): Section[] {
  return getDb().select().from(sections).orderBy(asc(sections.position), asc(sections.id)).all();
}

export type SectionSeed = { slug: string; name: string; approvalsRequired?: number };

/** Inserts the sections that are missing (by slug); existing ones are left as the newsroom changed them. */
export function ensureSections(seeds: readonly SectionSeed[]): number {
  const db = getDb();
  let added = 0;
  db.transaction((tx) => {
    seeds.forEach((s, position) => {
      const result = tx
        .insert(sections)
        .values({ slug: s.slug, name: s.name, position, approvalsRequired: s.approvalsRequired ?? 1 })
        .onConflictDoNothing({ target: sections.slug })
        .run();
      added += result.changes;
    });
  });
  return added;
}
