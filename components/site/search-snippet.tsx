import { markTerms, type Snippet, type SnippetPart } from "@/lib/public";

function Parts({ parts }: { parts: readonly SnippetPart[] }) {
  return parts.map((part, i) =>
    part.hit ? (
      <mark key={i} className="bg-amber-200 text-inherit">
        {part.text}
      </mark>
    ) : (
      <span key={i}>{part.text}</span>
    ),
  );
}

/** A highlightSnippet result as React text and <mark> nodes: the text is never parsed as HTML. */
export function SearchSnippet({ snippet }: { snippet: Snippet }) {
  return (
    <>
      {snippet.before ? "…" : null}
      <Parts parts={snippet.parts} />
      {snippet.after ? "…" : null}
    </>
  );
}

/** A short text (headline, byline) with every hit of the search terms in <mark>. */
export function Marked({ text, terms }: { text: string; terms: readonly string[] }) {
  return <Parts parts={markTerms(text, terms)} />;
}
