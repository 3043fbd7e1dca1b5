import "server-only";
import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { articles, sections, type Section } from "@/db/schema";
import { firstRow, onlyRow } from "@/db/raw";

export async function listSections(): Promise<Section[]> {
  return (await getDb().select().from(sections).orderBy(asc(sections.position), asc(sections.id)));
}

export type SectionSeed = { slug: string; name: string; nameEn?: string; approvalsRequired?: number };

/** Inserts the sections that are missing (by slug); existing ones are left as the newsroom changed them. */
export async function ensureSections(seeds: readonly SectionSeed[]): Promise<number> {
  return getDb().transaction(async (tx) => {
    let added = 0;
    for (const [position, s] of seeds.entries()) {
      const inserted = await tx
        .insert(sections)
        .values({ slug: s.slug, name: s.name, nameEn: s.nameEn ?? null, position, approvalsRequired: s.approvalsRequired ?? 1 })
        .onConflictDoNothing({ target: sections.slug })
        .returning({ id: sections.id });
      added += inserted.length;
    }
    return added;
  });
}

export async function getSectionById({ id }: { id: number }): Promise<Section | undefined> {
  return firstRow(await getDb().select().from(sections).where(eq(sections.id, id)));
}

export async function getSectionBySlug({ slug }: { slug: string }): Promise<Section | undefined> {
  return firstRow(await getDb().select().from(sections).where(eq(sections.slug, slug)));
}

export async function insertSection(values: { slug: string; name: string; nameEn?: string | null; approvalsRequired: number }): Promise<Section> {
  const db = getDb();
  const last = firstRow(await db.select({ position: sections.position }).from(sections).orderBy(desc(sections.position)));
  return onlyRow(await db
    .insert(sections)
    .values({ ...values, position: (last?.position ?? -1) + 1 })
    .returning());
}

/** With `baseVersion`, writes only if nobody saved the section since the form was opened. */
export async function updateSection({
  id,
  changes,
  baseVersion,
}: {
  id: number;
  changes: Partial<Pick<Section, "slug" | "name" | "nameEn" | "approvalsRequired" | "hidden">>;
  baseVersion?: number;
}): Promise<Section | undefined> {
  return firstRow(await getDb()
    .update(sections)
    .set({ ...changes, version: sql`${sections.version} + 1`, updatedAt: new Date() })
    .where(baseVersion === undefined ? eq(sections.id, id) : and(eq(sections.id, id), eq(sections.version, baseVersion)))
    .returning());
}

/** Deletes a section nobody files under; returns how many articles use it otherwise (nothing deleted). */
export async function deleteSectionIfUnused({ id }: { id: number }): Promise<{ deleted: boolean; inUse: number }> {
  return getDb().transaction(async (tx) => {
    const inUse = firstRow(await tx.select({ n: count() }).from(articles).where(eq(articles.sectionId, id)))?.n ?? 0;
    if (inUse > 0) return { deleted: false, inUse };
    const deleted = (await tx.delete(sections).where(eq(sections.id, id)).returning({ id: sections.id })).length === 1;
    return { deleted, inUse: 0 };
  });
}

/** Swaps a section with its neighbour in the running order, in one transaction. */
export async function moveSection({ id, direction }: { id: number; direction: "up" | "down" }): Promise<boolean> {
  const db = getDb();
  return db.transaction(async (tx) => {
    const ordered = (await tx.select().from(sections).orderBy(asc(sections.position), asc(sections.id)));
    const from = ordered.findIndex((s) => s.id === id);
    const to = direction === "up" ? from - 1 : from + 1;
    if (from < 0 || to < 0 || to >= ordered.length) return false;
    [ordered[from], ordered[to]] = [ordered[to]!, ordered[from]!];
    // Renumber densely, so equal positions left by older data cannot turn a swap into a no-op.
    for (const [position, s] of ordered.entries()) {
      if (s.position !== position) await tx.update(sections).set({ position, updatedAt: new Date() }).where(eq(sections.id, s.id));
    }
    return true;
  });
}
