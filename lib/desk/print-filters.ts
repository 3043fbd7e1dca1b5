/** Where a story is printed, as the desk's lists filter by it: an issue's date, a page, a section. */
export type PrintFilters = { issueDate?: string; pageNumber?: number; sectionId?: number };

/**
 * The print filters of a desk list's URL (`?issue=2024-03-08&page=2&section=3`). A value that is
 * malformed (a hand-edited or truncated link) is no filter rather than an error: the list shows more,
 * never a crash.
 */
export function printFiltersFrom(search: { issue?: string; page?: string; section?: string }): PrintFilters {
  return {
    issueDate: /^\d{4}-\d{2}-\d{2}$/.test(search.issue ?? "") ? search.issue : undefined,
    pageNumber: positive(search.page),
    sectionId: positive(search.section),
  };
}

function positive(value: string | undefined): number | undefined {
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}
