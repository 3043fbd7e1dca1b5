import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { planSearch } from "./search";

// The plans are only right if SQLite reads them the way we think: checked against an in-memory
// FTS5 trigram table built like search_index (db/migrations/0007_short_term_search.sql: every
// column ends in two spaces, and an fts5vocab table lists its trigrams), queried as
// db/queries/public.ts does.
const db = new Database(":memory:");
db.exec("CREATE VIRTUAL TABLE docs USING fts5(body, tokenize = 'trigram')");
db.exec("CREATE VIRTUAL TABLE terms USING fts5vocab(docs, 'instance')");
const bodies = [
  "荣昌夏布 乡村振兴 的故事",
  'The River festival, say "hi" to 5% a_b c\\d',
  "AI赋能乡村振兴",
  "5X abb cd",
  "荣昌区",
];
const insert = db.prepare("INSERT INTO docs(rowid, body) VALUES (?, ? || '  ')");
bodies.forEach((b, i) => insert.run(i + 1, b));
afterAll(() => db.close());

function run(q: string): number[] {
  const plan = planSearch(q);
  if (plan.kind === "empty") return [];
  const match = plan.match;
  const prefixes = plan.kind === "short" ? plan.prefixes : [];
  const sets = [...(match === null ? [] : ["SELECT rowid AS id FROM docs WHERE docs MATCH ?"]), ...prefixes.map(() => "SELECT doc AS id FROM terms WHERE term >= ? AND term < ?")];
  const params = [...(match === null ? [] : [match]), ...prefixes.flatMap((p) => [p, p + String.fromCodePoint(0x10ffff)])];
  const rows = db.prepare(`${sets.join(" INTERSECT ")} ORDER BY id`).all(...params);
  return (rows as { id: number }[]).map((r) => r.id);
}

describe("search plans against SQLite FTS5 trigram", () => {
  it.each<[string, number[]]>([
    ["荣昌", [1, 5]],
    // At the very end of a text, and a single character.
    ["区", [5]],
    ["cd", [4]],
    ["d", [2, 4]],
    ["荣", [1, 5]],
    ["事", [1]],
    ["乡村振兴", [1, 3]],
    ["river", [2]],
    ["RIVER festival", [2]],
    ["乡村振兴 AI", [3]],
    ["ai", [3]],
    ['say "hi"', [2]],
    ["5% a_b c\\d", [2]],
    ["NEAR OR*", []],
    ['") OR ("', []],
    ["乡村振兴 river", []],
  ])("%j finds %j", (q, ids) => {
    expect(run(q)).toEqual(ids);
  });
});
