import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { onPostgres } from "@/db/dialect";
import { rawRows } from "@/db/raw";

/** The ids of the reader's search index rows holding the text (a term of three characters or more), on either engine. */
export async function readerIndexIds(text: string): Promise<number[]> {
  const rows = onPostgres
    ? await rawRows<{ id: number }>(getDb(), sql`select article_id as "id" from search_documents where content like ${`%${text}%`}`)
    : await rawRows<{ id: number }>(getDb(), sql`select rowid as "id" from search_index where search_index match ${`"${text}"`}`);
  return rows.map((r) => r.id);
}
