import type { Masthead } from "@/lib/ingest/types";
import type { ImportMasthead } from "@/lib/validations/imports";

/**
 * The masthead each page of an uploaded PDF is filed under. What the editor typed on the
 * form wins; then what the pages print: the issue's fields from the first page that has
 * them (the nameplate on 第1版, the running heads after), each page's number and name from
 * its own running head. A page that prints no number follows the one before it (the form's
 * page number is the first page's).
 */
export function pdfPageMastheads(read: readonly (Masthead | null)[], form: Partial<ImportMasthead>): ImportMasthead[] {
  const first = <K extends keyof Masthead>(k: K): Masthead[K] | null => {
    for (const m of read) if (m && m[k] !== null) return m[k];
    return null;
  };
  const issue = {
    paper: form.paper ?? first("paper"),
    issueDate: form.issueDate ?? first("date"),
    totalIssueNo: form.totalIssueNo ?? first("totalIssueNo"),
    issueNo: form.issueNo ?? first("issueNo"),
    pageCount: form.pageCount ?? first("pageCount") ?? (read.length > 1 ? read.length : null),
  };
  const out: ImportMasthead[] = [];
  read.forEach((m, i) => {
    const prev = out[i - 1]?.pageNumber ?? null;
    const typed = form.pageNumber != null ? form.pageNumber + i : null;
    const pageNumber = typed ?? m?.page ?? (prev !== null ? prev + 1 : read.length > 1 ? i + 1 : null);
    out.push({ ...issue, pageNumber, pageName: (i === 0 ? form.pageName : null) ?? m?.pageName ?? null });
  });
  return out;
}
