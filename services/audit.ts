import "server-only";
import { insertAuditEntry, type AuditInput } from "@/db/queries/audit";
import { requestIp } from "@/lib/request-info";

/** Audit must never break the action it records: a failed write is logged, not thrown. */
export async function recordAudit(entry: AuditInput): Promise<void> {
  try {
    await insertAuditEntry(entry);
  } catch (e) {
    console.error("audit write failed", e);
  }
}

/** Records an audit entry with the caller's IP. */
export async function audit(entry: Omit<AuditInput, "ip">): Promise<void> {
  await recordAudit({ ...entry, ip: await requestIp().catch(() => null) });
}
