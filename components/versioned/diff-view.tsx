import { useMemo } from "react";
import { diffTexts } from "@/lib/article-body/diff";

/**
 * Two texts as one diff: removed in red, added in green. No "use client": the history
 * page renders it on the server, the stale-save notice in the browser.
 */
export function DiffView({ before, after, labels }: { before: string; after: string; labels: { before: string; after: string } }) {
  const parts = useMemo(() => diffTexts(before, after), [before, after]);
  return (
    <div className="rounded border border-stone-300 bg-white p-3 text-sm whitespace-pre-wrap text-ink" data-testid="diff">
      <p className="mb-2 text-xs text-stone-600">
        <del className="bg-red-100">{labels.before}</del> → <ins className="bg-green-100 no-underline">{labels.after}</ins>
      </p>
      {parts.map((p, i) =>
        p.kind === "same" ? (
          <span key={i}>{p.text}</span>
        ) : p.kind === "added" ? (
          <ins key={i} className="bg-green-100">
            {p.text}
          </ins>
        ) : (
          <del key={i} className="bg-red-100">
            {p.text}
          </del>
        ),
      )}
    </div>
  );
}
