import "server-only";
import { and, asc, count, desc, eq, type SQL } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { firstRow } from "@/db/raw";
import { auditLog, users, type AuditEntry } from "@/db/schema";
import type { AuditAction } from "@/lib/vocabulary";

export type AuditInput = {
  actorId?: number | null;
  actorEmail?: string | null;
  action: AuditAction;
  targetType?: string | null;
  targetId?: string | number | null;
  detail?: Record<string, unknown> | null;
  ip?: string | null;
};

/** Pass the transaction when the entry must commit or roll back with the change it records. */
export async function insertAuditEntry(entry: AuditInput, db: DbOrTx = getDb()): Promise<void> {
  await db
    .insert(auditLog)
    .values({
      actorId: entry.actorId ?? null,
      actorEmail: entry.actorEmail ?? null,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId == null ? null : String(entry.targetId),
      detail: entry.detail ?? null,
      ip: entry.ip ?? null,
    });
}

export type AuditRow = AuditEntry & { actorName: string | null };

export async function listAuditEntries({
  actorId,
  action,
  page,
  pageSize,
}: {
  actorId?: number;
  action?: string;
  page: number;
  pageSize: number;
}): Promise<{ rows: AuditRow[]; total: number }> {
  const conditions: SQL[] = [];
  if (actorId !== undefined) conditions.push(eq(auditLog.actorId, actorId));
  if (action) conditions.push(eq(auditLog.action, action));
  const where = conditions.length ? and(...conditions) : undefined;
  const db = getDb();
  const total = firstRow(await db.select({ n: count() }).from(auditLog).where(where))?.n ?? 0;
  const rows = (await db
    .select({ entry: auditLog, actorName: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize))
    .map((r) => ({ ...r.entry, actorName: r.actorName }));
  return { rows, total };
}

export async function listAuditActions(): Promise<string[]> {
  return (await getDb()
    .selectDistinct({ action: auditLog.action })
    .from(auditLog)
    .orderBy(auditLog.action))
    .map((r) => r.action);
}

/** The article's timeline: its audit entries, oldest first. */
export async function listArticleTimeline({ articleId }: { articleId: number }) {
  return (await getDb()
    .select({ id: auditLog.id, action: auditLog.action, detail: auditLog.detail, createdAt: auditLog.createdAt, actorName: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.targetType, "article"), eq(auditLog.targetId, String(articleId))))
    .orderBy(asc(auditLog.id)));
}
