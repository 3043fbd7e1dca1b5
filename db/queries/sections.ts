import "server-only";
import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { articles, sections, type Section } from "@/db/schema";

export function listSections(): Section[] {
  return getDb().select().from(sections).orderBy(asc(sections.position), asc(sections.id)).all();
}

export type SectionSeed = { slug: string; name: string; nameEn?: string; approvalsRequired?: number };

/** Inserts the sections that are missing (by slug); existing ones are left as the newsroom changed them. */
export function ensureSections(seeds: readonly SectionSeed[]): number {
  const db = getDb();
  let added = 0;
  db.transaction((tx) => {
    seeds.forEach((s, position) => {
      const result = tx
        .insert(sections)
        .values({ slug: s.slug, name: s.name, nameEn: s.nameEn ?? null, position, approvalsRequired: s.approvalsRequired ?? 1 })
        .onConflictDoNothing({ target: sections.slug })
        .run();
      added += result.changes;
    });
  });
  return added;
}

export function getSectionById({ id }: { id: number }): Section | undefined {
  return getDb().select().from(sections).where(eq(sections.id, id)).get();
}

export function getSectionBySlug({ slug }: { slug: string }): Section | undefined {
  return getDb().select().from(sections).where(eq(sections.slug, slug)).get();
}

export function insertSection(values: { slug: string; name: string; nameEn?: string | null; approvalsRequired: number }): Section {
  const db = getDb();
  const last = db.select({ position: sections.position }).from(sections).orderBy(desc(sections.position)).get();
  return db
    .insert(sections)
    .values({ ...values, position: (last?.position ?? -1) + 1 })
    .returning()
    .get();
}

/** With `baseVersion`, writes only if nobody saved the section since the form was opened. */
export function updateSection({
  id,
  changes,
  baseVersion,
}: {
  id: number;
  changes: Partial<Pick<Section, "slug" | "name" | "nameEn" | "approvalsRequired" | "hidden">>;
  baseVersion?: number;
}): Section | undefined {
  return getDb()
    .update(sections)
    .set({ ...changes, version: sql`${sections.version} + 1`, updatedAt: new Date() })
    .where(baseVersion === undefined ? eq(sections.id, id) : and(eq(sections.id, id), eq(sections.version, baseVersion)))
    .returning()
    .get();
}

/** Deletes a section nobody files under; returns how many articles use it otherwise (nothing deleted). */
export function deleteSectionIfUnused({ id }: { id: number }): { deleted: boolean; inUse: number } {
  return getDb().transaction((tx) => {
    const inUse = tx.select({ n: count() }).from(articles).where(eq(articles.sectionId, id)).get()?.n ?? 0;
    if (inUse > 0) return { deleted: false, inUse };
    const deleted = tx.delete(sections).where(eq(sections.id, id)).run().changes === 1;
    return { deleted, inUse: 0 };
  });
}

/** Swaps a section with its neighbour in the running order, in one transaction. */
export function moveSection({ id, direction }: { id: number; direction: "up" | "down" }): boolean {
  const db = getDb();
  return db.transaction((tx) => {
    const ordered = tx.select().from(sections).orderBy(asc(sections.position), asc(sections.id)).all();
    const from = ordered.findIndex((s) => s.id === id);
    const to = direction === "up" ? from - 1 : from + 1;
    if (from < 0 || to < 0 || to >= ordered.length) return false;
    [ordered[from], ordered[to]] = [ordered[to]!, ordered[from]!];
    // Renumber densely, so equal positions left by older data cannot turn a swap into a no-op.
    ordered.forEach((s, position) => {
      if (s.position !== position)
        tx.update(sections).set({ position, updatedAt: new Date() }).where(eq(sections.id, s.id)).run();
    });
    return true;
  });
}
