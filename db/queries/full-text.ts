import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { likeLiteral, onPostgres } from "@/db/dialect";
import { TRIGRAM_MIN_CHARS, type SearchPlan } from "@/lib/public/search";

/*
 * The two full-text indexes over articles, both FTS5 trigram tables with an fts5vocab table of
 * their trigrams: the reader's (published articles only, migrations 0003 and 0007) and the desk's
 * (every article, migration 0014). They are searched the same way; which one is a fixed choice
 * here, never text from a request.
 */
const INDEXES = {
  public: { index: "search_index", terms: "search_terms" },
  desk: { index: "desk_search_index", terms: "desk_search_terms" },
} as const;

export type FullTextIndex = keyof typeof INDEXES;

/** On PostgreSQL (db/migrations-pg, 0001 and 0003): a table of each article's searchable text per index. */
const DOCUMENTS = { public: "search_documents", desk: "desk_search_documents" } as const;

/** The highest code point: a term's range in the terms table ends below the term followed by it. */
const LAST_CHARACTER = String.fromCodePoint(0x10ffff);

/**
 * Article ids (as `id`) matching every term of the plan: long terms through the trigram MATCH,
 * each short one as the documents of the index's trigrams that start with it.
 */
export function matchingArticleIds(which: FullTextIndex, plan: Exclude<SearchPlan, { kind: "empty" }>): SQL {
  if (onPostgres) return matchingDocuments(DOCUMENTS[which], plan.terms);
  const { index, terms } = INDEXES[which];
  const matched = (match: string) => sql`select rowid as id from ${sql.identifier(index)} where ${sql.identifier(index)} match ${match}`;
  if (plan.kind === "fts") return matched(plan.match);
  const sets = plan.prefixes.map((p) => sql`select doc as id from ${sql.identifier(terms)} where term >= ${p} and term < ${p + LAST_CHARACTER}`);
  return sql.join(plan.match === null ? sets : [matched(plan.match), ...sets], sql` intersect `);
}

/**
 * On PostgreSQL: documents holding every term, a term of three characters or more through the
 * pg_trgm GIN index (ILIKE), a shorter one through the GIN index of each document's characters and
 * pairs of characters (folio_grams), both index lookups.
 */
function matchingDocuments(table: string, terms: string[]): SQL {
  const conditions = terms.map((term) =>
    Array.from(term).length >= TRIGRAM_MIN_CHARS
      ? sql`content ilike ${`%${likeLiteral(term)}%`}`
      : sql`folio_grams(content) @> array[${term.toLowerCase()}]::text[]`,
  );
  return sql`select article_id as id from ${sql.identifier(table)} where ${sql.join(conditions, sql` and `)}`;
}
