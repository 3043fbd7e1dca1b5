/** A story's first part (下转N版) and a later part (上接M版) on the page it names. */
export type JumpHead = { id: number; title: string; page: number; jumpToPage: number | null };
export type JumpPart = { id: number; title: string; page: number; jumpFromPage: number | null };

export type JumpSuggestion = { partId: number; headId: number; sure: boolean };

type JumpLink = { jumpToPage: number | null; jumpFromPage: number | null; continuesId: number | null };

/** A later part (上接N版) not yet linked to the story it continues. */
export function isUnlinkedJumpPart(a: JumpLink): boolean {
  return a.jumpFromPage != null && a.continuesId == null;
}

/** A story's first part that says where it goes on (下转N版), and is no part itself. */
export function isJumpHead(a: JumpLink): boolean {
  return a.jumpToPage != null && a.continuesId == null;
}

/** Compare headlines ignoring punctuation and spacing: a continuation often repeats a shortened title. */
export function headlineKey(title: string): string {
  return title.normalize("NFKC").replace(/[\s\p{P}\p{S}]/gu, "").toLowerCase();
}

function titlesMatch(a: string, b: string): boolean {
  const x = headlineKey(a);
  const y = headlineKey(b);
  if (x.length === 0 || y.length === 0) return false;
  return x === y || (Math.min(x.length, y.length) >= 4 && (x.includes(y) || y.includes(x)));
}

/**
 * For each unlinked part, the head it most likely continues: on the page it names, pointing
 * to the part's page, and with a matching title (sure) or as the only candidate (not sure).
 */
export function suggestJumpLinks(heads: readonly JumpHead[], parts: readonly JumpPart[]): JumpSuggestion[] {
  const out: JumpSuggestion[] = [];
  for (const part of parts) {
    if (part.jumpFromPage == null) continue;
    const candidates = heads.filter((h) => h.page === part.jumpFromPage && (h.jumpToPage == null || h.jumpToPage === part.page));
    const byTitle = candidates.filter((h) => titlesMatch(h.title, part.title));
    const pointing = candidates.filter((h) => h.jumpToPage === part.page);
    if (byTitle.length === 1) out.push({ partId: part.id, headId: (byTitle[0] as JumpHead).id, sure: true });
    else if (pointing.length === 1) out.push({ partId: part.id, headId: (pointing[0] as JumpHead).id, sure: false });
  }
  return out;
}
