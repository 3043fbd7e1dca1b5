import type { ReactNode } from "react";

/** A titled white box; the title names the region for screen readers and tests. */
export function Panel({ id, title, className = "", children }: { id: string; title: ReactNode; className?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className={`rounded border border-stone-300 bg-white p-4 ${className}`}>
      <h2 id={id} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
