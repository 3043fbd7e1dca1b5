import { generateIssue } from "./generate";
import type { IssuePlan } from "./plan";

/** A generation worker: typesets and extracts the issues its parent sends, one at a time. */
const root = process.argv[2] as string;

process.on("message", (plan: IssuePlan) => {
  generateIssue(plan, root).then(
    (done) => process.send?.({ ok: true, done }),
    (e: unknown) => process.send?.({ ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
  );
});
