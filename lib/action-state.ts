/** What every server action returns to its form (read with useActionState). */
export type ActionState = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
  /** What the person typed (never passwords), so a refused form keeps it after React resets the form. */
  values?: Record<string, string>;
};

export function keepValues(formData: FormData, fields: readonly string[]): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f, String(formData.get(f) ?? "")]));
}

export const IDLE: ActionState = { ok: false };

/** One article's line in the report of a bulk step: done, or refused and why. */
export type BulkReportLine = { id: number; title: string; ok: boolean; message: string };

/** A bulk step's answer: the overall message and a line per article. */
export type BulkState = ActionState & { report?: BulkReportLine[] };
