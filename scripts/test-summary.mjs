// Prints the one total line CI reads ("N passed, N failed") over vitest and Playwright,
// and fails when a stage failed or when no test ran at all.
import fs from "node:fs";
import path from "node:path";

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
// CI shows only the end of the output: name each failed test there, with its error's first line,
// so a failure can be read without the full log.
const firstLine = (message) => String(message ?? "").replace(/\u001b\[[0-9;]*m/g, "").trim().split("\n")[0].slice(0, 200);
const failures = [];
for (const u of units.filter(Boolean)) {
  for (const file of u.testResults ?? []) {
    for (const t of file.assertionResults ?? []) {
      if (t.status === "failed") failures.push(`${path.relative(".", file.name)}: ${t.fullName} — ${firstLine(t.failureMessages?.[0])}`);
    }
    if (file.status === "failed" && !(file.assertionResults ?? []).some((t) => t.status === "failed")) {
      failures.push(`${path.relative(".", file.name)}: ${firstLine(file.message)}`);
    }
  }
}
/**
 * Which line of the spec failed and what it expected: one spec often waits for the same thing at
 * several steps (a count of drop lines in a drag spec), and the first line alone does not say which.
 */
function expectation(error) {
  if (!error) return "";
  const plain = String(error.message ?? "").replace(/\u001b\[[0-9;]*m/g, "");
  const facts = plain.split("\n").map((l) => l.trim()).filter((l) => /^(Locator|Expected|Received|Timeout):/.test(l));
  // The failing line and the spec's lines that called it (a helper's expectation fails for its caller).
  const frames = [...String(error.stack ?? "").matchAll(/(?:\(|at )(\/[^()\s]*\/e2e\/[^():\s]+):(\d+):\d+/g)].map((m) => `${path.relative(".", m[1])}:${m[2]}`);
  if (!frames.length && error.location) frames.push(`${path.relative(".", error.location.file)}:${error.location.line}`);
  const at = frames.length ? `at ${[...new Set(frames)].slice(0, 3).join(" ← ")}` : "";
  return [at, ...facts].filter(Boolean).map((l) => `\n    ${l.slice(0, 200)}`).join("");
}
function playwrightFailures(suite, run) {
  for (const spec of suite.specs ?? []) {
    for (const t of spec.tests ?? []) {
      if (t.status === "unexpected" || t.status === "flaky") {
        const error = t.results?.find((r) => r.error)?.error;
        failures.push(`${run} ${spec.file}:${spec.line} ${spec.title} — ${firstLine(error?.message)}${expectation(error)}`);
      }
    }
  }
  for (const child of suite.suites ?? []) playwrightFailures(child, run);
}
e2es.forEach((run, i) => {
  for (const suite of run?.suites ?? []) playwrightFailures(suite, i === 0 ? "[e2e]" : "[e2e-postgres]");
});
for (const line of failures) console.log(`failed: ${line}`);
const stages = failedStages.split(" ").filter(Boolean);
if (stages.length) console.log(`failed stages: ${stages.join(", ")}`);
console.log(`unit: ${unit ? "ran" : "missing"}, e2e: ${e2e ? "ran" : "missing"}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(stages.length || failed || passed === 0 || !unit || !e2e ? 1 : 0);
