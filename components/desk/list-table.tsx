import type { ReactNode } from "react";

export type ListColumn<T> = { header: ReactNode; cell: (row: T) => ReactNode };

/**
 * The desk's list of records: a plain table, or the empty message when there are none.
 * Header and cell live together per column so the two can't drift apart.
 * Server-only by design: columns hold functions, which can't cross to the client.
 */
export function ListTable<T extends { id: number | string }>({
  rows,
  columns,
  empty,
}: {
  rows: readonly T[];
  columns: readonly ListColumn<T>[];
  empty: ReactNode;
}) {
  if (rows.length === 0) return <p className="text-stone-600">{empty}</p>;
  return (
    <table className="w-full border-collapse bg-white text-sm">
      <thead>
        <tr className="border-b border-stone-300 text-left">
          {columns.map((c, i) => (
            <th key={i} className="p-2">
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className="border-b border-stone-200">
            {columns.map((c, i) => (
              <td key={i} className="p-2">
                {c.cell(r)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
