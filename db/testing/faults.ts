import { sql } from "drizzle-orm";
import { getDb, getSqliteWriter } from "@/db";
import { onPostgres } from "@/db/dialect";

/**
 * Makes every insert into audit_log fail with "audit refused" until the returned function undoes
 * it: for tests that a write and its audit row commit together or not at all, on either engine.
 */
export async function refuseAuditWrites(): Promise<() => Promise<void>> {
  if (onPostgres) {
    const db = getDb() as unknown as { execute: (q: ReturnType<typeof sql>) => Promise<unknown> };
    await db.execute(sql`create function folio_test_refuse_audit() returns trigger language plpgsql as $$ begin raise exception 'audit refused'; end $$`);
    await db.execute(sql`create trigger refuse_audit before insert on audit_log for each row execute function folio_test_refuse_audit()`);
    return async () => {
      await db.execute(sql`drop trigger refuse_audit on audit_log`);
      await db.execute(sql`drop function folio_test_refuse_audit()`);
    };
  }
  const sqlite = getSqliteWriter()!;
  sqlite.exec("create temp trigger refuse_audit before insert on audit_log begin select raise(abort, 'audit refused'); end");
  return async () => void sqlite.exec("drop trigger temp.refuse_audit");
}
