import type { Snippet } from "@/lib/public";

/** A highlightSnippet result as React text and <mark> nodes: the text is never parsed as HTML. */
export function SearchSnippet({ snippet }: { snippet: Snippet }) {
  return (
    <>
      {snippet.before ? "…" : null}
      {snippet.parts.map((part, i) =>
        part.hit ? (
          <mark key={i} className="bg-amber-200 text-inherit">
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
      {snippet.after ? "…" : null}
    </>
  );
}
