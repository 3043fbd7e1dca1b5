import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { outerLoopJoin } from "@/db/dialect";
import { rawRows } from "@/db/raw";
import { PUBLISHED } from "./visibility";

/* Jumped stories (下转/上接): a head article and the parts whose continuesId points back along the chain. */

export type PartRow = { root: number; id: number; pageNumber: number | null; pageName: string | null; position: number };

function idList(ids: readonly number[]): SQL {
  return sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
}

/**
 * The published later parts of each head (not the head itself), in page order.
 * Follows continuesId chains (a part may continue a part); UNION stops on a cycle.
 * CROSS JOIN keeps the (small) chain as SQLite's outer loop: the planner cannot size
 * a recursive CTE and would otherwise walk every published article to probe it.
 */
export async function listPublishedPartsOfHeads(headIds: readonly number[]): Promise<Map<number, PartRow[]>> {
  const out = new Map<number, PartRow[]>();
  if (headIds.length === 0) return out;
  const rows = await rawRows<PartRow>(getDb(), sql`
    with recursive chain(root, id) as (
      select id, id from articles where id in (${idList(headIds)})
      union
      select chain.root, a.id from articles a join chain on a.continues_id = chain.id
    )
    select chain.root as "root", a.id as "id", p.number as "pageNumber", p.name as "pageName", a.position as "position"
    from chain
    ${outerLoopJoin} articles a on a.id = chain.id
    left join pages p on p.id = a.page_id
    where a.state = ${PUBLISHED} and a.id <> chain.root
    order by chain.root, coalesce(p.number, 9999), a.position, a.id`);
  for (const r of rows) {
    const list = out.get(r.root) ?? [];
    list.push(r);
    out.set(r.root, list);
  }
  return out;
}

/** The first article of the chain (following continuesId up), or null on a broken or cyclic chain. */
export async function headIdOf(id: number): Promise<number | null> {
  const [row] = await rawRows<{ id: number }>(getDb(), sql`
    with recursive up(id, continues_id, depth) as (
      select id, continues_id, 0 from articles where id = ${id}
      union
      select a.id, a.continues_id, up.depth + 1 from articles a join up on a.id = up.continues_id where up.depth < 50
    )
    select id as "id" from up where continues_id is null limit 1`);
  return row?.id ?? null;
}
