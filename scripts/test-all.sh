#!/usr/bin/env bash
# npm test: everything CI runs, in order: lint and the type check (side by side), unit tests, production build, end-to-end tests.
# Runs every stage even when one fails, then prints one total line over both runners.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
mkdir -p test-results
rm -f test-results/unit.json test-results/unit-postgres.json test-results/lab-smoke.json test-results/e2e.json test-results/e2e-postgres.json

failed_stages=()
stage() {
  local name=$1; shift
  echo "::: $name"
  if ! "$@"; then failed_stages+=("$name"); fi
}

# A stage run beside the ones after it (in the background), for work that leaves a core idle:
# its log goes to test-results/<name>.log and is printed, and its result counted, at end_beside.
declare -A beside
start_beside() {
  local name=$1; shift
  rm -f "test-results/$name.log" "test-results/$name.status"
  ( "$@" >"test-results/$name.log" 2>&1; echo $? >"test-results/$name.status" ) &
  beside[$name]=$!
}
end_beside() {
  local name=$1
  wait "${beside[$name]}"
  echo "::: $name"
  cat "test-results/$name.log"
  [[ "$(cat "test-results/$name.status" 2>/dev/null)" == 0 ]] || failed_stages+=("$name")
}

# Lint and the type check each keep one core busy for about a minute: side by side on CI's two
# cores they take the time of one. The type check's output is printed after the lint's.
start_beside typecheck npm run -s typecheck
stage lint npm run -s lint
end_beside typecheck
stage unit npx vitest run --exclude lab/smoke.test.ts --exclude lib/ingest/pdf/lab-pages.test.ts --reporter=default --reporter=json --outputFile=test-results/unit.json

# The query tests again on PostgreSQL (issue 18): a private server in a temporary folder
# (scripts/postgres-server.sh), each test file on a scratch database of its own. The server stays
# up for the end-to-end pass on PostgreSQL below, which serves from its (still empty) database.
unit_reports=test-results/unit.json
pg_url=""
if ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || [[ -n "${POSTGRES_BIN:-}" ]]; then
  pg_dir=$(mktemp -d -t folio-pg-XXXXXX)
  # The server runs as the unprivileged user postgres when npm test runs as root: it must reach its folder.
  chmod 755 "$pg_dir"
  trap 'bash scripts/postgres-server.sh stop "$pg_dir/cluster"; rm -rf "$pg_dir"' EXIT
  pg_port=${FOLIO_TEST_POSTGRES_PORT:-55432}
  if pg_url=$(bash scripts/postgres-server.sh start "$pg_dir/cluster" "$pg_port"); then
    stage unit-postgres env FOLIO_TEST_ENGINE=postgres FOLIO_TEST_POSTGRES_URL="$pg_url" \
      npx vitest run db/queries services db/schema-parity.test.ts db/postgres-maintenance.test.ts db/postgres-busy.test.ts db/postgres-generation.test.ts db/copy.test.ts --reporter=default --reporter=json --outputFile=test-results/unit-postgres.json
    unit_reports+=,test-results/unit-postgres.json
  else
    pg_url=""
    failed_stages+=("postgres-server")
  fi
else
  echo "PostgreSQL is not installed: the tests ran on SQLite only (.ci/run installs it)"
fi
# The segmentation lab's smoke test and the PDF importer's test on typeset lab pages typeset,
# extract and read real pages: tens of CPU-seconds, run on their own so they do not slow the
# timed unit tests beside them.
stage lab-smoke npx vitest run lab/smoke.test.ts lib/ingest/pdf/lab-pages.test.ts --reporter=default --reporter=json --outputFile=test-results/lab-smoke.json
echo "::: build"
e2e_reports=test-results/e2e.json
if npm run -s build >test-results/build.log 2>&1; then
  # The end-to-end suite again with the server on PostgreSQL (the crash test included: its own
  # server on a database of its own there); playwright.config.ts leaves out only the two specs
  # about the SQLite file itself (backup of the file, its write lock held by another process).
  # It runs beside the SQLite pass, not after it: each pass is one browser and one server that
  # spend much of their time waiting on each other, so two passes on two cores take little more
  # than one, and CI stays well under its 30 minutes. Each has its own server port, crash-test
  # port, database, media folder and output folder; its log is printed when both are done.
  if [[ -n "$pg_url" ]]; then
    start_beside e2e-postgres env E2E_DATABASE_URL="$pg_url" E2E_REPORT=test-results/e2e-postgres.json E2E_OUTPUT=test-results/playwright-postgres \
      E2E_PORT=$(( ${E2E_PORT:-3210} + 50 )) CRASH_PORT=$(( ${CRASH_PORT:-3293} + 50 )) npx playwright test
  fi
  stage e2e npx playwright test
  if [[ -n "$pg_url" ]]; then
    end_beside e2e-postgres
    e2e_reports+=,test-results/e2e-postgres.json
  fi
else
  cat test-results/build.log
  failed_stages+=("build")
fi

node scripts/test-summary.mjs "$unit_reports",test-results/lab-smoke.json "$e2e_reports" "${failed_stages[*]:-}"
