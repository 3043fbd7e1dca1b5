/** Number of pages a list of `total` items fills, at least 1 (an empty list still has its first page). */
export function totalPages(total: number, pageSize: number): number {
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`not a page size: ${pageSize}`);
  return Math.max(1, Math.ceil(Math.max(0, total) / pageSize));
}

/** Zero-based offset of a 1-based page. */
export function pageOffset(page: number, pageSize: number): number {
  return (Math.max(1, Math.floor(page)) - 1) * pageSize;
}

export type PageLink = { kind: "page"; page: number; current: boolean } | { kind: "gap"; key: string };

/**
 * The numbered links of a pager: the first and last page, the current one and
 * `around` either side, with a gap marker where pages are left out.
 * 1 … 4 5 [6] 7 8 … 20
 */
export function pageLinks(current: number, pages: number, around = 2): PageLink[] {
  const shown = new Set<number>([1, pages]);
  for (let p = current - around; p <= current + around; p++) if (p >= 1 && p <= pages) shown.add(p);
  const sorted = [...shown].sort((a, b) => a - b);
  const out: PageLink[] = [];
  let previous = 0;
  for (const p of sorted) {
    if (p - previous === 2) out.push({ kind: "page", page: p - 1, current: false });
    else if (p - previous > 2) out.push({ kind: "gap", key: `gap-${previous}` });
    out.push({ kind: "page", page: p, current: p === current });
    previous = p;
  }
  return out;
}
