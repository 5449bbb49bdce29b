#!/usr/bin/env bash
# Runs every test file under test/ with Node's test runner (tsx loads TypeScript).
# Node 20 does not expand globs itself, so the file list is built here. Pass file paths to run a subset.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$#" -gt 0 ]; then files=("$@"); else mapfile -t files < <(find test -name '*.test.ts' | sort); fi
# The engine matrix needs PostgreSQL: start it when it is not running, and stop it afterwards
# only if this run started it (MDA_TEST_PG_URL pointing elsewhere skips this).
pg_state=""
if [ -z "${MDA_TEST_PG_URL:-}" ]; then pg_state=$(bash scripts/pg.sh start); fi
# One migrated atlas and one with the built-in corpus, per engine, made once for the whole run: the
# tests copy them (test/support/templates.ts) instead of migrating and ingesting in every suite.
# They are dropped at the end, whatever the outcome (MDA_TEST_TEMPLATES=0 skips them).
cleanup() {
  if [ "${MDA_TEST_TEMPLATES:-1}" != 0 ]; then node --import tsx test/support/prepare-templates.ts drop || true; fi
  if [ "$pg_state" = started ]; then bash scripts/pg.sh stop; fi
}
trap cleanup EXIT
if [ "${MDA_TEST_TEMPLATES:-1}" != 0 ]; then
  eval "$(node --import tsx test/support/prepare-templates.ts create)"
fi
# Test files wait on PostgreSQL, Chromium and child processes much of the time: three at once keep
# two cores busy (MDA_TEST_CONCURRENCY to change).
node --import tsx --test --test-concurrency="${MDA_TEST_CONCURRENCY:-3}" --test-reporter=spec "${files[@]}"
