import "server-only";
import { insertAuditEntry, type AuditInput } from "@/db/queries/audit";
import { requestIp } from "@/lib/request-info";

/** Records an audit entry with the caller's IP. Audit must never break the action it records. */
export async function audit(entry: Omit<AuditInput, "ip">): Promise<void> {
  try {
    insertAuditEntry({ ...entry, ip: await requestIp().catch(() => null) });
  } catch (e) {
    console.error("audit write failed", e);
  }
}
