// Prints the one total line CI reads ("N passed, N failed") over vitest and Playwright,
// and fails when a stage failed or when no test ran at all.
import fs from "node:fs";

// The reports are comma-separated lists: vitest's (the unit tests on each engine, the lab's smoke
// test) and Playwright's (the run on SQLite, the one on PostgreSQL).
const [unitFiles, e2eFiles, failedStages = ""] = process.argv.slice(2);
const read = (f) => (fs.existsSync(f) ? JSON.parse(fs.readFileSync(f, "utf8")) : null);

let passed = 0;
let failed = 0;
let skipped = 0;
const units = unitFiles.split(",").map(read);
const unit = units.every(Boolean) ? units : null;
for (const u of units.filter(Boolean)) {
  passed += u.numPassedTests ?? 0;
  failed += u.numFailedTests ?? 0;
  skipped += (u.numPendingTests ?? 0) + (u.numTodoTests ?? 0);
}
const e2es = e2eFiles.split(",").map(read);
const e2e = e2es.every(Boolean) ? e2es : null;
for (const run of e2es.filter(Boolean)) {
  passed += run.stats?.expected ?? 0;
  failed += (run.stats?.unexpected ?? 0) + (run.stats?.flaky ?? 0);
  skipped += run.stats?.skipped ?? 0;
}
const stages = failedStages.split(" ").filter(Boolean);
if (stages.length) console.log(`failed stages: ${stages.join(", ")}`);
console.log(`unit: ${unit ? "ran" : "missing"}, e2e: ${e2e ? "ran" : "missing"}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(stages.length || failed || passed === 0 || !unit || !e2e ? 1 : 0);
