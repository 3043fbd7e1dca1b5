import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { planSearch } from "./search";

// The plans are only right if SQLite reads them the way we think: checked
// against an in-memory FTS5 trigram table like the one the reader site will use.
const db = new Database(":memory:");
db.exec("CREATE VIRTUAL TABLE docs USING fts5(body, tokenize = 'trigram')");
const bodies = [
  "荣昌夏布 乡村振兴 的故事",
  'The River festival, say "hi" to 5% a_b c\\d',
  "AI赋能乡村振兴",
  "5X abb cd",
  "荣昌区",
];
const insert = db.prepare("INSERT INTO docs(rowid, body) VALUES (?, ?)");
bodies.forEach((b, i) => insert.run(i + 1, b));
afterAll(() => db.close());

function run(q: string): number[] {
  const plan = planSearch(q);
  if (plan.kind === "empty") return [];
  const rows =
    plan.kind === "fts"
      ? db.prepare("SELECT rowid AS id FROM docs WHERE docs MATCH ? ORDER BY rowid").all(plan.match)
      : db.prepare(`SELECT rowid AS id FROM docs WHERE ${plan.patterns.map(() => "body LIKE ? ESCAPE '\\'").join(" AND ")} ORDER BY rowid`).all(...plan.patterns);
  return (rows as { id: number }[]).map((r) => r.id);
}

describe("search plans against SQLite FTS5 trigram", () => {
  it.each<[string, number[]]>([
    ["荣昌", [1, 5]],
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
