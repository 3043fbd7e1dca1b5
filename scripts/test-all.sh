#!/usr/bin/env bash
# npm test: everything CI runs, in order: lint, type check, unit tests, production build, end-to-end tests.
# Runs every stage even when one fails, then prints one total line over both runners.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
mkdir -p test-results
rm -f test-results/unit.json test-results/e2e.json

failed_stages=()
stage() {
  local name=$1; shift
  echo "::: $name"
  if ! "$@"; then failed_stages+=("$name"); fi
}

stage lint npm run -s lint
stage typecheck npm run -s typecheck
stage unit npx vitest run --reporter=default --reporter=json --outputFile=test-results/unit.json
echo "::: build"
if npm run -s build >test-results/build.log 2>&1; then
  stage e2e npx playwright test
else
  cat test-results/build.log
  failed_stages+=("build")
fi

node scripts/test-summary.mjs test-results/unit.json test-results/e2e.json "${failed_stages[*]:-}"
