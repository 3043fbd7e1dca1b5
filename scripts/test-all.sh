#!/usr/bin/env bash
# npm test: everything CI runs, in order: lint, type check, unit tests, production build, end-to-end tests.
# Runs every stage even when one fails, then prints one total line over both runners.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
mkdir -p test-results
rm -f test-results/unit.json test-results/lab-smoke.json test-results/e2e.json

failed_stages=()
stage() {
  local name=$1; shift
  echo "::: $name"
  if ! "$@"; then failed_stages+=("$name"); fi
}

stage lint npm run -s lint
stage typecheck npm run -s typecheck
stage unit npx vitest run --exclude lab/smoke.test.ts --exclude lib/ingest/pdf/lab-pages.test.ts --reporter=default --reporter=json --outputFile=test-results/unit.json
# The segmentation lab's smoke test and the PDF importer's test on typeset lab pages typeset,
# extract and read real pages: tens of CPU-seconds, run on their own so they do not slow the
# timed unit tests beside them.
stage lab-smoke npx vitest run lab/smoke.test.ts lib/ingest/pdf/lab-pages.test.ts --reporter=default --reporter=json --outputFile=test-results/lab-smoke.json
echo "::: build"
if npm run -s build >test-results/build.log 2>&1; then
  stage e2e npx playwright test
else
  cat test-results/build.log
  failed_stages+=("build")
fi

node scripts/test-summary.mjs test-results/unit.json,test-results/lab-smoke.json test-results/e2e.json "${failed_stages[*]:-}"
