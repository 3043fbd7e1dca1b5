// Prints the one total line CI reads ("N passed, N failed") over vitest and Playwright,
// and fails when a stage failed or when no test ran at all.
import fs from "node:fs";

// The vitest reports are a comma-separated list (the unit tests, the lab's smoke test).
const [unitFiles, e2eFile, failedStages = ""] = process.argv.slice(2);
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
const e2e = read(e2eFile);
if (e2e) {
  passed += e2e.stats?.expected ?? 0;
  failed += (e2e.stats?.unexpected ?? 0) + (e2e.stats?.flaky ?? 0);
  skipped += e2e.stats?.skipped ?? 0;
}
const stages = failedStages.split(" ").filter(Boolean);
if (stages.length) console.log(`failed stages: ${stages.join(", ")}`);
console.log(`unit: ${unit ? "ran" : "missing"}, e2e: ${e2e ? "ran" : "missing"}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(stages.length || failed || passed === 0 || !unit || !e2e ? 1 : 0);
